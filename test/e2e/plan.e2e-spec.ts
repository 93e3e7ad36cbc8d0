import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const TASK_FIELDS = 'id name durationDays start finish lateStart lateFinish totalFloatDays critical version';
const ADD_TASK = `mutation($i: AddTaskInput!) { addTask(input: $i) { ${TASK_FIELDS} } }`;
const UPDATE_TASK = `mutation($i: UpdateTaskInput!) { updateTask(input: $i) { ${TASK_FIELDS} percentComplete startNoEarlierThan } }`;
const ADD_LINK = `mutation($i: AddDependencyInput!) { addDependency(input: $i) { id type lagDays predecessor { id } successor { id start } } }`;

describe('plan: tasks, dependencies and milestones (e2e)', () => {
  let t: TestApp;
  let pm: TestUser;
  let projectId: string;

  const task = async (name: string, durationDays: number, extra: Record<string, unknown> = {}) =>
    (await t.ok(ADD_TASK, { i: { projectId, name, durationDays, ...extra } }, pm.token)).addTask;

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user();
    // An empty custom plan on the Monday–Friday calendar, starting Monday 5 January 2026.
    const { createProject } = await t.ok(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
      i: { code: unique('PLAN'), name: 'Plan', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-01-05', calendarCode: 'STANDARD' },
    }, pm.token);
    projectId = createProject.id;
  });
  afterAll(() => t.close());

  it('schedules the SCHEDULING.md worked example through the API', async () => {
    const p = await task('P', 5);
    const cases: [string, string, number, number, string, string][] = [
      ['FS 0', 'FS', 0, 1, '2026-01-12', '2026-01-12'],
      ['FS +2', 'FS', 2, 1, '2026-01-14', '2026-01-14'],
      ['SS +1', 'SS', 1, 1, '2026-01-06', '2026-01-06'],
      ['FF 0', 'FF', 0, 3, '2026-01-07', '2026-01-09'],
      ['FS -2', 'FS', -2, 1, '2026-01-08', '2026-01-08'],
    ];
    for (const [name, type, lagDays, duration, start, finish] of cases) {
      const s = await task(name, duration);
      const { addDependency } = await t.ok(ADD_LINK, { i: { predecessorId: p.id, successorId: s.id, type, lagDays } }, pm.token);
      expect(addDependency.successor.start).toBe(start);
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { tasks { id start finish } } }', { id: projectId }, pm.token);
      expect(project.tasks.find((x: any) => x.id === s.id)).toMatchObject({ start, finish });
    }
  });

  it('defaults a dependency to FS with no lag', async () => {
    const a = await task('A default', 2);
    const b = await task('B default', 1);
    const { addDependency } = await t.ok(ADD_LINK, { i: { predecessorId: a.id, successorId: b.id } }, pm.token);
    expect(addDependency).toMatchObject({ type: 'FS', lagDays: 0 });
  });

  it('refuses a cycle naming its tasks in order, and writes nothing', async () => {
    const a = await task('Cycle A', 1);
    const b = await task('Cycle B', 1);
    const c = await task('Cycle C', 1);
    await t.ok(ADD_LINK, { i: { predecessorId: a.id, successorId: b.id } }, pm.token);
    await t.ok(ADD_LINK, { i: { predecessorId: b.id, successorId: c.id } }, pm.token);
    const result = await t.gql(ADD_LINK, { i: { predecessorId: c.id, successorId: a.id } }, pm.token);
    expect(codeOf(result)).toBe('DEPENDENCY_CYCLE');
    expect(result.errors![0].extensions!.cycle).toEqual([a.id, b.id, c.id]);
    expect(result.errors![0].message).toContain('"Cycle A" → "Cycle B" → "Cycle C" → "Cycle A"');
    const rows = await t.dataSource.query('SELECT count(*) AS n FROM dependency WHERE predecessor_id = $1', [c.id]);
    expect(Number(rows[0].n)).toBe(0);
  });

  it('refuses self-links, duplicates and out-of-range values with BAD_USER_INPUT', async () => {
    const a = await task('Refusal A', 1);
    const b = await task('Refusal B', 1);
    await t.ok(ADD_LINK, { i: { predecessorId: a.id, successorId: b.id } }, pm.token);
    expect(codeOf(await t.gql(ADD_LINK, { i: { predecessorId: a.id, successorId: a.id } }, pm.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ADD_LINK, { i: { predecessorId: a.id, successorId: b.id, type: 'SS' } }, pm.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ADD_LINK, { i: { predecessorId: b.id, successorId: a.id, lagDays: 1001 } }, pm.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ADD_TASK, { i: { projectId, name: 'Too long', durationDays: 10001 } }, pm.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ADD_TASK, { i: { projectId, name: 'Negative', durationDays: -1 } }, pm.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(ADD_TASK, { i: { projectId, name: '', durationDays: 1 } }, pm.token))).toBe('BAD_USER_INPUT');
    const rows = await t.dataSource.query("SELECT count(*) AS n FROM task WHERE name IN ('Too long', 'Negative', '')");
    expect(Number(rows[0].n)).toBe(0);
  });

  it('removes a dependency and re-plans', async () => {
    const a = await task('Remove A', 3);
    const b = await task('Remove B', 1);
    const { addDependency } = await t.ok(ADD_LINK, { i: { predecessorId: a.id, successorId: b.id } }, pm.token);
    expect(addDependency.successor.start).toBe('2026-01-08');
    expect((await t.ok('mutation($id: ID!) { removeDependency(id: $id) }', { id: addDependency.id }, pm.token)).removeDependency).toBe(true);
    const { project } = await t.ok('query($id: ID!) { project(id: $id) { tasks { id start } } }', { id: projectId }, pm.token);
    expect(project.tasks.find((x: any) => x.id === b.id).start).toBe('2026-01-05');
  });

  it('updates a task with its version and refuses a stale version, changing nothing', async () => {
    const a = await task('Versioned', 2);
    const { updateTask } = await t.ok(UPDATE_TASK, { i: { id: a.id, version: a.version, durationDays: 4, percentComplete: 50, actualStart: '2026-01-12', startNoEarlierThan: '2026-01-10' } }, pm.token);
    // 10 January 2026 is a Saturday: the task starts on the next working day.
    expect(updateTask).toMatchObject({ durationDays: 4, percentComplete: 50, start: '2026-01-12', finish: '2026-01-15', version: a.version + 1 });
    const stale = await t.gql(UPDATE_TASK, { i: { id: a.id, version: a.version, durationDays: 9 } }, pm.token);
    expect(codeOf(stale)).toBe('STALE_VERSION');
    expect(stale.errors![0].extensions!.currentVersion).toBe(a.version + 1);
    const [row] = await t.dataSource.query('SELECT duration_days FROM task WHERE id = $1', [a.id]);
    expect(row.duration_days).toBe(4);
    const cleared = await t.ok(UPDATE_TASK, { i: { id: a.id, version: updateTask.version, startNoEarlierThan: null } }, pm.token);
    expect(cleared.updateTask).toMatchObject({ startNoEarlierThan: null, start: '2026-01-05' });
  });

  it('of two concurrent edits with the same version exactly one lands', async () => {
    const a = await task('Concurrent', 2);
    const results = await Promise.all([3, 7].map((durationDays) =>
      t.gql(UPDATE_TASK, { i: { id: a.id, version: a.version, durationDays } }, pm.token)));
    expect(results.map((r) => (r.errors ? codeOf(r) : 'OK')).sort()).toEqual(['OK', 'STALE_VERSION']);
  });

  it('refuses a link to a task of another project', async () => {
    const { createProject } = await t.ok(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id tasks { id } } }`, {
      i: { code: unique('OTHER'), name: 'Other', clientName: 'Other', templateKey: 'billing-remote', startDate: '2026-01-05' },
    }, pm.token);
    const mine = await task('Mine', 1);
    expect(codeOf(await t.gql(ADD_LINK, { i: { predecessorId: createProject.tasks[0].id, successorId: mine.id } }, pm.token))).toBe('BAD_USER_INPUT');
    const stranger = await t.user();
    expect(codeOf(await t.gql(ADD_LINK, { i: { predecessorId: mine.id, successorId: createProject.tasks[0].id } }, stranger.token))).toBe('NOT_FOUND');
  });

  describe('milestones', () => {
    const ADD_MILESTONE = `mutation($i: AddMilestoneInput!) { addMilestone(input: $i) {
      id name splitBy status hypercareDays plannedStart plannedGoLive version functionArea { name } territory { name calendar { code } }
      tasks { id name durationDays }
    } }`;
    let areaId: string;
    let territoryId: string;

    beforeAll(async () => {
      areaId = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Orders by phone") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
      territoryId = (await t.ok('mutation($p: ID!) { addTerritory(projectId: $p, name: "Plant 2", calendarCode: "RU") { id calendar { code } } }', { p: projectId }, pm.token)).addTerritory.id;
    });

    it('creates prepare → go-live → hypercare tasks; go-live is the launch marker', async () => {
      const { addMilestone } = await t.ok(ADD_MILESTONE, {
        i: { projectId, name: 'Order intake, plant 2', splitBy: 'FUNCTION_AND_TERRITORY', functionAreaId: areaId, territoryId, prepareDays: 10, hypercareDays: 5 },
      }, pm.token);
      expect(addMilestone).toMatchObject({ status: 'PLANNED', hypercareDays: 5, functionArea: { name: 'Orders by phone' }, territory: { name: 'Plant 2', calendar: { code: 'RU' } } });
      expect(addMilestone.tasks.map((x: any) => x.durationDays)).toEqual([10, 0, 5]);
      // On the RU calendar from Monday 5 January 2026 (holidays to 9 January): prepare runs 12–23 January.
      expect(addMilestone.plannedStart).toBe('2026-01-12');
      expect(addMilestone.plannedGoLive).toBe('2026-01-26');
    });

    it('refuses a slice without its function area or territory, or from another project', async () => {
      expect(codeOf(await t.gql(ADD_MILESTONE, { i: { projectId, name: 'x', splitBy: 'FUNCTION' } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_MILESTONE, { i: { projectId, name: 'x', splitBy: 'TERRITORY', functionAreaId: areaId } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_MILESTONE, { i: { projectId, name: 'x', splitBy: 'FUNCTION', functionAreaId: '00000000-0000-4000-8000-000000000000' } }, pm.token))).toBe('BAD_USER_INPUT');
      const rows = await t.dataSource.query("SELECT count(*) AS n FROM milestone WHERE name = 'x'");
      expect(Number(rows[0].n)).toBe(0);
    });

    it('updates a milestone with its version; hypercare resizes its task', async () => {
      const { addMilestone: m } = await t.ok(ADD_MILESTONE, { i: { projectId, name: 'Docs', splitBy: 'FUNCTION', functionAreaId: areaId, prepareDays: 2, hypercareDays: 3 } }, pm.token);
      const UPDATE = `mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { name hypercareDays status actualGoLive version tasks { durationDays } } }`;
      const { updateMilestone } = await t.ok(UPDATE, { i: { id: m.id, version: m.version, name: 'Document issuing', hypercareDays: 8, status: 'PREPARING' } }, pm.token);
      expect(updateMilestone).toMatchObject({ name: 'Document issuing', hypercareDays: 8, status: 'PREPARING', version: m.version + 1 });
      expect(updateMilestone.tasks.map((x: any) => x.durationDays)).toEqual([2, 0, 8]);
      expect(codeOf(await t.gql(UPDATE, { i: { id: m.id, version: m.version, name: 'Lost update' } }, pm.token))).toBe('STALE_VERSION');
      const [row] = await t.dataSource.query('SELECT name, version FROM milestone WHERE id = $1', [m.id]);
      expect(row).toEqual({ name: 'Document issuing', version: m.version + 1 });
    });

    it('hypercareDays is the hypercare task\'s duration, also after updateTask; updateMilestone sets it from there', async () => {
      const { addMilestone: m } = await t.ok(ADD_MILESTONE, { i: { projectId, name: 'Hypercare source', splitBy: 'FUNCTION', functionAreaId: areaId, prepareDays: 2, hypercareDays: 10 } }, pm.token);
      const hypercare = m.tasks.find((x: any) => x.name === 'Hypercare source: hypercare');
      const READ = 'query($id: ID!) { project(id: $id) { milestones { id hypercareDays version tasks { name durationDays } } } }';
      const read = async () => (await t.ok(READ, { id: projectId }, pm.token)).project.milestones.find((x: any) => x.id === m.id);

      // The PM shortens hypercare on the task itself: the milestone says so.
      const { version: taskVersion } = (await t.ok('query($id: ID!) { project(id: $id) { tasks { id version } } }', { id: projectId }, pm.token))
        .project.tasks.find((x: any) => x.id === hypercare.id);
      await t.ok(UPDATE_TASK, { i: { id: hypercare.id, version: taskVersion, durationDays: 4 } }, pm.token);
      expect(await read()).toMatchObject({ hypercareDays: 4, version: m.version });

      // Back to 10 through the milestone: the task changes, and the milestone takes a new version.
      const UPDATE = 'mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { hypercareDays version tasks { durationDays } } }';
      const { updateMilestone } = await t.ok(UPDATE, { i: { id: m.id, version: m.version, hypercareDays: 10 } }, pm.token);
      expect(updateMilestone).toEqual({ hypercareDays: 10, version: m.version + 1, tasks: [{ durationDays: 2 }, { durationDays: 0 }, { durationDays: 10 }] });
      expect(await read()).toMatchObject({ hypercareDays: 10, version: m.version + 1 });
      expect(codeOf(await t.gql(UPDATE, { i: { id: m.id, version: m.version, hypercareDays: 3 } }, pm.token))).toBe('STALE_VERSION');

      // The same value again changes nothing, not even the version.
      const same = await t.ok(UPDATE, { i: { id: m.id, version: m.version + 1, hypercareDays: 10 } }, pm.token);
      expect(same.updateMilestone).toMatchObject({ hypercareDays: 10, version: m.version + 1 });
    });

    it('always creates all three phase tasks; the go-live marker keeps 0 days', async () => {
      const { addMilestone: m } = await t.ok(ADD_MILESTONE, { i: { projectId, name: 'Straight to live', splitBy: 'FUNCTION', functionAreaId: areaId, prepareDays: 0, hypercareDays: 0 } }, pm.token);
      expect(m.tasks.map((x: any) => [x.name, x.durationDays])).toEqual([
        ['Straight to live: prepare', 0], ['Straight to live: go-live', 0], ['Straight to live: hypercare', 0],
      ]);
      const launch = (await t.dataSource.query("SELECT id, version FROM task WHERE milestone_id = $1 AND milestone_phase = 'LAUNCH'", [m.id]))[0];
      const refused = await t.gql(UPDATE_TASK, { i: { id: launch.id, version: launch.version, durationDays: 2 } }, pm.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions!.field).toBe('durationDays');
    });

    it('a milestone name must leave room for its tasks’ names', async () => {
      const refused = await t.gql(ADD_MILESTONE, { i: { projectId, name: 'N'.repeat(195), splitBy: 'FUNCTION', functionAreaId: areaId } }, pm.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions!.field).toBe('name');
      const ok = await t.ok(ADD_MILESTONE, { i: { projectId, name: 'N'.repeat(189), splitBy: 'FUNCTION', functionAreaId: areaId } }, pm.token);
      expect(ok.addMilestone.tasks).toHaveLength(3);
    });
  });

  describe('dates the calendars cannot hold', () => {
    it('refuses input dates outside 1900–2100', async () => {
      for (const startDate of ['2250-01-05', '1850-01-05']) {
        const result = await t.gql('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
          i: { code: unique('FAR'), name: 'Far', clientName: 'Client', templateKey: 'billing-remote', startDate },
        }, pm.token);
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
      }
      expect(codeOf(await t.gql(ADD_TASK, { i: { projectId, name: 'Far', durationDays: 1, startNoEarlierThan: '2300-01-01' } }, pm.token))).toBe('BAD_USER_INPUT');
    });

    it('refuses a change that would push the plan past the calendars, writes nothing, and the plan stays readable', async () => {
      const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: unique('LATE'), name: 'Late', clientName: 'Client', templateKey: 'billing-remote', startDate: '2100-01-04', calendarCode: 'STANDARD' },
      }, pm.token);
      const add = (name: string) => t.gql(ADD_TASK, { i: { projectId: createProject.id, name, durationDays: 10_000 } }, pm.token);
      const first = (await add('First decades')).data!.addTask;
      const second = (await add('Second decades')).data!.addTask;
      await t.ok(ADD_LINK, { i: { predecessorId: first.id, successorId: second.id } }, pm.token);
      const third = (await add('Third decades')).data!.addTask;
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM dependency WHERE project_id = $1', [createProject.id]);
      const refused = await t.gql(ADD_LINK, { i: { predecessorId: second.id, successorId: third.id } }, pm.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toMatch(/outside the years the work calendars cover/);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM dependency WHERE project_id = $1', [createProject.id])).toEqual(before);
      const stretched = await t.gql(UPDATE_TASK, { i: { id: third.id, version: third.version, startNoEarlierThan: '2100-12-31', durationDays: 10_000 } }, pm.token);
      expect(codeOf(stretched)).toBeUndefined();
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { schedule { finishDate } } }', { id: createProject.id }, pm.token);
      expect(project.schedule.finishDate).toMatch(/^21[0-9]{2}-/);
    });
  });

  it('members without the right to plan are refused', async () => {
    const observer = await t.user();
    await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { id } }', { p: projectId, u: observer.id }, pm.token);
    expect(codeOf(await t.gql(ADD_TASK, { i: { projectId, name: 'Sneaky', durationDays: 1 } }, observer.token))).toBe('FORBIDDEN');
    const consultant = await t.user();
    await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: CONSULTANT) { id } }', { p: projectId, u: consultant.id }, pm.token);
    const a = await task('Consultant edits', 1);
    expect((await t.ok(UPDATE_TASK, { i: { id: a.id, version: a.version, percentComplete: 30, actualStart: '2026-01-12' } }, consultant.token)).updateTask.percentComplete).toBe(30);
    expect(codeOf(await t.gql(UPDATE_TASK, { i: { id: a.id, version: a.version + 1, percentComplete: 40 } }, observer.token))).toBe('FORBIDDEN');
  });
});
