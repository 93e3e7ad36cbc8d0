import { countStatements } from '../support/count-statements';
import { RequestContext } from '../../src/common/context/request-context';
import { Project } from '../../src/modules/project/entities/project.entity';
import { projectLoader } from '../../src/modules/project/project-rows';
import { TestApp, TestUser, unique } from '../support/test-app';

const READ_PLAN = 'query($id: ID!) { project(id: $id) { code tasks { id name durationDays start finish lateStart lateFinish totalFloatDays critical } schedule { finishDate } } }';
const ADD_TASK = 'mutation($i: AddTaskInput!) { addTask(input: $i) { id start finish } }';

/** Adds `count` tasks (in chains of 25 when `chain`) straight into the database (each insert bumps plan_version, as any writer). */
async function addTasksDirectly(t: TestApp, projectId: string, count: number, chain = false): Promise<void> {
  await t.dataSource.query(
    `INSERT INTO task (project_id, name, duration_days, version) SELECT $1, 'Bulk ' || i, 1 + i % 5, 1 FROM generate_series(1, $2) AS i`,
    [projectId, count]);
  if (chain) {
    await t.dataSource.query(`
      INSERT INTO dependency (project_id, predecessor_id, successor_id)
      SELECT $1, id, next FROM (SELECT id, lead(id) OVER (ORDER BY created_at, id) AS next, row_number() OVER (ORDER BY created_at, id) AS n
        FROM task WHERE project_id = $1 AND name LIKE 'Bulk %') s
      WHERE next IS NOT NULL AND n % 25 <> 0`, [projectId]);
  }
}

/**
 * The read path (issue 13): a plan read is a few statements whatever the plan's size, its schedule
 * is reused while the plan is unchanged and recomputed after any edit, on every instance that
 * shares the database, and a 20,000-task plan with all its dates reads in one request.
 * On the server only: two instances need one database.
 */
describe('plan read path (e2e)', () => {
  let a: TestApp;
  let b: TestApp;
  let pm: TestUser;

  const createProject = async (name: string) => (await a.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
    i: { code: unique(name), name, clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-01-05', calendarCode: 'STANDARD' },
  }, pm.token)).createProject.id as string;

  beforeAll(async () => {
    a = await TestApp.start();
    b = await TestApp.start();
    pm = await a.user();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('reads a plan in at most 6 statements, as many for 535 tasks as for the template, and reuses the schedule while the plan is unchanged', async () => {
    const small = await createProject('SMALL');
    const large = await createProject('LARGE');
    await addTasksDirectly(a, large, 500, true);
    const counts: Record<string, number> = {};
    for (const [name, id] of [['small', small], ['large', large]] as const) {
      const cold = await countStatements(a, () => a.ok(READ_PLAN, { id }, pm.token));
      const warm = await countStatements(a, () => a.ok(READ_PLAN, { id }, pm.token));
      expect(cold.length).toBeLessThanOrEqual(6);
      expect(warm.length).toBeLessThanOrEqual(6);
      // The plan is loaded once (one statement), then served from the cache.
      expect(cold.filter((sql) => sql.includes('json_agg'))).toHaveLength(1);
      expect(warm.filter((sql) => sql.includes('json_agg'))).toHaveLength(0);
      counts[`${name} cold`] = cold.length;
      counts[`${name} warm`] = warm.length;
    }
    expect(counts['large cold']).toBe(counts['small cold']);
    expect(counts['large warm']).toBe(counts['small warm']);
  });

  it('an edit is seen by the next read, on the instance that made it and on another one sharing the database', async () => {
    const project = await createProject('TWO');
    const before = (await b.ok(READ_PLAN, { id: project }, pm.token)).project;
    await a.ok(READ_PLAN, { id: project }, pm.token); // both instances now hold the schedule
    const { addTask } = await a.ok(ADD_TASK, { i: { projectId: project, name: 'Long tail', durationDays: 400 } }, pm.token);
    for (const app of [a, b]) {
      const after = (await app.ok(READ_PLAN, { id: project }, pm.token)).project;
      expect(after.tasks).toHaveLength(before.tasks.length + 1);
      expect(after.tasks.find((task: any) => task.id === addTask.id)).toMatchObject({ start: '2026-01-05', finish: addTask.finish });
      expect(after.schedule.finishDate > before.schedule.finishDate).toBe(true);
    }
    // A change written outside the app (any writer) bumps the version too.
    await a.dataSource.query(`UPDATE task SET duration_days = 1 WHERE id = $1`, [addTask.id]);
    for (const app of [b, a]) {
      const after = (await app.ok(READ_PLAN, { id: project }, pm.token)).project;
      expect(after.tasks.find((task: any) => task.id === addTask.id).finish).toBe('2026-01-05');
      expect(after.schedule.finishDate).toBe(before.schedule.finishDate);
    }
    // A project's start date moves every date.
    await b.dataSource.query(`UPDATE project SET start_date = '2026-02-02' WHERE id = $1`, [project]);
    expect((await a.ok(READ_PLAN, { id: project }, pm.token)).project.tasks.find((task: any) => task.id === addTask.id).start).toBe('2026-02-02');
  });

  it('an edit caches its own plan once it commits: the next edit and read do not reload the plan, and see what a fresh load sees', async () => {
    const FULL = 'query($id: ID!) { project(id: $id) { tasks { id name durationDays startNoEarlierThan percentComplete version start finish lateStart lateFinish totalFloatDays critical predecessors { id type lagDays predecessor { id } } } schedule { start finishDate criticalPath { id } } } }';
    const project = await createProject('KEEP');
    await addTasksDirectly(a, project, 60, true);
    await a.ok(READ_PLAN, { id: project }, pm.token); // the committed plan is cached
    const plan = (sqls: string[]) => sqls.filter((sql) => sql.includes('json_agg')).length;
    let first = '';
    const edits: [string, () => Promise<unknown>][] = [
      ['addTask', async () => { first = (await a.ok(ADD_TASK, { i: { projectId: project, name: 'Kept 1', durationDays: 30 } }, pm.token)).addTask.id; }],
      ['addTask', () => a.ok(ADD_TASK, { i: { projectId: project, name: 'Kept 2', durationDays: 3, startNoEarlierThan: '2026-03-02' } }, pm.token)],
      ['addDependency', async () => {
        const [{ id }] = await a.dataSource.query(`SELECT id FROM task WHERE project_id = $1 AND name = 'Bulk 7'`, [project]);
        await a.ok('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', { i: { predecessorId: first, successorId: id, lagDays: 2 } }, pm.token);
      }],
      ['updateTask', () => a.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: first, version: 1, durationDays: 40, percentComplete: 10, actualStart: '2026-01-12' } }, pm.token)],
    ];
    for (const [name, edit] of edits) {
      // Without the edit's plan kept, each edit after the first reloads the plan (the first edit bumped the version).
      expect([name, plan(await countStatements(a, edit))]).toEqual([name, 0]);
    }
    let kept: any;
    expect(plan(await countStatements(a, async () => { kept = (await a.ok(FULL, { id: project }, pm.token)).project; }))).toBe(0);
    const fresh = (await b.ok(FULL, { id: project }, pm.token)).project; // b never held this plan: loaded now
    expect(kept).toEqual(fresh);
    expect(kept.tasks.find((t: any) => t.id === first)).toMatchObject({ durationDays: 40, percentComplete: 10, version: 2 });
    // A refused edit (its transaction rolled back) caches nothing: the plan stays as committed.
    const cycle = await a.gql('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', { i: { predecessorId: first, successorId: first } }, pm.token);
    expect(cycle.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await a.ok(FULL, { id: project }, pm.token)).project).toEqual((await b.ok(FULL, { id: project }, pm.token)).project);
  });

  it('moving the project start and resizing a milestone\'s hypercare check the cached plan in memory, and a read then sees what a fresh load sees', async () => {
    const FULL = 'query($id: ID!) { project(id: $id) { startDate tasks { id durationDays start finish lateStart lateFinish totalFloatDays critical } schedule { start finishDate } } }';
    const project = await createProject('MOVE');
    await addTasksDirectly(a, project, 40, true);
    const area = (await a.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Orders") { id } }', { p: project }, pm.token)).addFunctionArea.id;
    const milestone = (await a.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id version } }',
      { i: { projectId: project, name: 'Orders', splitBy: 'FUNCTION', functionAreaId: area } }, pm.token)).addMilestone;
    await a.ok(READ_PLAN, { id: project }, pm.token); // the committed plan is cached
    const plan = (sqls: string[]) => sqls.filter((sql) => sql.includes('json_agg')).length;
    const { version } = (await a.ok('query($id: ID!) { project(id: $id) { version } }', { id: project }, pm.token)).project;
    expect(plan(await countStatements(a, () => a.ok('mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }',
      { i: { id: project, version, startDate: '2026-02-02' } }, pm.token)))).toBe(0);
    expect(plan(await countStatements(a, () => a.ok('mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id } }',
      { i: { id: milestone.id, version: milestone.version, hypercareDays: 25 } }, pm.token)))).toBe(0);
    let kept: any;
    expect(plan(await countStatements(a, async () => { kept = (await a.ok(FULL, { id: project }, pm.token)).project; }))).toBe(0);
    const fresh = (await b.ok(FULL, { id: project }, pm.token)).project; // b never held this plan: loaded now
    expect(kept).toEqual(fresh);
    expect(kept.startDate).toBe('2026-02-02');
    expect(kept.tasks.some((t: any) => t.durationDays === 25)).toBe(true);
  });

  it('a project summary with its health is one statement (the session, the caller\'s roles and the project with its latest baseline)', async () => {
    const SUMMARY = 'query($id: ID!) { project(id: $id) { id code name status startDate health { schedule overall forecastFinish baselineFinish varianceDays } } }';
    const project = await createProject('SUMMARY');
    await a.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "First") { id } }', { p: project }, pm.token);
    await a.ok(ADD_TASK, { i: { projectId: project, name: 'Slip', durationDays: 400 } }, pm.token);
    await a.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Second") { id } }', { p: project }, pm.token);
    const [{ finish_date: latest }] = await a.dataSource.query(`SELECT to_char(finish_date, 'YYYY-MM-DD') AS finish_date FROM baseline WHERE project_id = $1 AND name = 'Second'`, [project]);
    await a.ok(SUMMARY, { id: project }, pm.token); // the schedule is cached
    let health: any;
    const sqls = await countStatements(a, async () => { health = (await a.ok(SUMMARY, { id: project }, pm.token)).project.health; });
    expect(health).toMatchObject({ baselineFinish: latest, forecastFinish: latest, varianceDays: 0 });
    expect(sqls.filter((sql) => /^\s*SELECT\b[^(]*FROM "baseline"/.test(sql))).toEqual([]);
    expect(sqls).toHaveLength(1);
    // The project row read with plain SQL is the entity the ORM reads.
    const ctx = new RequestContext(a.dataSource, null);
    expect({ ...(await projectLoader(ctx).load(project)) }).toEqual({ ...(await a.dataSource.manager.findOneByOrFail(Project, { id: project })) });
  });

  it('a token of a user who changed the password since is refused as before, with or without a project', async () => {
    const user = await a.user();
    const project = await createProject('REVOKED');
    await a.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { id } }', { p: project, u: user.id }, pm.token);
    expect((await a.ok('query($id: ID!) { project(id: $id) { id } }', { id: project }, user.token)).project.id).toBe(project);
    await a.dataSource.query('UPDATE app_user SET password_changed_at = now() WHERE id = $1', [user.id]);
    for (const [query, variables] of [['query($id: ID!) { project(id: $id) { id } }', { id: project }], ['{ me { id } }', {}]] as const) {
      const refused = await a.gql(query, variables, user.token);
      expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('reads a 20,000-task plan with all its dates and floats in one request', async () => {
    const project = await createProject('HUGE');
    await addTasksDirectly(a, project, 20_000, true);
    const result = await a.gql(READ_PLAN, { id: project }, pm.token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.project.tasks.length).toBeGreaterThanOrEqual(20_000);
    expect(result.data!.project.tasks[0]).toEqual(expect.objectContaining({ start: expect.any(String), totalFloatDays: expect.any(Number), critical: expect.any(Boolean) }));
  }, 120_000);
});
