import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The status reports a meeting reviewed (issue 16, SteeringMeeting.reportsReviewed): part of the
 * minutes, so the record is kept as the other meeting tables are (no updates). A meeting's rows go
 * with it; a reviewed report cannot be deleted from under the minutes. Also: a baseline's
 * capturedAt is the wall clock at insert.
 */
export class MeetingReports1797200000000 implements MigrationInterface {
    name = 'MeetingReports1797200000000';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "meeting_report" ("meeting_id" uuid NOT NULL, "report_id" uuid NOT NULL, CONSTRAINT "PK_3f66ef0828b04023af6c1030cbd" PRIMARY KEY ("meeting_id", "report_id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_e83f38f6900f80ce93f4f036ea" ON "meeting_report"  ("report_id") `);
        await queryRunner.query(`ALTER TABLE "meeting_report" ADD CONSTRAINT "FK_e5e5108b318b46bbdd7d035032c" FOREIGN KEY ("meeting_id") REFERENCES "steering_meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "meeting_report" ADD CONSTRAINT "FK_e83f38f6900f80ce93f4f036eaf" FOREIGN KEY ("report_id") REFERENCES "status_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        // Baselines captured in one transaction (an exception plan approved after an earlier
        // baseline, as the demo loads it) are told apart by the wall clock, not the transaction's start.
        await queryRunner.query(`ALTER TABLE "baseline" ALTER COLUMN "captured_at" SET DEFAULT clock_timestamp()`);
        await queryRunner.query('CREATE TRIGGER meeting_report_record_kept BEFORE UPDATE ON "meeting_report" FOR EACH ROW EXECUTE FUNCTION keep_meeting_record()');
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP TRIGGER meeting_report_record_kept ON "meeting_report"');
        await queryRunner.query(`ALTER TABLE "baseline" ALTER COLUMN "captured_at" SET DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "meeting_report" DROP CONSTRAINT "FK_e83f38f6900f80ce93f4f036eaf"`);
        await queryRunner.query(`ALTER TABLE "meeting_report" DROP CONSTRAINT "FK_e5e5108b318b46bbdd7d035032c"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_e83f38f6900f80ce93f4f036ea"`);
        await queryRunner.query(`DROP TABLE "meeting_report"`);
    }
}
