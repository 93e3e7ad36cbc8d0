import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY_TABLES = ['confirmation', 'gate_decision', 'baseline', 'baseline_entry'];

/**
 * Confirmations and gate decisions are legal facts between client and integrator, and baselines
 * are the yardstick of variance: the database itself refuses to change or delete them, whatever
 * path a future change of the code might open.
 */
export class AppendOnlyRecords1795356300000 implements MigrationInterface {
  name = 'AppendOnlyRecords1795356300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION refuse_change_of_append_only_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only: they are never updated or deleted', TG_TABLE_NAME
          USING ERRCODE = 'restrict_violation';
      END
      $$`);
    for (const table of APPEND_ONLY_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
         FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_record()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of APPEND_ONLY_TABLES) await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${table}"`);
    await queryRunner.query('DROP FUNCTION refuse_change_of_append_only_record()');
  }
}
