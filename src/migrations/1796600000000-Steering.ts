import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meetings and their decisions (issue 16): steering and weekly status meetings, their attendees
 * and the decisions taken at them (status OPEN/DONE, version-checked). People are users (RESTRICT,
 * as elsewhere); a project's meetings go with it. The decision log is read from these and the
 * existing records, so it has no table.
 */
export class Steering1796600000000 implements MigrationInterface {
    name = 'Steering1796600000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."meeting_kind" AS ENUM('STEERING', 'WEEKLY_STATUS')`);
        await queryRunner.query(`CREATE TABLE "steering_meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "kind" "public"."meeting_kind" NOT NULL, "held_on" date NOT NULL, "title" character varying(200) NOT NULL, "recorded_by_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), CONSTRAINT "PK_0fe2e481f2ab555c6691d383769" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_60357e20f31cd1b4b593ccd722" ON "steering_meeting"  ("recorded_by_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_b048c18795f0ca15e8e029dd5c" ON "steering_meeting"  ("project_id", "held_on") `);
        await queryRunner.query(`CREATE TABLE "meeting_attendee" ("meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_a7e75fbdbab9c0a26480d6bdeca" PRIMARY KEY ("meeting_id", "user_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_957ef8618ca00125e7ef3d0005" ON "meeting_attendee"  ("user_id") `);
        await queryRunner.query(`CREATE TYPE "public"."decision_status" AS ENUM('OPEN', 'DONE')`);
        await queryRunner.query(`CREATE TABLE "meeting_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "text" text NOT NULL, "owner_id" uuid, "due_date" date, "status" "public"."decision_status" NOT NULL DEFAULT 'OPEN', "recorded_by_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_6787600e55cc73688b127a1cd93" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_f8ba8b1ac2f01590e9e5e3a5c5" ON "meeting_decision"  ("project_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_f4733268fa0a9cc03377bf1a58" ON "meeting_decision"  ("meeting_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_09055fe56e0ac58dc800665bb9" ON "meeting_decision"  ("owner_id") `);
        await queryRunner.query(`ALTER TABLE "steering_meeting" ADD CONSTRAINT "FK_8aa1841cfc26a9f3c8b2843794e" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "steering_meeting" ADD CONSTRAINT "FK_60357e20f31cd1b4b593ccd722e" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_6ae2c754d429a9c48266579041d" FOREIGN KEY ("meeting_id") REFERENCES "steering_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_attendee" ADD CONSTRAINT "FK_957ef8618ca00125e7ef3d00050" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_f8ba8b1ac2f01590e9e5e3a5c5e" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_f4733268fa0a9cc03377bf1a58f" FOREIGN KEY ("meeting_id") REFERENCES "steering_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_09055fe56e0ac58dc800665bb95" FOREIGN KEY ("owner_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" ADD CONSTRAINT "FK_ea65ad927fa4302d77285297015" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_ea65ad927fa4302d77285297015"`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_09055fe56e0ac58dc800665bb95"`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_f4733268fa0a9cc03377bf1a58f"`);
        await queryRunner.query(`ALTER TABLE "meeting_decision" DROP CONSTRAINT "FK_f8ba8b1ac2f01590e9e5e3a5c5e"`);
        await queryRunner.query(`ALTER TABLE "meeting_attendee" DROP CONSTRAINT "FK_957ef8618ca00125e7ef3d00050"`);
        await queryRunner.query(`ALTER TABLE "meeting_attendee" DROP CONSTRAINT "FK_6ae2c754d429a9c48266579041d"`);
        await queryRunner.query(`ALTER TABLE "steering_meeting" DROP CONSTRAINT "FK_60357e20f31cd1b4b593ccd722e"`);
        await queryRunner.query(`ALTER TABLE "steering_meeting" DROP CONSTRAINT "FK_8aa1841cfc26a9f3c8b2843794e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_09055fe56e0ac58dc800665bb9"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f4733268fa0a9cc03377bf1a58"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_f8ba8b1ac2f01590e9e5e3a5c5"`);
        await queryRunner.query(`DROP TABLE "meeting_decision"`);
        await queryRunner.query(`DROP TYPE "public"."decision_status"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_957ef8618ca00125e7ef3d0005"`);
        await queryRunner.query(`DROP TABLE "meeting_attendee"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_b048c18795f0ca15e8e029dd5c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_60357e20f31cd1b4b593ccd722"`);
        await queryRunner.query(`DROP TABLE "steering_meeting"`);
        await queryRunner.query(`DROP TYPE "public"."meeting_kind"`);
    }

}
