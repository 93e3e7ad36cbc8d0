import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Progress (issue 14, REPORTING.md "Progress and the status date") through GraphQL: actual dates
 * and % complete per task, the project's status date, the plan read as of it, refusals that change
 * nothing, and the schedule cache following both. Dates by hand on the STANDARD calendar
 * (Monday–Friday): the project starts Monday 2026-01-05.
 */
const ADD_TASK = 'mutation($i: AddTaskInput!) { addTask(input: $i) { id version } }';
const ADD_LINK = 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }';
const UPDATE_TASK = 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id version actualStart actualFinish percentComplete } }';
const SET_STATUS_DATE = 'mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id statusDate } }';
const PLAN = 'query($id: ID!) { project(id: $id) { statusDate tasks { id start finish actualStart actualFinish percentComplete version } } }';

type TaskRow = { id: string; start: string; finish: string; actualStart: string | null; actualFinish: string | null; percentComplete: number; version: number };

describe('progress and the status date (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, consultant: TestUser;
  let projectId: string;
  const ids: Record<'a' | 'b' | 'c' | 'd', string> = { a: '', b: '', c: '', d: '' };

  const asPm = (query: string, variables: Record<string, unknown> = {}) => t.ok(query, variables, pm.token);
  const plan = async () => {
    const { project } = await asPm(PLAN, { id: projectId });
    const byId = new Map<string, TaskRow>((project.tasks as TaskRow[]).map((task) => [task.id, task]));
    const pick = (key: keyof typeof ids) => byId.get(ids[key])!;
    return { statusDate: project.statusDate as string | null, a: pick('a'), b: pick('b'), c: pick('c'), d: pick('d') };
  };
  const dates = (task: TaskRow) => [task.start, task.finish];
  const update = async (key: keyof typeof ids, changes: Record<string, unknown>, token = pm.token) => {
    const { version } = (await plan())[key];
    return t.gql(UPDATE_TASK, { i: { id: ids[key], version, ...changes } }, token);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user();
    consultant = await t.user();
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('PROG'), name: 'Progress', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-01-05', calendarCode: 'STANDARD' },
    }, pm.token);
    projectId = createProject.id;
    await asPm('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: projectId, u: consultant.id, r: 'CONSULTANT' });
    // A (3 d) → B (4 d) → C (2 d), and D (5 d) on its own; none in a stage.
    for (const [key, durationDays] of [['a', 3], ['b', 4], ['c', 2], ['d', 5]] as const) {
      ids[key] = (await asPm(ADD_TASK, { i: { projectId, name: unique(key), durationDays } })).addTask.id;
    }
    await asPm(ADD_LINK, { i: { predecessorId: ids.a, successorId: ids.b } });
    await asPm(ADD_LINK, { i: { predecessorId: ids.b, successorId: ids.c } });
  });
  afterAll(() => t.close());

  it('without a status date the plan reads as before, whatever progress is recorded', async () => {
    const before = await plan();
    expect(before.statusDate).toBeNull();
    expect(dates(before.a)).toEqual(['2026-01-05', '2026-01-07']);
    expect(dates(before.b)).toEqual(['2026-01-08', '2026-01-13']);
    expect(dates(before.c)).toEqual(['2026-01-14', '2026-01-15']);
    expect(dates(before.d)).toEqual(['2026-01-05', '2026-01-09']);

    // A finished on its actuals: the finish sets 100 %.
    const finished = await update('a', { actualStart: '2026-01-06', actualFinish: '2026-01-09' });
    expect(finished.errors).toBeUndefined();
    expect(finished.data!.updateTask).toMatchObject({ actualStart: '2026-01-06', actualFinish: '2026-01-09', percentComplete: 100 });
    // B half done: progress is the consultant's to record, not a plan move.
    const started = await update('b', { actualStart: '2026-01-12', percentComplete: 50 }, consultant.token);
    expect(started.errors).toBeUndefined();

    const after = await plan();
    expect(after.a).toMatchObject({ actualStart: '2026-01-06', actualFinish: '2026-01-09', percentComplete: 100 });
    expect(after.b).toMatchObject({ actualStart: '2026-01-12', actualFinish: null, percentComplete: 50 });
    for (const key of ['a', 'b', 'c', 'd'] as const) expect(dates(after[key])).toEqual(dates(before[key]));
  });

  it('with a status date: finished work on its actuals, work in progress and not started after it', async () => {
    const set = await asPm(SET_STATUS_DATE, { p: projectId, d: '2026-01-14' });
    expect(set.setStatusDate.statusDate).toBe('2026-01-14');
    const asOf = await plan();
    expect(asOf.statusDate).toBe('2026-01-14');
    expect(dates(asOf.a)).toEqual(['2026-01-06', '2026-01-09']);
    // 4 days at 50 %: 2 days left, from Thursday 15th (the first working day after S).
    expect(dates(asOf.b)).toEqual(['2026-01-12', '2026-01-16']);
    // After B, Monday 19th.
    expect(dates(asOf.c)).toEqual(['2026-01-19', '2026-01-20']);
    // Not started, no predecessor: never in the past, from Thursday 15th; 5 days to Wednesday 21st.
    expect(dates(asOf.d)).toEqual(['2026-01-15', '2026-01-21']);
  });

  it('the next read after recorded progress shows it (the schedule cache follows)', async () => {
    await plan();
    const more = await update('b', { percentComplete: 75 });
    expect(more.errors).toBeUndefined();
    // 4 days at 75 %: 1 day left, Thursday 15th; C follows on Friday 16th and Monday 19th.
    const read = await plan();
    expect(dates(read.b)).toEqual(['2026-01-12', '2026-01-15']);
    expect(dates(read.c)).toEqual(['2026-01-16', '2026-01-19']);
  });

  it('the next read after setStatusDate shows it; null goes back to the plan alone', async () => {
    await plan();
    await asPm(SET_STATUS_DATE, { p: projectId, d: '2026-01-16' });
    const later = await plan();
    // Not started, after Friday 16th: from Monday 19th, 5 days to Friday 23rd.
    expect(dates(later.d)).toEqual(['2026-01-19', '2026-01-23']);
    expect(dates(later.b)).toEqual(['2026-01-12', '2026-01-19']);

    const cleared = await asPm(SET_STATUS_DATE, { p: projectId, d: null });
    expect(cleared.setStatusDate.statusDate).toBeNull();
    const alone = await plan();
    expect(alone.statusDate).toBeNull();
    expect(dates(alone.a)).toEqual(['2026-01-05', '2026-01-07']);
    expect(dates(alone.b)).toEqual(['2026-01-08', '2026-01-13']);
    expect(dates(alone.d)).toEqual(['2026-01-05', '2026-01-09']);
  });

  describe('refusals name the field and change nothing', () => {
    const tomorrowUtc = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

    it.each([
      ['an actual start in the future', () => ({ actualStart: tomorrowUtc() }), 'actualStart'],
      ['an actual finish in the future', () => ({ actualStart: '2026-01-12', actualFinish: tomorrowUtc() }), 'actualFinish'],
      ['a finish before the start', () => ({ actualStart: '2026-01-12', actualFinish: '2026-01-09' }), 'actualFinish'],
      ['a finish without a start', () => ({ actualFinish: '2026-01-09' }), 'actualFinish'],
      ['% complete without a start', () => ({ percentComplete: 30 }), 'percentComplete'],
    ])('%s', async (_what, changes, field) => {
      const before = (await plan()).d;
      const result = await update('d', { ...changes(), name: unique('renamed') });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe(field);
      expect((await plan()).d).toEqual(before);
    });

    it('less than 100 % for a finished task', async () => {
      const before = (await plan()).a;
      const result = await update('a', { percentComplete: 60 });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe('percentComplete');
      expect((await plan()).a).toEqual(before);
    });

    it('a status date before the project start', async () => {
      const result = await t.gql(SET_STATUS_DATE, { p: projectId, d: '2026-01-02' }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe('statusDate');
      expect((await plan()).statusDate).toBeNull();
    });

    it('a start date after the status date', async () => {
      await asPm(SET_STATUS_DATE, { p: projectId, d: '2026-01-14' });
      const { project } = await asPm('query($id: ID!) { project(id: $id) { version startDate } }', { id: projectId });
      const result = await t.gql('mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }',
        { i: { id: projectId, version: project.version, startDate: '2026-01-15' } }, pm.token);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe('startDate');
      expect((await asPm('query($id: ID!) { project(id: $id) { version startDate } }', { id: projectId })).project).toEqual(project);
      await asPm(SET_STATUS_DATE, { p: projectId, d: null });
    });

    it('a consultant may not set the status date', async () => {
      const result = await t.gql(SET_STATUS_DATE, { p: projectId, d: '2026-01-14' }, consultant.token);
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect((await plan()).statusDate).toBeNull();
    });
  });
});
