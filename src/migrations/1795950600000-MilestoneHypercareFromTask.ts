import { MigrationInterface, QueryRunner } from 'typeorm';

/** A milestone's hypercare days are its hypercare task's duration: the copy on the milestone goes. */
export class MilestoneHypercareFromTask1795950600000 implements MigrationInterface {
  name = 'MilestoneHypercareFromTask1795950600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "milestone" DROP COLUMN "hypercare_days"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "milestone" ADD "hypercare_days" integer NOT NULL DEFAULT 0');
    await queryRunner.query(
      `UPDATE "milestone" m SET "hypercare_days" = t."duration_days" FROM "task" t WHERE t."milestone_id" = m."id" AND t."milestone_phase" = 'HYPERCARE'`,
    );
  }
}
