import { countStatements } from '../support/count-statements';
import { codeOf, GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';
import { stageReportingScene } from '../support/reporting-scene';

/**
 * Status reports (REPORTING.md "Computed ratings", "A report's content", "Publishing"): a
 * project with a baseline, progress, a budget, criteria, risks, issues and a milestone going
 * live; the PM drafts, updates, overrides and publishes; a published report never changes.
 */
describe('status reports (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, consultant: TestUser, keyUser: TestUser, observer: TestUser, outsider: TestUser;
  let projectId: string;
  let milestone: { id: string; prepareId: string };
  let firstTask: { id: string; durationDays: number };
  let reportId: string;

  const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
  const REPORT_FIELDS = `id periodStart periodEnd published publishedAt overall schedule scope cost quality risk readiness
    ratings { dimension computed rating overrideReason basis } summary costToDate forecastAtCompletion forecastFinish baselineFinish
    thisPeriod { refId name date detail } nextPeriod { refId name date detail }
    milestones { milestoneId name plannedGoLive baselineGoLive forecastGoLive varianceDays ready }
    risks { refId name date detail } issues { refId name date detail } decisionsRequested createdAt version`;
  const CREATE = `mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { ${REPORT_FIELDS} } }`;
  const UPDATE = `mutation($i: UpdateStatusReportInput!) { updateStatusReport(input: $i) { ${REPORT_FIELDS} } }`;
  const OVERRIDE = `mutation($id: ID!, $d: RagDimension!, $r: Rag, $why: String) { overrideRating(reportId: $id, dimension: $d, rating: $r, reason: $why) { ${REPORT_FIELDS} } }`;
  const PUBLISH = `mutation($id: ID!) { publishStatusReport(id: $id) { ${REPORT_FIELDS} } }`;
  const REPORTS = `query($id: ID!) { project(id: $id) { statusReports { ${REPORT_FIELDS} } } }`;
  const UPDATE_TASK = 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id version } }';

  const field = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.field;
  const reportsAs = async (user: TestUser) => (await t.ok(REPORTS, { id: projectId }, user.token)).project.statusReports as any[];
  const rating = (report: any, dimension: string) => report.ratings.find((r: any) => r.dimension === dimension);
  const taskVersion = async (id: string) => (await t.dataSource.query('SELECT version FROM task WHERE id = $1', [id]))[0].version as number;
  const today = new Date().toISOString().slice(0, 10);
  const daysBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor, consultant, keyUser, observer, outsider] = [
      await t.user({ name: 'Pavel PM' }), await t.user({ organization: 'CLIENT' as never }), await t.user(),
      await t.user({ organization: 'CLIENT' as never, name: 'Kira Key' }), await t.user(), await t.user(),
    ];
    const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id tasks { id name durationDays stage { sequence } } stages { exitCriteria { id text priority } } } }', {
      i: { code: unique('REP'), name: 'Reports', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02', calendarCode: 'RU' },
    }, pm.token)).createProject;
    projectId = project.id;
    firstTask = project.tasks.find((x: any) => x.stage?.sequence === 1);
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [consultant, 'CONSULTANT'], [keyUser, 'KEY_USER'], [observer, 'OBSERVER']] as const) {
      await t.ok(ADD_MEMBER, { p: projectId, u: user.id, r: role }, pm.token);
    }
    const criteria = project.stages[0].exitCriteria.filter((c: any) => c.priority === 'MUST');
    const scene = await stageReportingScene(t, { projectId, pm, sponsor, keyUser, firstTaskId: firstTask.id, mustCriteria: criteria });
    milestone = { id: scene.milestoneId, prepareId: scene.prepareId };
  });
  afterAll(() => t.close());

  it('the PM drafts a report: every rating computed as of periodEnd, each with its basis', async () => {
    const report = (await t.ok(CREATE, { i: { projectId, periodStart: '2026-03-02', periodEnd: '2026-03-13', summary: ' First fortnight ' } }, pm.token)).createStatusReport;
    reportId = report.id;
    expect(report).toMatchObject({ periodStart: '2026-03-02', periodEnd: '2026-03-13', published: false, publishedAt: null, summary: 'First fortnight', version: 1, decisionsRequested: [] });
    expect(report.ratings.map((r: any) => r.dimension)).toEqual(['SCHEDULE', 'COST', 'SCOPE', 'QUALITY', 'RISK', 'READINESS']);

    // Schedule: read with the report's periodEnd as the status date, exactly as Project.health reads it then.
    await t.ok('mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id } }', { p: projectId, d: '2026-03-13' }, pm.token);
    const asOf = (await t.ok('query($id: ID!) { project(id: $id) { schedule { finishDate } health { schedule baselineFinish varianceDays } } }', { id: projectId }, pm.token)).project;
    await t.ok('mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id } }', { p: projectId, d: null }, pm.token);
    expect(report.forecastFinish).toBe(asOf.schedule.finishDate);
    expect(report.baselineFinish).toBe(asOf.health.baselineFinish);
    expect(rating(report, 'SCHEDULE').computed).toBe(asOf.health.schedule);
    // The second task cannot start before 16 March (the first working day after periodEnd): the finish slips 7 days.
    expect(asOf.health.varianceDays).toBe(7);
    expect(rating(report, 'SCHEDULE')).toEqual({ dimension: 'SCHEDULE', computed: 'AMBER', rating: 'AMBER', overrideReason: null,
      basis: `forecast ${report.forecastFinish} is 7 working days after baseline ${report.baselineFinish}; tolerance 10` });

    expect(rating(report, 'COST')).toEqual({ dimension: 'COST', computed: null, rating: null, overrideReason: null,
      basis: 'not rated: no forecast at completion entered on the report yet (budget 1000000.00 RUB)' });
    expect(report.cost).toBeNull();
    expect(rating(report, 'SCOPE')).toMatchObject({ computed: 'AMBER', basis: expect.stringMatching(/^1 MUST criterion waived since baseline "Approved plan"/) });
    expect(rating(report, 'QUALITY')).toMatchObject({ computed: 'RED', basis: expect.stringMatching(/^1 MUST criterion stands rejected/) });
    expect(rating(report, 'RISK')).toMatchObject({ computed: 'RED',
      basis: '2 open risks, highest score 16 ("Data migration late"), 1 without an owner; AMBER from 8 or without an owner, RED from 15' });
    expect(report).toMatchObject({ scope: 'AMBER', quality: 'RED', risk: 'RED', overall: 'RED' });

    // The milestone goes live 17 March (preparation's last day after the status date is 16 March): inside
    // the readiness window (after 2 March, through 13 March + 12 days), and its key user is untrained.
    expect(report.milestones).toEqual([{ milestoneId: milestone.id, name: 'Sales go-live', plannedGoLive: '2026-03-17', baselineGoLive: '2026-03-17', forecastGoLive: '2026-03-17', varianceDays: 0, ready: false }]);
    expect(rating(report, 'READINESS')).toMatchObject({ computed: 'RED',
      basis: '1 of 1 milestone going live after 2026-03-02 through 2026-03-25 not ready: "Sales go-live" (1 of 1 key users have not attended a key-user session)' });

    // The milestone's own readiness says the same.
    const { project } = await t.ok('query($id: ID!) { project(id: $id) { milestones { id readiness { ready notReadyReasons } } } }', { id: projectId }, pm.token);
    expect(project.milestones[0].readiness).toEqual({ ready: false, notReadyReasons: ['1 of 1 key users have not attended a key-user session'] });

    // Content: the task finished in the period, the milestone going live next period, registers in order.
    expect(report.thisPeriod).toEqual([{ refId: firstTask.id, name: expect.any(String), date: '2026-03-06', detail: 'task finished' }]);
    expect(report.nextPeriod).toContainEqual({ refId: milestone.id, name: 'Sales go-live', date: '2026-03-17', detail: 'milestone goes live' });
    expect(report.nextPeriod.every((i: any) => i.date >= '2026-03-14' && i.date <= '2026-03-25')).toBe(true);
    expect(report.risks.map((r: any) => r.name)).toEqual(['Data migration late', 'Low risk']);
    expect(report.risks[0].detail).toBe('score 16 (probability 4 × impact 4); owner: Pavel PM; response REDUCE');
    expect(report.issues.map((i: any) => i.name)).toEqual(['Invoices wrong', 'Printer driver']);
  });

  it('a draft is recomputed on each read; updates are version-checked', async () => {
    let [report] = await reportsAs(pm);
    expect(report.version).toBe(1);
    await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Key user leaves', probability: 5, impact: 5, ownerId: pm.id } }, pm.token);
    [report] = await reportsAs(pm);
    expect(report.risks[0].name).toBe('Key user leaves');

    const updated = (await t.ok(UPDATE, { i: { id: reportId, version: 1, costToDate: '400000', forecastAtCompletion: '1070000', decisionsRequested: [' Approve the extra week ', ' '] } }, pm.token)).updateStatusReport;
    expect(updated).toMatchObject({ version: 2, costToDate: '400000.00', forecastAtCompletion: '1070000.00', decisionsRequested: ['Approve the extra week'], cost: 'AMBER' });
    expect(rating(updated, 'COST').basis).toBe('forecast at completion 1070000.00 RUB is 7.00 % over budget 1000000.00 RUB; tolerance 10 %');

    const stale = await t.gql(UPDATE, { i: { id: reportId, version: 1, summary: 'Lost update' } }, pm.token);
    expect(codeOf(stale)).toBe('STALE_VERSION');
    const bad = await t.gql(UPDATE, { i: { id: reportId, version: 2, forecastAtCompletion: '0' } }, pm.token);
    expect([codeOf(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'forecastAtCompletion']);
    [report] = await reportsAs(pm);
    expect(report).toMatchObject({ version: 2, summary: 'First fortnight', forecastAtCompletion: '1070000.00' });
  });

  it('the PM overrides a rating with a reason; the computed one stays beside it; null clears', async () => {
    const noReason = await t.gql(OVERRIDE, { id: reportId, d: 'RISK', r: 'AMBER', why: '  ' }, pm.token);
    expect([codeOf(noReason), field(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);

    let report = (await t.ok(OVERRIDE, { id: reportId, d: 'QUALITY', r: 'GREEN', why: 'Retest passed yesterday' }, pm.token)).overrideRating;
    expect(rating(report, 'QUALITY')).toMatchObject({ computed: 'RED', rating: 'GREEN', overrideReason: 'Retest passed yesterday' });
    expect(report.quality).toBe('GREEN');
    for (const d of ['RISK', 'READINESS']) report = (await t.ok(OVERRIDE, { id: reportId, d, r: 'AMBER', why: 'Mitigation agreed' }, pm.token)).overrideRating;
    // Effective: schedule as computed, cost AMBER, scope AMBER, quality GREEN, risk and readiness AMBER.
    expect(report.overall).toBe(rating(report, 'SCHEDULE').computed === 'RED' ? 'RED' : 'AMBER');
    report = (await t.ok(OVERRIDE, { id: reportId, d: 'QUALITY', r: null }, pm.token)).overrideRating;
    expect(rating(report, 'QUALITY')).toMatchObject({ computed: 'RED', rating: 'RED', overrideReason: null });
    expect(report.overall).toBe('RED');

    for (const user of [sponsor, consultant, keyUser, observer]) {
      expect(codeOf(await t.gql(OVERRIDE, { id: reportId, d: 'RISK', r: 'GREEN', why: 'x' }, user.token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.gql(OVERRIDE, { id: reportId, d: 'RISK', r: 'GREEN', why: 'x' }, outsider.token))).toBe('NOT_FOUND');
  });

  it('drafts are seen by the PM and consultants only; published reports by every member', async () => {
    expect((await reportsAs(consultant)).map((r) => r.id)).toEqual([reportId]);
    for (const user of [sponsor, keyUser, observer]) expect(await reportsAs(user)).toEqual([]);
    expect(codeOf(await t.gql(REPORTS, { id: projectId }, outsider.token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(PUBLISH, { id: reportId }, sponsor.token))).toBe('FORBIDDEN');
  });

  it('publishing freezes the report: it reads the same after later plan changes, and refuses every edit', async () => {
    const published = (await t.ok(PUBLISH, { id: reportId }, pm.token)).publishStatusReport;
    expect(published.published).toBe(true);
    expect(published.publishedAt).toEqual(expect.any(String));
    const [before] = await reportsAs(pm);
    expect(before).toEqual(published);

    // The plan moves on: the milestone's preparation grows and finishes; a new risk; the budget changes.
    const v = await taskVersion(milestone.prepareId);
    await t.ok(UPDATE_TASK, { i: { id: milestone.prepareId, version: v, durationDays: 25, percentComplete: 20 } }, pm.token);
    await t.ok(UPDATE_TASK, { i: { id: firstTask.id, version: await taskVersion(firstTask.id), durationDays: firstTask.durationDays + 30 } }, pm.token);
    await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Later risk', probability: 1, impact: 1, ownerId: pm.id } }, pm.token);
    await t.ok('mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', { i: { projectId, budget: '5000000' } }, sponsor.token);

    const [after] = await reportsAs(pm);
    expect(after).toEqual(before);
    for (const user of [sponsor, keyUser, observer, consultant]) expect(await reportsAs(user)).toEqual([before]);

    for (const result of [
      await t.gql(UPDATE, { i: { id: reportId, version: before.version, summary: 'Rewritten' } }, pm.token),
      await t.gql(OVERRIDE, { id: reportId, d: 'RISK', r: 'GREEN', why: 'x' }, pm.token),
      await t.gql(OVERRIDE, { id: reportId, d: 'RISK', r: null }, pm.token),
      await t.gql(PUBLISH, { id: reportId }, pm.token),
    ]) expect(codeOf(result)).toBe('REPORT_PUBLISHED');
    const [row] = await t.dataSource.query('SELECT version, summary FROM status_report WHERE id = $1', [reportId]);
    expect(row).toEqual({ version: before.version, summary: 'First fortnight' });
  });

  it('periods: end not before start, not after today, and never overlapping another report of the project', async () => {
    const refuse = async (periodStart: string, periodEnd: string) => {
      const result = await t.gql(CREATE, { i: { projectId, periodStart, periodEnd } }, pm.token);
      return [codeOf(result), field(result)];
    };
    expect(await refuse('2026-03-20', '2026-03-19')).toEqual(['BAD_USER_INPUT', 'periodEnd']);
    expect(await refuse(today, new Date(Date.now() + 86_400_000).toISOString().slice(0, 10))).toEqual(['BAD_USER_INPUT', 'periodEnd']);
    expect(await refuse('2026-03-13', '2026-03-20')).toEqual(['BAD_USER_INPUT', 'periodStart']);
    expect(await refuse('2026-02-20', '2026-03-02')).toEqual(['BAD_USER_INPUT', 'periodStart']);
    expect(await refuse('2026-02-01', '2026-02-20')).toEqual(['BAD_USER_INPUT', 'periodEnd']); // before the project starts
    expect(Number((await t.dataSource.query('SELECT count(*) n FROM status_report WHERE project_id = $1', [projectId]))[0].n)).toBe(1);

    // Two concurrent creates of the same period: exactly one wins.
    const period = { periodStart: daysBefore(6), periodEnd: today };
    const results = await Promise.all([0, 1].map(() => t.gql(CREATE, { i: { projectId, ...period } }, pm.token)));
    expect(results.map((r) => codeOf(r) ?? 'created').sort()).toEqual(['BAD_USER_INPUT', 'created']);
    const created = results.find((r) => !r.errors)!.data!.createStatusReport;
    // The period that ends today lists today's criterion decisions as this period's.
    expect(created.thisPeriod.map((i: any) => i.detail)).toEqual(expect.arrayContaining(['criterion waived (MUST): Agreed at the board']));

    // Moving a draft's period obeys the same rules.
    const moved = await t.gql(UPDATE, { i: { id: created.id, version: created.version, periodStart: '2026-03-10' } }, pm.token);
    expect([codeOf(moved), field(moved)]).toEqual(['BAD_USER_INPUT', 'periodStart']);
    const reports = await reportsAs(pm);
    expect(reports.map((r) => [r.periodStart, r.published])).toEqual([[period.periodStart, false], ['2026-03-02', true]]);
  });

  it('reading every report of a project costs as many statements for three reports as for one', async () => {
    const other = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('REPN'), name: 'Statements', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token)).createProject.id;
    const read = () => t.ok(REPORTS, { id: other }, pm.token);
    const counts: number[] = [];
    for (const [start, end] of [['2026-03-02', '2026-03-06'], ['2026-03-09', '2026-03-13'], ['2026-03-16', '2026-03-20']]) {
      await t.ok(CREATE, { i: { projectId: other, periodStart: start, periodEnd: end } }, pm.token);
      await read(); // the plan is cached
      counts.push((await countStatements(t, read)).length);
    }
    expect(counts[2]).toBe(counts[0]);
    expect(counts[0]).toBeLessThanOrEqual(15);
  });

  it('without a baseline the schedule is AMBER "no baseline"; without a budget cost is not rated', async () => {
    const other = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('REP0'), name: 'No baseline', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token)).createProject.id;
    const report = (await t.ok(CREATE, { i: { projectId: other, periodStart: '2026-03-02', periodEnd: '2026-03-06' } }, pm.token)).createStatusReport;
    expect(rating(report, 'SCHEDULE')).toMatchObject({ computed: 'AMBER', basis: expect.stringMatching(/^no baseline/) });
    expect(report.baselineFinish).toBeNull();
    expect(rating(report, 'COST')).toMatchObject({ computed: null, basis: expect.stringMatching(/^not rated: the project has no budget/) });
    const withFigures = (await t.ok(UPDATE, { i: { id: report.id, version: report.version, forecastAtCompletion: '10' } }, pm.token)).updateStatusReport;
    expect(withFigures.cost).toBeNull();
    expect(rating(withFigures, 'READINESS')).toMatchObject({ computed: 'GREEN', basis: 'no milestone goes live after 2026-03-02 through 2026-03-11' });
    expect(rating(withFigures, 'RISK')).toMatchObject({ computed: 'GREEN', basis: 'no open risk in the register' });
  });
});
