import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan editing (issue 12): tasks get an owner; a criterion that was never decided on (no
 * confirmation, no waiver) may go with the milestone it belongs to, taking the log of its
 * confirmers along. The database still refuses to delete a confirmation (RESTRICT), a waived
 * criterion, or a confirmer change of a criterion that stays.
 */
export class PlanEditing1796000000000 implements MigrationInterface {
  name = 'PlanEditing1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "owner_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_cde1069d3c3c483430e8fed530" ON "task" ("owner_id") `);
    await queryRunner.query(`ALTER TABLE "task" ADD CONSTRAINT "FK_cde1069d3c3c483430e8fed5306" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);

    await queryRunner.query(`ALTER TABLE "confirmer_change" DROP CONSTRAINT "FK_b3bb05197fd8ae5a9270e6a1d7c"`);
    await queryRunner.query(`ALTER TABLE "confirmer_change" ADD CONSTRAINT "FK_b3bb05197fd8ae5a9270e6a1d7c" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // The cascade runs after the criterion row is gone: only then may its confirmer changes go.
    await queryRunner.query(`
      CREATE FUNCTION keep_confirmer_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM criterion WHERE id = OLD.criterion_id) THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '% rows are append-only: they are never updated or deleted', TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    await queryRunner.query(`DROP TRIGGER confirmer_change_append_only ON "confirmer_change"`);
    await queryRunner.query(
      `CREATE TRIGGER confirmer_change_append_only BEFORE UPDATE OR DELETE ON "confirmer_change"
       FOR EACH ROW EXECUTE FUNCTION keep_confirmer_change()`,
    );
    await queryRunner.query(`
      CREATE FUNCTION keep_waived_criterion() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.waived_at IS NOT NULL THEN
          RAISE EXCEPTION 'criterion waivers are part of the acceptance record: a waived criterion is never deleted'
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN OLD;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER criterion_waiver_kept BEFORE DELETE ON "criterion" FOR EACH ROW EXECUTE FUNCTION keep_waived_criterion()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER criterion_waiver_kept ON "criterion"`);
    await queryRunner.query(`DROP FUNCTION keep_waived_criterion()`);
    await queryRunner.query(`DROP TRIGGER confirmer_change_append_only ON "confirmer_change"`);
    await queryRunner.query(
      `CREATE TRIGGER confirmer_change_append_only BEFORE UPDATE OR DELETE ON "confirmer_change"
       FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_record()`,
    );
    await queryRunner.query(`DROP FUNCTION keep_confirmer_change()`);
    await queryRunner.query(`ALTER TABLE "confirmer_change" DROP CONSTRAINT "FK_b3bb05197fd8ae5a9270e6a1d7c"`);
    await queryRunner.query(`ALTER TABLE "confirmer_change" ADD CONSTRAINT "FK_b3bb05197fd8ae5a9270e6a1d7c" FOREIGN KEY ("criterion_id") REFERENCES "criterion"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "FK_cde1069d3c3c483430e8fed5306"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cde1069d3c3c483430e8fed530"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "owner_id"`);
  }
}
