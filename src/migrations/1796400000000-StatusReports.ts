import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status reports (issue 14): one row per report and period; drafts keep what the PM entered
 * (summary, cost figures, decisions requested, rating overrides as jsonb), a published report
 * keeps its whole frozen content in `snapshot` (set together with published_at, checked).
 * Periods are ordered by a check; that periods of one project do not overlap is kept by the
 * service under the project's lock (an exclusion constraint would need btree_gist).
 */
export class StatusReports1796400000000 implements MigrationInterface {
    name = 'StatusReports1796400000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "status_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "summary" text, "cost_to_date" numeric(18,2), "forecast_at_completion" numeric(18,2), "decisions_requested" jsonb NOT NULL DEFAULT '[]', "rating_overrides" jsonb NOT NULL DEFAULT '[]', "snapshot" jsonb, "published_at" TIMESTAMP WITH TIME ZONE, "published_by_id" uuid, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "status_report_published_has_snapshot" CHECK (("published_at" IS NULL) = ("snapshot" IS NULL)), CONSTRAINT "status_report_period_ordered" CHECK ("period_end" >= "period_start"), CONSTRAINT "PK_589d851ea65b2ba502bd01bd5b4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c12b5ed1ca0133ba889ca881e6" ON "status_report"  ("project_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_85b05d395f74f639be7fea3d59" ON "status_report"  ("published_by_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_357316a4930b8cf96ed1bac467" ON "status_report"  ("created_by_id") `);
        await queryRunner.query(`ALTER TABLE "status_report" ADD CONSTRAINT "FK_c12b5ed1ca0133ba889ca881e69" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "status_report" ADD CONSTRAINT "FK_85b05d395f74f639be7fea3d59c" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "status_report" ADD CONSTRAINT "FK_357316a4930b8cf96ed1bac4674" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "status_report" DROP CONSTRAINT "FK_357316a4930b8cf96ed1bac4674"`);
        await queryRunner.query(`ALTER TABLE "status_report" DROP CONSTRAINT "FK_85b05d395f74f639be7fea3d59c"`);
        await queryRunner.query(`ALTER TABLE "status_report" DROP CONSTRAINT "FK_c12b5ed1ca0133ba889ca881e69"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_357316a4930b8cf96ed1bac467"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_85b05d395f74f639be7fea3d59"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c12b5ed1ca0133ba889ca881e6"`);
        await queryRunner.query(`DROP TABLE "status_report"`);
    }

}
