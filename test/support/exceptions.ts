import type { TestApp, TestUser } from './test-app';

export type RedDimension = 'SCHEDULE' | 'COST';
export const SCHEDULE_RED: RedDimension = 'SCHEDULE';
export const COST_RED: RedDimension = 'COST';

/** The amounts a COST-red report uses: a forecast 20 % over the budget (tolerance 10 % by default). */
export const BUDGET = '1000000.00';
export const FORECAST_20_PERCENT_OVER = '1200000.00';

const PROJECT = `query($id: ID!) { project(id: $id) { startDate stages { id } baselines { name finishDate } statusReports { periodStart periodEnd } } }`;
const CREATE = 'mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id version } }';
const UPDATE = 'mutation($i: UpdateStatusReportInput!) { updateStatusReport(input: $i) { id ratings { dimension computed basis } } }';
const READ = 'query($id: ID!) { project(id: $id) { statusReports { id ratings { dimension computed basis } } } }';
const PUBLISH = 'mutation($id: ID!) { publishStatusReport(id: $id) { id published } }';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Publishes, through GraphQL as the project manager does, a status report whose computed ratings
 * are RED in the given dimensions, which raises their exceptions; returns the report's id.
 *
 * - SCHEDULE: a baseline is captured, then a task of 15 working days that may not start before
 *   that baseline's finish is added to the last stage: it starts on that day, so the forecast finishes 14 working days after
 *   the baseline (beyond a time tolerance of 10 or less).
 * - COST: the steering committee member sets a budget (setTolerances) and the report forecasts
 *   20 % over it.
 *
 * The report covers one day: the first day from the project's start that no report of the project
 * covers (and not after today), so reports of one project never overlap and an early status date
 * leaves the rest of the plan in the future. It throws if a requested rating is not RED.
 */
export async function publishRedReport(
  t: TestApp, projectId: string, pm: TestUser, red: readonly RedDimension[] = [SCHEDULE_RED], committee?: TestUser,
): Promise<string> {
  const project = (await t.ok(PROJECT, { id: projectId }, pm.token)).project;
  if (red.includes('SCHEDULE')) {
    await t.ok('mutation($p: ID!, $n: String!) { captureBaseline(projectId: $p, name: $n) { id } }', { p: projectId, n: `Before report ${project.statusReports.length + 1}` }, pm.token);
    const [latest] = (await t.ok(PROJECT, { id: projectId }, pm.token)).project.baselines;
    await t.ok('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', {
      i: { projectId, name: `Rework after ${latest.name}`, stageId: project.stages.at(-1).id, durationDays: 15, startNoEarlierThan: latest.finishDate },
    }, pm.token);
  }
  if (red.includes('COST')) {
    if (!committee) throw new Error('publishRedReport: a COST-red report needs a steering committee member to set the budget');
    await t.ok('mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', { i: { projectId, budget: BUDGET } }, committee.token);
  }

  const taken = project.statusReports as { periodStart: string; periodEnd: string }[];
  let day = Date.parse(`${project.startDate}T00:00:00Z`);
  while (taken.some((r) => r.periodStart <= isoDay(day) && isoDay(day) <= r.periodEnd)) day += 86_400_000;
  if (isoDay(day) > isoDay(Date.now())) throw new Error(`publishRedReport: no free day for a report between ${project.startDate} and today`);
  const created = (await t.ok(CREATE, { i: { projectId, periodStart: isoDay(day), periodEnd: isoDay(day), summary: 'Behind plan' } }, pm.token)).createStatusReport;
  const reportId = created.id as string;
  if (red.includes('COST')) await t.ok(UPDATE, { i: { id: reportId, version: created.version, forecastAtCompletion: FORECAST_20_PERCENT_OVER } }, pm.token);
  const draft = (await t.ok(READ, { id: projectId }, pm.token)).project.statusReports.find((r: any) => r.id === reportId);
  for (const dimension of red) {
    const rating = draft.ratings.find((r: any) => r.dimension === dimension);
    if (rating.computed !== 'RED') throw new Error(`publishRedReport: ${dimension} computed ${rating.computed}, not RED: ${rating.basis}`);
  }
  await t.ok(PUBLISH, { id: reportId }, pm.token);
  return reportId;
}
