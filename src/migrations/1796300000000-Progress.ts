import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress (issue 14, REPORTING.md "Progress and the status date"): a task's actual start and
 * finish, and the project's status date. Tasks already bump `plan_version` on every column; the
 * project's trigger now also watches `status_date`, since the schedule is read as of it.
 */
export class Progress1796300000000 implements MigrationInterface {
  name = 'Progress1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "actual_start" date`);
    await queryRunner.query(`ALTER TABLE "task" ADD "actual_finish" date`);
    await queryRunner.query(`ALTER TABLE "project" ADD "status_date" date`);
    await queryRunner.query(`DROP TRIGGER project_plan_version ON "project"`);
    await queryRunner.query(`CREATE TRIGGER project_plan_version BEFORE UPDATE OF "start_date", "calendar_code", "status_date" ON "project" FOR EACH ROW
      WHEN (NEW.start_date IS DISTINCT FROM OLD.start_date OR NEW.calendar_code IS DISTINCT FROM OLD.calendar_code
        OR NEW.status_date IS DISTINCT FROM OLD.status_date)
      EXECUTE FUNCTION bump_own_plan_version()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER project_plan_version ON "project"`);
    await queryRunner.query(`CREATE TRIGGER project_plan_version BEFORE UPDATE OF "start_date", "calendar_code" ON "project" FOR EACH ROW
      WHEN (NEW.start_date IS DISTINCT FROM OLD.start_date OR NEW.calendar_code IS DISTINCT FROM OLD.calendar_code)
      EXECUTE FUNCTION bump_own_plan_version()`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "status_date"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "actual_finish"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "actual_start"`);
  }
}
