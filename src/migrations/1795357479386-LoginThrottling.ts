import { MigrationInterface, QueryRunner } from "typeorm";

/** Failed sign-ins, counted per email to throttle guessing. */
export class LoginThrottling1795357479386 implements MigrationInterface {
    name = 'LoginThrottling1795357479386'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "login_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5df78140d5d3f4afc249d879cdf" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_d70500e3933248a02973225f31" ON "login_failure"  ("email", "at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."IDX_d70500e3933248a02973225f31"`);
        await queryRunner.query(`DROP TABLE "login_failure"`);
    }

}
