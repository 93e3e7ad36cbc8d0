import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tolerances and registers (issue 14): the project's budget (exact numeric(18,2), none by
 * default), currency (ISO 4217, RUB) and cost tolerance (10 %); the risk register (probability
 * and impact 1–5, also checked by the database) and the issue register. Owners and raisers are
 * users (RESTRICT, as task owners); a project's registers go with it.
 */
export class RegistersAndTolerances1796200000000 implements MigrationInterface {
    name = 'RegistersAndTolerances1796200000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."issue_type" AS ENUM('REQUEST_FOR_CHANGE', 'OFF_SPECIFICATION', 'PROBLEM')`);
        await queryRunner.query(`CREATE TYPE "public"."issue_priority" AS ENUM('HIGH', 'MEDIUM', 'LOW')`);
        await queryRunner.query(`CREATE TYPE "public"."issue_status" AS ENUM('OPEN', 'RESOLVED', 'CLOSED')`);
        await queryRunner.query(`CREATE TABLE "project_issue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text, "type" "public"."issue_type" NOT NULL, "priority" "public"."issue_priority" NOT NULL, "owner_id" uuid, "raised_by_id" uuid NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" "public"."issue_status" NOT NULL DEFAULT 'OPEN', "resolution" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_b463603143f28a888e179a87572" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_687aa5d7bf1be1289f85e53408" ON "project_issue"  ("project_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_4e33f994dfa72adcabfadf3a44" ON "project_issue"  ("owner_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_affe914fb1bf170d2e6157c9d7" ON "project_issue"  ("raised_by_id") `);
        await queryRunner.query(`CREATE TYPE "public"."risk_response" AS ENUM('AVOID', 'REDUCE', 'TRANSFER', 'ACCEPT', 'SHARE')`);
        await queryRunner.query(`CREATE TYPE "public"."register_status" AS ENUM('OPEN', 'CLOSED')`);
        await queryRunner.query(`CREATE TABLE "risk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" text, "probability" smallint NOT NULL, "impact" smallint NOT NULL, "owner_id" uuid, "response" "public"."risk_response", "proximity" date, "status" "public"."register_status" NOT NULL DEFAULT 'OPEN', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "risk_impact_1_to_5" CHECK ("impact" BETWEEN 1 AND 5), CONSTRAINT "risk_probability_1_to_5" CHECK ("probability" BETWEEN 1 AND 5), CONSTRAINT "PK_955c5a23813b1704181c9a5f7c8" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e77017cf3425868ca503f2f001" ON "risk"  ("project_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_a320c2e6d4a86e5b324d2363d1" ON "risk"  ("owner_id") `);
        await queryRunner.query(`ALTER TABLE "project" ADD "budget" numeric(18,2)`);
        await queryRunner.query(`ALTER TABLE "project" ADD "currency" character(3) NOT NULL DEFAULT 'RUB'`);
        await queryRunner.query(`ALTER TABLE "project" ADD "cost_tolerance_percent" smallint NOT NULL DEFAULT '10'`);
        await queryRunner.query(`ALTER TABLE "project_issue" ADD CONSTRAINT "FK_687aa5d7bf1be1289f85e534085" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_issue" ADD CONSTRAINT "FK_4e33f994dfa72adcabfadf3a445" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "project_issue" ADD CONSTRAINT "FK_affe914fb1bf170d2e6157c9d7e" FOREIGN KEY ("raised_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "risk" ADD CONSTRAINT "FK_e77017cf3425868ca503f2f001a" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "risk" ADD CONSTRAINT "FK_a320c2e6d4a86e5b324d2363d19" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "risk" DROP CONSTRAINT "FK_a320c2e6d4a86e5b324d2363d19"`);
        await queryRunner.query(`ALTER TABLE "risk" DROP CONSTRAINT "FK_e77017cf3425868ca503f2f001a"`);
        await queryRunner.query(`ALTER TABLE "project_issue" DROP CONSTRAINT "FK_affe914fb1bf170d2e6157c9d7e"`);
        await queryRunner.query(`ALTER TABLE "project_issue" DROP CONSTRAINT "FK_4e33f994dfa72adcabfadf3a445"`);
        await queryRunner.query(`ALTER TABLE "project_issue" DROP CONSTRAINT "FK_687aa5d7bf1be1289f85e534085"`);
        await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "cost_tolerance_percent"`);
        await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "currency"`);
        await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "budget"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_a320c2e6d4a86e5b324d2363d1"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e77017cf3425868ca503f2f001"`);
        await queryRunner.query(`DROP TABLE "risk"`);
        await queryRunner.query(`DROP TYPE "public"."register_status"`);
        await queryRunner.query(`DROP TYPE "public"."risk_response"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_affe914fb1bf170d2e6157c9d7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_4e33f994dfa72adcabfadf3a44"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_687aa5d7bf1be1289f85e53408"`);
        await queryRunner.query(`DROP TABLE "project_issue"`);
        await queryRunner.query(`DROP TYPE "public"."issue_status"`);
        await queryRunner.query(`DROP TYPE "public"."issue_priority"`);
        await queryRunner.query(`DROP TYPE "public"."issue_type"`);
    }

}
