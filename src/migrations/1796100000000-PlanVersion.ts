import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Performance (issue 13): a project's `plan_version` changes with every change of what its
 * schedule is computed from, in the same transaction, so a schedule computed once can be reused
 * for as long as the version stays (by every instance on the database). Triggers rather than calls
 * in the services: no writer (a template, a cascade, a future mutation) can forget to bump it.
 * Watched: tasks and links (every column: the cached plan carries their rows), stages (order and
 * names), milestones (territory, hence calendar), territories (calendar), the project's own start
 * date and calendar.
 */
export class PlanVersion1796100000000 implements MigrationInterface {
  name = 'PlanVersion1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" ADD "plan_version" bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE FUNCTION bump_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.project_id IS DISTINCT FROM OLD.project_id THEN
          UPDATE project SET plan_version = plan_version + 1 WHERE id = OLD.project_id;
        END IF;
        UPDATE project SET plan_version = plan_version + 1
          WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.project_id ELSE NEW.project_id END;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER task_plan_version AFTER INSERT OR UPDATE OR DELETE ON "task" FOR EACH ROW EXECUTE FUNCTION bump_plan_version()`);
    await queryRunner.query(`CREATE TRIGGER dependency_plan_version AFTER INSERT OR UPDATE OR DELETE ON "dependency" FOR EACH ROW EXECUTE FUNCTION bump_plan_version()`);
    await queryRunner.query(`CREATE TRIGGER stage_plan_version AFTER INSERT OR DELETE OR UPDATE OF "sequence", "name", "project_id" ON "stage" FOR EACH ROW EXECUTE FUNCTION bump_plan_version()`);
    await queryRunner.query(`CREATE TRIGGER milestone_plan_version AFTER INSERT OR DELETE OR UPDATE OF "territory_id", "project_id" ON "milestone" FOR EACH ROW EXECUTE FUNCTION bump_plan_version()`);
    await queryRunner.query(`CREATE TRIGGER territory_plan_version AFTER INSERT OR DELETE OR UPDATE OF "calendar_code", "project_id" ON "territory" FOR EACH ROW EXECUTE FUNCTION bump_plan_version()`);
    await queryRunner.query(`
      CREATE FUNCTION bump_own_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.plan_version := OLD.plan_version + 1;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER project_plan_version BEFORE UPDATE OF "start_date", "calendar_code" ON "project" FOR EACH ROW
      WHEN (NEW.start_date IS DISTINCT FROM OLD.start_date OR NEW.calendar_code IS DISTINCT FROM OLD.calendar_code)
      EXECUTE FUNCTION bump_own_plan_version()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER project_plan_version ON "project"`);
    for (const table of ['task', 'dependency', 'stage', 'milestone', 'territory']) {
      await queryRunner.query(`DROP TRIGGER ${table}_plan_version ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION bump_own_plan_version()`);
    await queryRunner.query(`DROP FUNCTION bump_plan_version()`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "plan_version"`);
  }
}
