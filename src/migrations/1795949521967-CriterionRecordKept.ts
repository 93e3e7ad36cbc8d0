import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A criterion is part of the acceptance record as much as its confirmations: what was confirmed
 * (its text, priority, kind and owner) never changes, and a waiver, once recorded, stays as it
 * was recorded. No API path does either; the database refuses them whatever path a future change
 * of the code might open.
 */
export class CriterionRecordKept1795949521967 implements MigrationInterface {
  name = 'CriterionRecordKept1795949521967';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION keep_criterion_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.text IS DISTINCT FROM OLD.text OR NEW.priority IS DISTINCT FROM OLD.priority OR NEW.kind IS DISTINCT FROM OLD.kind
           OR NEW.project_id IS DISTINCT FROM OLD.project_id OR NEW.stage_id IS DISTINCT FROM OLD.stage_id
           OR NEW.milestone_id IS DISTINCT FROM OLD.milestone_id THEN
          RAISE EXCEPTION 'criterion rows are part of the acceptance record: their text, priority, kind and owner never change'
            USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.waived_at IS NOT NULL AND (NEW.waived_at IS DISTINCT FROM OLD.waived_at
           OR NEW.waived_by_id IS DISTINCT FROM OLD.waived_by_id OR NEW.waiver_reason IS DISTINCT FROM OLD.waiver_reason) THEN
          RAISE EXCEPTION 'criterion waivers are part of the acceptance record: a recorded waiver never changes'
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER criterion_record_kept BEFORE UPDATE ON "criterion" FOR EACH ROW EXECUTE FUNCTION keep_criterion_record()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER criterion_record_kept ON "criterion"');
    await queryRunner.query('DROP FUNCTION keep_criterion_record()');
  }
}
