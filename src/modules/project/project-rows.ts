import type DataLoader from 'dataloader';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader } from '../../common/dataloaders/request-loaders';
import { Project } from './entities/project.entity';

/**
 * Project rows read with plain SQL: the project is read on nearly every request, and building the
 * ORM's query and hydrating its result cost more than the statement itself. The columns come out
 * typed exactly as the ORM gives them (the `pg` parsers: dates as "YYYY-MM-DD", numeric and
 * bigint as strings, timestamptz as Date), so a row read here is the entity `findBy` would give,
 * with `latestBaselineFinish` and `latestBaselineGoLives` (the entity's virtual columns) included.
 */
const COLUMNS: [property: keyof Project, sql: string][] = [
  ['id', 'id'], ['code', 'code'], ['name', 'name'], ['clientName', 'client_name'], ['systemName', 'system_name'],
  ['status', 'status'], ['startDate', 'start_date'], ['statusDate', 'status_date'], ['templateKey', 'template_key'],
  ['calendarCode', 'calendar_code'], ['timeToleranceDays', 'time_tolerance_days'], ['budget', 'budget'], ['currency', 'currency'],
  ['costTolerancePercent', 'cost_tolerance_percent'], ['keyUserMinProcessKnowledge', 'key_user_min_process_knowledge'],
  ['keyUserMinTeaching', 'key_user_min_teaching'], ['keyUsersRequiredPerCell', 'key_users_required_per_cell'],
  ['calendarFeedToken', 'calendar_feed_token'], ['planVersion', 'plan_version'], ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'], ['version', 'version'],
];

/** Every property `projectFromRow` sets, for the test that keeps this list and the entity in step. */
export const PROJECT_ROW_PROPERTIES: readonly string[] = [...COLUMNS.map(([property]) => property), 'latestBaselineFinish', 'latestBaselineGoLives'];

/**
 * The select list of a project row of `alias`, each column named `${prefix}${property}`: with a
 * prefix, the row can share a statement with other tables' columns.
 */
export function projectColumns(alias: string, prefix = ''): string {
  return [
    ...COLUMNS.map(([property, column]) => `${alias}.${column} AS "${prefix}${property}"`),
    `(SELECT b.finish_date FROM baseline b WHERE b.project_id = ${alias}.id ORDER BY b.captured_at DESC, b.id DESC LIMIT 1) AS "${prefix}latestBaselineFinish"`,
    `(SELECT coalesce(jsonb_object_agg(e.milestone_id, e.finish), '{}'::jsonb) FROM baseline_entry e WHERE e.milestone_id IS NOT NULL AND e.baseline_id = ` +
      `(SELECT b.id FROM baseline b WHERE b.project_id = ${alias}.id ORDER BY b.captured_at DESC, b.id DESC LIMIT 1)) AS "${prefix}latestBaselineGoLives"`,
  ].join(', ');
}

/** The entity from a row selected with `projectColumns(alias, prefix)`; null when the row has no project (an outer join's miss). */
export function projectFromRow(row: Record<string, unknown>, prefix = ''): Project | null {
  if (row[`${prefix}id`] == null) return null;
  const project = new Project();
  const target = project as unknown as Record<string, unknown>;
  for (const property of PROJECT_ROW_PROPERTIES) target[property] = row[`${prefix}${property}`];
  return project;
}

const BY_IDS = `SELECT ${projectColumns('p')} FROM project p WHERE p.id = ANY($1::uuid[])`;

/** Projects by id for this request (one statement for all ids asked together). */
export function projectLoader(ctx: RequestContext): DataLoader<string, Project | undefined> {
  return byIdLoader(ctx, 'projects', async (ids) => {
    const rows: Record<string, unknown>[] = await ctx.manager.query(BY_IDS, [ids]);
    return rows.map((row) => projectFromRow(row)!);
  }, (project) => project.id);
}
