import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY_TABLES = ['confirmation', 'gate_decision', 'baseline', 'baseline_entry', 'confirmer_change'];

/**
 * The acceptance record in the order things happened: times from the wall clock at insert (a
 * transaction's start can be earlier than a decision it waited for); changes of a criterion's
 * confirmers recorded, append-only; TRUNCATE refused like UPDATE and DELETE; the session rules
 * the service checks, held by the database as well.
 */
export class AcceptanceRecordOrder1795395334688 implements MigrationInterface {
  name = 'AcceptanceRecordOrder1795395334688';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "confirmer_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "criterion_id" uuid NOT NULL, "changed_by_id" uuid NOT NULL, "confirmer_ids" uuid array NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_4e305eab3fb1e29173d25e89904" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_969eca0aaee4c74b843279d45d" ON "confirmer_change"  ("criterion_id", "at") `);
    await queryRunner.query(`ALTER TABLE "confirmer_change" ADD CONSTRAINT "FK_b3bb05197fd8ae5a9270e6a1d7c" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "confirmer_change" ADD CONSTRAINT "FK_8e9fca988e3bca41f5b1d69b516" FOREIGN KEY ("changed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "confirmation" ALTER COLUMN "at" SET DEFAULT clock_timestamp()`);
    await queryRunner.query(`ALTER TABLE "gate_decision" ALTER COLUMN "decided_at" SET DEFAULT clock_timestamp()`);
    await queryRunner.query(`ALTER TABLE "training_session" ADD CONSTRAINT "CHK_921425a3de56bc3f1f2d057df4" CHECK ("ends_at" > "starts_at" AND "capacity" >= 1)`);
    await queryRunner.query(
      `CREATE TRIGGER confirmer_change_append_only BEFORE UPDATE OR DELETE ON "confirmer_change"
       FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_record()`,
    );
    for (const table of APPEND_ONLY_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON "${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_append_only_record()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of APPEND_ONLY_TABLES) await queryRunner.query(`DROP TRIGGER ${table}_no_truncate ON "${table}"`);
    await queryRunner.query(`DROP TRIGGER confirmer_change_append_only ON "confirmer_change"`);
    await queryRunner.query(`ALTER TABLE "training_session" DROP CONSTRAINT "CHK_921425a3de56bc3f1f2d057df4"`);
    await queryRunner.query(`ALTER TABLE "gate_decision" ALTER COLUMN "decided_at" SET DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "confirmation" ALTER COLUMN "at" SET DEFAULT now()`);
    await queryRunner.query(`DROP TABLE "confirmer_change"`);
  }
}
