import { Logger } from '@nestjs/common';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Anything that runs SQL: a query runner in a migration, a data source or entity manager in a test. */
interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface ConfirmerMigrationReport {
  /** Members given the KEY_USER role because they held key-user assignments without it. */
  keyUserRolesGiven: { projectId: string; userId: string }[];
  /** Confirmers taken off criteria that are not final, with the confirmers each criterion keeps. */
  confirmersRemoved: { criterionId: string; removedUserIds: string[]; keptUserIds: string[] }[];
}

export const MIGRATION_REASON =
  'Confirmers are the client’s key users and steering committee members (key users of the milestone’s function area and territory ' +
  'for its acceptance criteria); this service’s upgrade took off the confirmers who were not';

/**
 * Brings existing data under the rules of who may be a key user and who may confirm, in the
 * projects given (every project when omitted), and says what it changed:
 * 1. a member holding key-user assignments without the KEY_USER role gets it (the project manager
 *    made them key users; the role adds no permission beyond an observer's);
 * 2. confirmers of criteria that are not final who are not eligible (the same rule as
 *    `confirmerIneligibility`) are taken off; each change is recorded in the confirmer-change log
 *    without a person (changed by the service) and with the reason. Their confirmations stay on
 *    record; a criterion left without confirmers is PENDING until the project manager names some.
 * Final criteria (closed stage, accepted milestone, project in support) keep their confirmers as
 * the record of how they were accepted.
 */
export async function bringConfirmersUnderTheRules(sql: Sql, projectIds: readonly string[] | null = null): Promise<ConfirmerMigrationReport> {
  const inScope = (column: string) => `($1::uuid[] IS NULL OR ${column} = ANY($1::uuid[]))`;
  const keyUserRolesGiven: ConfirmerMigrationReport['keyUserRolesGiven'] = (await sql.query(
    `INSERT INTO "membership" ("project_id", "user_id", "role")
     SELECT DISTINCT k."project_id", k."user_id", 'KEY_USER'::"project_role" FROM "key_user_assignment" k
      WHERE ${inScope('k."project_id"')}
        AND NOT EXISTS (SELECT 1 FROM "membership" m WHERE m."project_id" = k."project_id" AND m."user_id" = k."user_id" AND m."role" = 'KEY_USER')
     RETURNING "project_id" AS "projectId", "user_id" AS "userId"`,
    [projectIds],
  ));
  const hasRole = (role: string) =>
    `EXISTS (SELECT 1 FROM "membership" m WHERE m."project_id" = c."project_id" AND m."user_id" = cc."user_id" AND m."role" = '${role}')`;
  const confirmersRemoved: ConfirmerMigrationReport['confirmersRemoved'] = await sql.query(
    `WITH "ineligible" AS (
       SELECT cc."criterion_id", cc."user_id"
         FROM "criterion_confirmer" cc
         JOIN "criterion" c ON c."id" = cc."criterion_id"
         JOIN "project" p ON p."id" = c."project_id"
         JOIN "app_user" u ON u."id" = cc."user_id"
         LEFT JOIN "stage" s ON s."id" = c."stage_id"
         LEFT JOIN "milestone" ms ON ms."id" = c."milestone_id"
        WHERE ${inScope('c."project_id"')}
          AND CASE WHEN c."stage_id" IS NOT NULL THEN s."status" <> 'CLOSED'
                   WHEN c."milestone_id" IS NOT NULL THEN ms."status" <> 'ACCEPTED'
                   ELSE p."status" NOT IN ('IN_SUPPORT', 'CLOSED') END
          AND NOT (
            NOT ${hasRole('PROJECT_MANAGER')} AND u."organization" = 'CLIENT'
            AND (${hasRole('STEERING_COMMITTEE')}
                 OR (${hasRole('KEY_USER')}
                     AND (c."milestone_id" IS NULL OR EXISTS (
                       SELECT 1 FROM "key_user_assignment" k
                        WHERE k."project_id" = c."project_id" AND k."user_id" = cc."user_id"
                          AND (ms."function_area_id" IS NULL OR k."function_area_id" = ms."function_area_id")
                          AND (ms."territory_id" IS NULL OR k."territory_id" IS NULL OR k."territory_id" = ms."territory_id")))))
          )
     ), "removed" AS (
       DELETE FROM "criterion_confirmer" cc USING "ineligible" i
        WHERE cc."criterion_id" = i."criterion_id" AND cc."user_id" = i."user_id"
       RETURNING cc."criterion_id", cc."user_id"
     ), "changed" AS (
       SELECT r."criterion_id",
              array_agg(r."user_id" ORDER BY r."user_id") AS "removed",
              ARRAY(SELECT cc."user_id" FROM "criterion_confirmer" cc
                     WHERE cc."criterion_id" = r."criterion_id"
                       AND NOT EXISTS (SELECT 1 FROM "ineligible" i WHERE i."criterion_id" = cc."criterion_id" AND i."user_id" = cc."user_id")
                     ORDER BY cc."user_id") AS "kept"
         FROM "removed" r GROUP BY r."criterion_id"
     ), "logged" AS (
       INSERT INTO "confirmer_change" ("criterion_id", "changed_by_id", "confirmer_ids", "reason")
       SELECT "criterion_id", NULL, "kept", $2 FROM "changed"
     ), "bumped" AS (
       UPDATE "criterion" c SET "version" = c."version" + 1 FROM "changed" ch WHERE c."id" = ch."criterion_id"
     )
     SELECT "criterion_id" AS "criterionId", "removed" AS "removedUserIds", "kept" AS "keptUserIds" FROM "changed" ORDER BY "criterion_id"`,
    [projectIds, MIGRATION_REASON],
  );
  return { keyUserRolesGiven, confirmersRemoved };
}

/**
 * Who may be a key user and who may confirm (issue 11): the confirmer-change log may record a
 * change made by the service itself (no person) with its reason, and existing data is brought
 * under the rules, the changes written to the log at migration time.
 */
export class ConfirmersFromTheClient1795960000000 implements MigrationInterface {
  name = 'ConfirmersFromTheClient1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "confirmer_change" ALTER COLUMN "changed_by_id" DROP NOT NULL');
    await queryRunner.query('ALTER TABLE "confirmer_change" ADD "reason" text');
    const report = await bringConfirmersUnderTheRules(queryRunner);
    const logger = new Logger(this.name);
    for (const { projectId, userId } of report.keyUserRolesGiven) {
      logger.warn(`project ${projectId}: user ${userId} held key-user assignments without the KEY_USER role and was given it`);
    }
    for (const { criterionId, removedUserIds, keptUserIds } of report.confirmersRemoved) {
      logger.warn(`criterion ${criterionId}: confirmers ${removedUserIds.join(', ')} are not eligible and were taken off; it keeps ${keptUserIds.length ? keptUserIds.join(', ') : 'none (the project manager names new ones)'}`);
    }
    if (report.keyUserRolesGiven.length + report.confirmersRemoved.length === 0) logger.log('every key user and confirmer already follows the rules');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The log is append-only: once the service recorded a change in it, there is no way back.
    const [{ count }] = await queryRunner.query('SELECT count(*)::int AS count FROM "confirmer_change" WHERE "changed_by_id" IS NULL');
    if (count > 0) throw new Error(`The confirmer-change log holds ${count} changes made by this upgrade; it is append-only, so the upgrade cannot be undone`);
    await queryRunner.query('ALTER TABLE "confirmer_change" DROP COLUMN "reason"');
    await queryRunner.query('ALTER TABLE "confirmer_change" ALTER COLUMN "changed_by_id" SET NOT NULL');
  }
}
