import { RequestContext } from '../../src/common/context/request-context';
import { StatusReport } from '../../src/modules/reporting/entities/status-report.entity';
import { ExceptionsService } from '../../src/modules/reporting/exceptions/exceptions.service';
import { COST_RED, publishRedReport, SCHEDULE_RED } from '../support/exceptions';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const DECIDE = 'mutation($id: ID!, $d: ExceptionDecision!, $n: String) { decideException(id: $id, decision: $d, note: $n) { id open decision note decidedAt decidedBy { id } planRequestedAt planRequestedBy { id } } }';
const GATE = 'mutation($i: GateDecisionInput!) { decideGate(input: $i) { id status } }';
const EXCEPTIONS = `query($id: ID!) { project(id: $id) { status
  exceptions { id dimension raisedAt description open decision decidedAt decidedBy { id } note report { id periodStart periodEnd publishedAt exceptions { id } ratings { dimension computed basis } } }
  baselines { name finishDate }
  health { schedule forecastFinish baselineFinish varianceDays }
  decisionLog { at kind text decidedBy { id } refId } } }`;

/** Issue 16, item 1: exceptions raised by RED reports, decided by the steering committee, holding gates meanwhile. */
describe('exceptions (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, observer: TestUser, outsider: TestUser;
  let projectId: string;
  let stages: { id: string; name: string; exitCriteria: { id: string; priority: string }[] }[];

  const read = async (id = projectId) => (await t.ok(EXCEPTIONS, { id }, pm.token)).project;
  const decide = (id: string, d: string, n: string | null = null, user = sponsor) => t.gql(DECIDE, { id, d, n }, user.token);
  const exceptionRow = async (id: string) => (await t.dataSource.query('SELECT open, decision, version, note FROM project_exception WHERE id = $1', [id]))[0];
  const newProject = async () => {
    const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id name exitCriteria { id priority } } } }', {
      i: { code: unique('EXC'), name: 'Exceptions', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02', timeToleranceDays: 10 },
    }, pm.token)).createProject;
    await t.ok(ADD_MEMBER, { p: project.id, u: sponsor.id, r: 'STEERING_COMMITTEE' }, pm.token);
    await t.ok(ADD_MEMBER, { p: project.id, u: observer.id, r: 'OBSERVER' }, pm.token);
    return project;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor, observer, outsider] = await Promise.all([t.user(), t.user({ organization: 'CLIENT' as never, name: `Irina Sponsor ${process.pid}` }), t.user(), t.user()]);
    const project = await newProject();
    projectId = project.id;
    stages = project.stages;
    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: projectId }, pm.token);
    // The first task of the critical path takes 15 working days more: the forecast slips beyond the tolerance of 10.
    const [first] = (await t.ok('query($id: ID!) { project(id: $id) { schedule { criticalPath { id version durationDays } } } }', { id: projectId }, pm.token)).project.schedule.criticalPath;
    await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: first.id, version: first.version, durationDays: first.durationDays + 15 } }, pm.token);
    // The first stage is done and submitted: only the exception stands between it and an approval.
    await t.ok('mutation($id: ID!) { startStage(id: $id) { id } }', { id: stages[0].id }, pm.token);
    for (const c of stages[0].exitCriteria.filter((x) => x.priority === 'MUST')) {
      await t.ok('mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed by the committee") { id } }', { id: c.id }, sponsor.token);
    }
    await t.ok('mutation($id: ID!) { submitStageForGate(id: $id) { id } }', { id: stages[0].id }, pm.token);
  });
  afterAll(() => t.close());

  let reportId: string;
  let exceptionId: string;

  it('a report published with a RED schedule raises one exception naming the report and the forecast', async () => {
    const before = await read();
    expect(before.health).toMatchObject({ schedule: 'RED', varianceDays: 15 });
    expect(before.exceptions).toEqual([]);
    reportId = await publishRedReport(t, projectId, pm, [SCHEDULE_RED]);

    const { exceptions } = await read();
    expect(exceptions).toHaveLength(1);
    const [exception] = exceptions;
    exceptionId = exception.id;
    // The report's own frozen schedule rating: RED, 14 working days after the baseline captured just before it.
    const rating = exception.report.ratings.find((r: any) => r.dimension === 'SCHEDULE');
    expect(rating.computed).toBe('RED');
    const basis = rating.basis as string;
    expect(basis).toMatch(/^forecast \d{4}-\d\d-\d\d is 14 working days after baseline \d{4}-\d\d-\d\d; tolerance 10$/);
    expect(exception).toMatchObject({
      dimension: 'SCHEDULE', open: true, decision: null, decidedBy: null, decidedAt: null, note: null,
      description: `Status report ${exception.report.periodStart} – ${exception.report.periodEnd}: ${basis}`,
      report: { id: reportId, exceptions: [{ id: exception.id }] },
    });
    expect(exception.raisedAt).toBe(exception.report.publishedAt);
  });

  it('a report RED in schedule and cost raises one exception each, seen by every member', async () => {
    const other = await newProject();
    await publishRedReport(t, other.id, pm, [SCHEDULE_RED, COST_RED], sponsor);
    const { exceptions } = (await t.ok('query($id: ID!) { project(id: $id) { exceptions { dimension description open } } }', { id: other.id }, observer.token)).project;
    expect(exceptions.map((e: any) => e.dimension)).toEqual(['SCHEDULE', 'COST']);
    expect(exceptions.every((e: any) => e.open)).toBe(true);
    expect(exceptions.find((e: any) => e.dimension === 'SCHEDULE').description).toMatch(/^Status report 2026-\d\d-\d\d – 2026-\d\d-\d\d: forecast 2026-\d\d-\d\d is 14 working days after baseline/);
    expect(exceptions.find((e: any) => e.dimension === 'COST').description)
      .toMatch(/^Status report 2026-\d\d-\d\d – 2026-\d\d-\d\d: forecast at completion 1200000.00 RUB is 20.00 % over budget 1000000.00 RUB; tolerance 10 %$/);
  });

  it('raising again for the same report (a retried publish) raises nothing new', async () => {
    // The service publishStatusReport calls, called again as a retry would.
    const ctx = new RequestContext(t.dataSource, { id: pm.id, email: pm.email, isAdmin: false });
    const report = await t.dataSource.manager.findOneByOrFail(StatusReport, { id: reportId });
    const snapshot = report.snapshot as { ratings: never[] };
    const again = await ctx.inTransaction(() => t.app.get(ExceptionsService).raiseExceptionsForPublishedReport(ctx, report, snapshot.ratings));
    expect(again.map((e) => e.id)).toEqual([exceptionId]);
    expect((await read()).exceptions.map((e: any) => e.id)).toEqual([exceptionId]);
  });

  it('approving a stage gate is refused with EXCEPTION_OPEN naming the exception, and nothing is recorded; rejecting stays possible', async () => {
    for (const outcome of ['APPROVED', 'APPROVED_WITH_CONDITIONS']) {
      const refused = await t.gql(GATE, { i: { stageId: stages[0].id, outcome, conditions: 'Sign the data model' } }, sponsor.token);
      expect({ outcome, code: codeOf(refused) }).toEqual({ outcome, code: 'EXCEPTION_OPEN' });
      expect(refused.errors![0].message).toContain('cannot be approved while an exception is open: "Status report');
      expect(refused.errors![0].extensions!.openExceptions).toEqual([exceptionId]);
    }
    expect(Number((await t.dataSource.query('SELECT count(*) n FROM gate_decision WHERE stage_id = $1', [stages[0].id]))[0].n)).toBe(0);
    const rejected = await t.ok(GATE, { i: { stageId: stages[0].id, outcome: 'REJECTED', conditions: 'Recover the plan first' } }, sponsor.token);
    expect(rejected.decideGate.status).toBe('ACTIVE');
    await t.ok('mutation($id: ID!) { submitStageForGate(id: $id) { id } }', { id: stages[0].id }, pm.token);
  });

  it('only the steering committee decides: others are FORBIDDEN, non-members and unknown ids NOT_FOUND, and nothing changes', async () => {
    const before = await exceptionRow(exceptionId);
    expect(codeOf(await decide(exceptionId, 'APPROVE_EXCEPTION_PLAN', null, pm))).toBe('FORBIDDEN');
    expect(codeOf(await decide(exceptionId, 'PREMATURE_CLOSE', null, observer))).toBe('FORBIDDEN');
    expect(codeOf(await decide(exceptionId, 'PREMATURE_CLOSE', null, outsider))).toBe('NOT_FOUND');
    expect(codeOf(await decide('00000000-0000-4000-8000-000000000000', 'PREMATURE_CLOSE'))).toBe('NOT_FOUND');
    expect(await exceptionRow(exceptionId)).toEqual(before);
  });

  it('requesting an exception plan keeps the exception open (gates stay held); it is requested once', async () => {
    const { decideException } = await t.ok(DECIDE, { id: exceptionId, d: 'REQUEST_EXCEPTION_PLAN', n: ' Re-plan the configuration stage by the next report ' }, sponsor.token);
    expect(decideException).toMatchObject({ open: true, decision: 'REQUEST_EXCEPTION_PLAN', note: 'Re-plan the configuration stage by the next report', decidedBy: { id: sponsor.id }, planRequestedBy: { id: sponsor.id } });
    expect(decideException.planRequestedAt).toBe(decideException.decidedAt);
    expect(codeOf(await t.gql(GATE, { i: { stageId: stages[0].id, outcome: 'APPROVED' } }, sponsor.token))).toBe('EXCEPTION_OPEN');

    const before = await exceptionRow(exceptionId);
    const again = await decide(exceptionId, 'REQUEST_EXCEPTION_PLAN');
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions!.field).toBe('decision');
    expect(again.errors![0].message).toContain('An exception plan was already requested');
    expect(await exceptionRow(exceptionId)).toEqual(before);
  });

  it('approving the exception plan closes it and captures a baseline named after it: variance restarts at 0', async () => {
    const { decideException } = await t.ok(DECIDE, { id: exceptionId, d: 'APPROVE_EXCEPTION_PLAN', n: 'Go-live moves three weeks' }, sponsor.token);
    expect(decideException).toMatchObject({ open: false, decision: 'APPROVE_EXCEPTION_PLAN', note: 'Go-live moves three weeks', planRequestedBy: { id: sponsor.id } });
    const project = await read();
    const [exception] = project.exceptions;
    expect(project.baselines[0].name).toBe(`Exception plan: schedule, status report ${exception.report.periodStart} – ${exception.report.periodEnd}`);
    expect(project.health).toMatchObject({ varianceDays: 0, schedule: 'GREEN', baselineFinish: project.health.forecastFinish });
    // The report published while it stood still lists it; it is no longer open.
    expect(exception.report.exceptions).toEqual([{ id: exceptionId }]);
  });

  it('an exception is decided once: any further decision is refused and changes nothing', async () => {
    const before = await exceptionRow(exceptionId);
    const baselines = (await read()).baselines.length;
    for (const d of ['APPROVE_EXCEPTION_PLAN', 'REQUEST_EXCEPTION_PLAN', 'PREMATURE_CLOSE']) {
      const refused = await decide(exceptionId, d);
      expect({ d, code: codeOf(refused) }).toEqual({ d, code: 'BAD_USER_INPUT' });
      expect(refused.errors![0].message).toContain('The exception was already decided: APPROVE_EXCEPTION_PLAN on');
      expect(refused.errors![0].extensions!.field).toBe('id');
    }
    expect(await exceptionRow(exceptionId)).toEqual(before);
    const after = await read();
    expect(after.baselines).toHaveLength(baselines);
    expect(after.status).not.toBe('CLOSED');
  });

  it('with no exception open, the gate may be approved', async () => {
    expect((await t.ok(GATE, { i: { stageId: stages[0].id, outcome: 'APPROVED' } }, sponsor.token)).decideGate.status).toBe('AWAITING_GATE');
  });

  it('the decision log lists the request and the approval as EXCEPTION decisions, by whom and of which exception', async () => {
    const log = (await read()).decisionLog.filter((e: any) => e.kind === 'EXCEPTION');
    const { periodStart, periodEnd } = (await read()).exceptions[0].report;
    expect(log).toEqual([
      { at: expect.any(String), kind: 'EXCEPTION', decidedBy: { id: sponsor.id }, refId: exceptionId,
        text: `Exception on schedule, status report ${periodStart} – ${periodEnd}: exception plan requested: Re-plan the configuration stage by the next report` },
      { at: expect.any(String), kind: 'EXCEPTION', decidedBy: { id: sponsor.id }, refId: exceptionId,
        text: `Exception on schedule, status report ${periodStart} – ${periodEnd}: exception plan approved: Go-live moves three weeks` },
    ]);
  });

  it('a later report does not list an exception closed before it was published', async () => {
    const later = await publishRedReport(t, projectId, pm, [COST_RED], sponsor);
    const { exceptions } = await read();
    const raised = exceptions.find((e: any) => e.report.id === later);
    expect(raised.report.exceptions).toEqual([{ id: raised.id }]);
    exceptionId = raised.id;
  });

  it('premature close moves the project to CLOSED and closes the exception', async () => {
    const { decideException } = await t.ok(DECIDE, { id: exceptionId, d: 'PREMATURE_CLOSE', n: 'The business case no longer holds' }, sponsor.token);
    expect(decideException).toMatchObject({ open: false, decision: 'PREMATURE_CLOSE', planRequestedAt: null });
    const project = await read();
    expect(project.status).toBe('CLOSED');
    expect(project.decisionLog.at(-1)).toMatchObject({ kind: 'EXCEPTION', refId: exceptionId, text: expect.stringContaining(': project closed prematurely: The business case no longer holds') });
  });
});
