import { todayIso } from '../../src/common/clock';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Issue 14: "closing a stage or launching a milestone no longer leaves its tasks at 0 % with
 * planned dates in the past". Closing a stage through its gate records its tasks finished on
 * their planned dates (never later than today); a go-live records its milestone's preparation
 * finished, the go-live marker on the go-live and hypercare started. Read back through GraphQL,
 * also as of a status date. STANDARD calendar (Monday–Friday); the project starts Monday
 * 2026-03-02, long before today.
 */
const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const ADD_TASK = 'mutation($i: AddTaskInput!) { addTask(input: $i) { id } }';
const UPDATE_TASK = 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }';
const SET_STATUS_DATE = 'mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id } }';
const WAIVE = 'mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed by the committee") { id } }';
const UPDATE_MILESTONE = 'mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id status actualGoLive version } }';
const PLAN = `query($id: ID!) { project(id: $id) { statusDate
  stages { id sequence status exitCriteria { id priority } }
  tasks { id name version stage { id } milestone { id } start finish actualStart actualFinish percentComplete } } }`;

type TaskRow = {
  id: string; name: string; version: number; stage: { id: string } | null; milestone: { id: string } | null;
  start: string; finish: string; actualStart: string | null; actualFinish: string | null; percentComplete: number;
};

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('progress recorded by closing a stage and launching a milestone (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser;
  let projectId: string;

  const asPm = (query: string, variables: Record<string, unknown> = {}) => t.ok(query, variables, pm.token);
  const plan = async () => {
    const { project } = await asPm(PLAN, { id: projectId });
    const stages = [...project.stages].sort((a: any, b: any) => a.sequence - b.sequence);
    const tasks = project.tasks as TaskRow[];
    return { statusDate: project.statusDate as string | null, stages, tasks, byId: new Map(tasks.map((x) => [x.id, x])) };
  };
  const recorded = (x: TaskRow) => ({ actualStart: x.actualStart, actualFinish: x.actualFinish, percentComplete: x.percentComplete });

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor] = await Promise.all([t.user(), t.user({ organization: 'CLIENT' as never })]);
    projectId = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('RECPROG'), name: 'Recorded progress', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02', calendarCode: 'STANDARD' },
    }, pm.token)).createProject.id;
    await asPm(ADD_MEMBER, { p: projectId, u: sponsor.id, r: 'STEERING_COMMITTEE' });
  });
  afterAll(() => t.close());

  it('closing a stage through its gate records its tasks finished on their planned dates, never later than today', async () => {
    const today = todayIso();
    const { stages, tasks: planned } = await plan();
    const first = stages[0];
    // Work the plan puts after today: it cannot have happened later than the close.
    const late = (await asPm(ADD_TASK, { i: { projectId, stageId: first.id, name: unique('Late data check'), durationDays: 3, startNoEarlierThan: addDays(today, 30) } })).addTask.id;
    const own = planned.filter((x) => x.stage?.id === first.id);
    expect(own.length).toBeGreaterThanOrEqual(3);
    const [done, going, untouched] = own;
    for (const x of own) expect(x.finish < today).toBe(true);
    // One task finished on its own dates, one under way; the others have nothing recorded.
    await asPm(UPDATE_TASK, { i: { id: done.id, version: done.version, actualStart: addDays(done.start, 1), actualFinish: addDays(done.finish, 1) } });
    await asPm(UPDATE_TASK, { i: { id: going.id, version: going.version, actualStart: going.start, percentComplete: 40 } });

    // As of today, the unrecorded work is still pending: never in the past, so after today.
    await asPm(SET_STATUS_DATE, { p: projectId, d: today });
    const pending = await plan();
    expect(pending.byId.get(untouched.id)!.start > today).toBe(true);
    expect(pending.byId.get(going.id)!.finish > today).toBe(true);

    // Through the gate: start, the committee waives the MUST criteria and approves, the PM closes.
    await asPm('mutation($id: ID!) { startStage(id: $id) { id } }', { id: first.id });
    for (const c of first.exitCriteria.filter((x: any) => x.priority === 'MUST')) await t.ok(WAIVE, { id: c.id }, sponsor.token);
    await asPm('mutation($id: ID!) { submitStageForGate(id: $id) { id } }', { id: first.id });
    // A close refused (no approval yet) records nothing.
    const planVersion = async () => (await t.dataSource.query('SELECT plan_version::text AS v FROM project WHERE id = $1', [projectId]))[0].v as string;
    const unapproved = await planVersion();
    expect(codeOf(await t.gql('mutation($id: ID!) { closeStage(id: $id) { id } }', { id: first.id }, pm.token))).toBe('GATE_NOT_APPROVED');
    expect((await plan()).tasks).toEqual(pending.tasks);
    expect(await planVersion()).toBe(unapproved);
    await t.ok('mutation($i: GateDecisionInput!) { decideGate(input: $i) { id } }', { i: { stageId: first.id, outcome: 'APPROVED' } }, sponsor.token);
    const { closeStage } = await asPm('mutation($id: ID!) { closeStage(id: $id) { status actualFinish } }', { id: first.id });
    expect(closeStage).toEqual({ status: 'CLOSED', actualFinish: today });
    // A plan edit: the plan takes a new version, so no cached schedule of the old one is read.
    expect(BigInt(await planVersion())).toBeGreaterThan(BigInt(unapproved));

    const after = await plan();
    const now = (id: string) => after.byId.get(id)!;
    // Finished already: its actuals stay.
    expect(recorded(now(done.id))).toEqual({ actualStart: addDays(done.start, 1), actualFinish: addDays(done.finish, 1), percentComplete: 100 });
    // Under way: its start stays, it finishes on its planned finish.
    expect(recorded(now(going.id))).toEqual({ actualStart: going.start, actualFinish: going.finish, percentComplete: 100 });
    // Nothing recorded: its planned dates (as planned, not as pushed after the status date).
    for (const x of own.slice(2)) expect(recorded(now(x.id))).toEqual({ actualStart: x.start, actualFinish: x.finish, percentComplete: 100 });
    // Planned after today: started and finished on the close day.
    expect(recorded(now(late))).toEqual({ actualStart: today, actualFinish: today, percentComplete: 100 });
    // Every task changed is a new version; none of the stage is pending any more as of the status date.
    for (const x of own.slice(1)) expect(now(x.id).version).toBeGreaterThan(x.version);
    for (const x of after.tasks.filter((y) => y.stage?.id === first.id)) {
      expect([x.start, x.finish]).toEqual([x.actualStart, x.actualFinish]);
      expect(x.finish <= today).toBe(true);
    }
    // Tasks of other stages were not touched, and the next stage's work is still ahead.
    for (const x of after.tasks.filter((y) => y.stage && y.stage.id !== first.id)) {
      expect(recorded(x)).toEqual({ actualStart: null, actualFinish: null, percentComplete: 0 });
      expect(x.start > today).toBe(true);
    }
    await asPm(SET_STATUS_DATE, { p: projectId, d: null });
  });

  describe('launching a milestone', () => {
    let areaId: string;
    const addMilestone = async (name: string) => {
      const { addMilestone: m } = await asPm('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id version } }',
        { i: { projectId, name: unique(name), splitBy: 'FUNCTION', functionAreaId: areaId, prepareDays: 5, hypercareDays: 10 } });
      const { tasks } = await plan();
      const own = tasks.filter((x) => x.milestone?.id === m.id);
      const phase = (suffix: string) => own.find((x) => x.name.endsWith(`: ${suffix}`))!;
      return { ...m, prepare: phase('prepare'), goLive: phase('go-live'), hypercare: phase('hypercare') };
    };

    beforeAll(async () => {
      areaId = (await asPm('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Returns") { id } }', { p: projectId })).addFunctionArea.id;
    });

    it('on an actual go-live: preparation finished by it, the go-live marker on it, hypercare started on it', async () => {
      const m = await addMilestone('Returns wave');
      // Planned to go live before the recorded go-live: a late launch.
      expect(m.goLive.finish < '2026-05-04').toBe(true);
      const goLive = '2026-05-04';
      const { updateMilestone } = await asPm(UPDATE_MILESTONE, { i: { id: m.id, version: m.version, status: 'LAUNCHED', actualGoLive: goLive } });
      expect(updateMilestone).toMatchObject({ status: 'LAUNCHED', actualGoLive: goLive });

      const { byId } = await plan();
      expect(recorded(byId.get(m.prepare.id)!)).toEqual({ actualStart: m.prepare.start, actualFinish: m.prepare.finish, percentComplete: 100 });
      expect(recorded(byId.get(m.goLive.id)!)).toEqual({ actualStart: goLive, actualFinish: goLive, percentComplete: 100 });
      expect(recorded(byId.get(m.hypercare.id)!)).toEqual({ actualStart: goLive, actualFinish: null, percentComplete: 0 });

      // As of a status date, the finished phases sit on their actuals and hypercare runs from the go-live.
      const statusDate = '2026-05-08';
      await asPm(SET_STATUS_DATE, { p: projectId, d: statusDate });
      const asOf = (await plan()).byId;
      expect([asOf.get(m.prepare.id)!.start, asOf.get(m.prepare.id)!.finish]).toEqual([m.prepare.start, m.prepare.finish]);
      expect([asOf.get(m.goLive.id)!.start, asOf.get(m.goLive.id)!.finish]).toEqual([goLive, goLive]);
      expect(asOf.get(m.hypercare.id)!.start).toBe(goLive);
      expect(asOf.get(m.hypercare.id)!.finish > statusDate).toBe(true);
      await asPm(SET_STATUS_DATE, { p: projectId, d: null });
    });

    it('launched without a go-live date: it went live on its planned go-live (passed); recorded progress stays', async () => {
      const m = await addMilestone('Claims wave');
      // The preparation was recorded under way before the launch: its start stays.
      await asPm(UPDATE_TASK, { i: { id: m.prepare.id, version: m.prepare.version, actualStart: addDays(m.prepare.start, 1), percentComplete: 80 } });
      const { updateMilestone } = await asPm(UPDATE_MILESTONE, { i: { id: m.id, version: m.version, status: 'LAUNCHED' } });
      expect(updateMilestone).toMatchObject({ status: 'LAUNCHED', actualGoLive: null });
      const planned = m.goLive.finish;
      const { byId } = await plan();
      expect(recorded(byId.get(m.prepare.id)!)).toEqual({ actualStart: addDays(m.prepare.start, 1), actualFinish: m.prepare.finish, percentComplete: 100 });
      expect(recorded(byId.get(m.goLive.id)!)).toEqual({ actualStart: planned, actualFinish: planned, percentComplete: 100 });
      expect(recorded(byId.get(m.hypercare.id)!)).toEqual({ actualStart: planned, actualFinish: null, percentComplete: 0 });

      // Moving on to hypercare, then recording the go-live date later, changes no recorded progress.
      const before = [m.prepare.id, m.goLive.id, m.hypercare.id].map((id) => recorded(byId.get(id)!));
      const hyper = await asPm(UPDATE_MILESTONE, { i: { id: m.id, version: updateMilestone.version, status: 'HYPERCARE' } });
      await asPm(UPDATE_MILESTONE, { i: { id: m.id, version: hyper.updateMilestone.version, actualGoLive: addDays(planned, 1) } });
      const again = (await plan()).byId;
      expect([m.prepare.id, m.goLive.id, m.hypercare.id].map((id) => recorded(again.get(id)!))).toEqual(before);
    });

    it('refuses an actual go-live in the future, naming the field; nothing changes', async () => {
      const m = await addMilestone('Future wave');
      const tomorrow = addDays(todayIso(), 1);
      const before = (await plan()).tasks.filter((x) => x.milestone?.id === m.id);
      const result = await t.gql(UPDATE_MILESTONE, { i: { id: m.id, version: m.version, status: 'LAUNCHED', actualGoLive: tomorrow } }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe('actualGoLive');
      expect((await plan()).tasks.filter((x) => x.milestone?.id === m.id)).toEqual(before);
      const [row] = await t.dataSource.query('SELECT status, actual_go_live, version FROM milestone WHERE id = $1', [m.id]);
      expect(row).toEqual({ status: 'PLANNED', actual_go_live: null, version: m.version });
    });
  });
});
