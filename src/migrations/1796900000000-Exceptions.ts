import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exceptions to the steering committee (issue 16): one per published status report and RED
 * computed dimension (schedule, cost), open until a closing decision (the CHECK ties `open` to the
 * decision); a request for an exception plan is kept beside the closing decision. Deciders are
 * users (RESTRICT, as elsewhere); an exception goes with its project and report.
 */
export class Exceptions1796900000000 implements MigrationInterface {
    name = 'Exceptions1796900000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."exception_dimension" AS ENUM('SCHEDULE', 'COST')`);
        await queryRunner.query(`CREATE TYPE "public"."exception_decision" AS ENUM('APPROVE_EXCEPTION_PLAN', 'REQUEST_EXCEPTION_PLAN', 'PREMATURE_CLOSE')`);
        await queryRunner.query(`CREATE TABLE "project_exception" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "report_id" uuid NOT NULL, "dimension" "public"."exception_dimension" NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL, "description" text NOT NULL, "open" boolean NOT NULL DEFAULT true, "decision" "public"."exception_decision", "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "note" text, "plan_requested_by_id" uuid, "plan_requested_at" TIMESTAMP WITH TIME ZONE, "plan_request_note" text, "baseline_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "project_exception_one_per_report_and_dimension" UNIQUE ("report_id", "dimension"), CONSTRAINT "project_exception_decision_complete" CHECK (("decision" IS NULL) = ("decided_at" IS NULL) AND ("decision" IS NULL) = ("decided_by_id" IS NULL)), CONSTRAINT "project_exception_open_until_closing_decision" CHECK ("open" = ("decision" IS NULL OR "decision" = 'REQUEST_EXCEPTION_PLAN')), CONSTRAINT "PK_2f69be8ab9cb001e1f530c0f148" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_030528f13d18118daf51263e76" ON "project_exception"  ("project_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_1bba709f1a991a189b7f25903c" ON "project_exception"  ("report_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_aaf46d992623f65bb46ce3ea50" ON "project_exception"  ("decided_by_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b9349211da9e73f3aeb4a689e9" ON "project_exception"  ("plan_requested_by_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f1ae63b5ef033d1e03a0e1706e" ON "project_exception"  ("baseline_id") `);
        await queryRunner.query(`ALTER TABLE "project_exception" ADD CONSTRAINT "FK_030528f13d18118daf51263e768" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_exception" ADD CONSTRAINT "FK_1bba709f1a991a189b7f25903c0" FOREIGN KEY ("report_id") REFERENCES "status_report"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_exception" ADD CONSTRAINT "FK_aaf46d992623f65bb46ce3ea504" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_exception" ADD CONSTRAINT "FK_b9349211da9e73f3aeb4a689e98" FOREIGN KEY ("plan_requested_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_exception" ADD CONSTRAINT "FK_f1ae63b5ef033d1e03a0e1706e6" FOREIGN KEY ("baseline_id") REFERENCES "baseline"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "project_exception" DROP CONSTRAINT "FK_f1ae63b5ef033d1e03a0e1706e6"`);
        await queryRunner.query(`ALTER TABLE "project_exception" DROP CONSTRAINT "FK_b9349211da9e73f3aeb4a689e98"`);
        await queryRunner.query(`ALTER TABLE "project_exception" DROP CONSTRAINT "FK_aaf46d992623f65bb46ce3ea504"`);
        await queryRunner.query(`ALTER TABLE "project_exception" DROP CONSTRAINT "FK_1bba709f1a991a189b7f25903c0"`);
        await queryRunner.query(`ALTER TABLE "project_exception" DROP CONSTRAINT "FK_030528f13d18118daf51263e768"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f1ae63b5ef033d1e03a0e1706e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b9349211da9e73f3aeb4a689e9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_aaf46d992623f65bb46ce3ea50"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1bba709f1a991a189b7f25903c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_030528f13d18118daf51263e76"`);
        await queryRunner.query(`DROP TABLE "project_exception"`);
        await queryRunner.query(`DROP TYPE "public"."exception_decision"`);
        await queryRunner.query(`DROP TYPE "public"."exception_dimension"`);
    }

}
