import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const ADD_TASK = 'mutation($i: AddTaskInput!) { addTask(input: $i) { id start finish lateStart lateFinish totalFloatDays critical } }';
const ADD_LINK = 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }';
const PLAN = `query($id: ID!) { project(id: $id) {
  stages { id name plannedStart plannedFinish }
  tasks { id name start finish totalFloatDays critical stage { name } }
  schedule { finishDate }
} }`;

/**
 * SCHEDULING.md "Stages run in sequence", through the API, on the PRINCE2 CRM template planned
 * Monday–Friday from Monday 5 January 2026. Its tasks are chained finish-to-start: Diagnostics
 * (18 days) runs 5–28 January, Analysis (30 days) 29 January – 11 March, Configuration from
 * Thursday 12 March.
 */
describe('stages run in sequence (e2e)', () => {
  let t: TestApp;
  let pm: TestUser;
  let projectId: string;

  const read = async () => (await t.ok(PLAN, { id: projectId }, pm.token)).project;
  const stage = (project: any, name: string) => project.stages.find((s: any) => s.name === name);
  const taskNamed = (project: any, name: string) => project.tasks.find((x: any) => x.name === name);

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user();
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('STAGES'), name: 'Stages', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-01-05', calendarCode: 'STANDARD' },
    }, pm.token);
    projectId = createProject.id;
  });
  afterAll(() => t.close());

  it('the template plan: each stage starts the working day after the one before finishes', async () => {
    const project = await read();
    expect(stage(project, 'Diagnostics')).toMatchObject({ plannedStart: '2026-01-05', plannedFinish: '2026-01-28' });
    expect(stage(project, 'Analysis')).toMatchObject({ plannedStart: '2026-01-29', plannedFinish: '2026-03-11' });
    expect(stage(project, 'Configuration').plannedStart).toBe('2026-03-12');
  });

  it('a task added to Analysis with no links lands in Analysis, not at the project start', async () => {
    const analysis = stage(await read(), 'Analysis');
    const { addTask } = await t.ok(ADD_TASK, { i: { projectId, name: 'Extra workshop', durationDays: 3, stageId: analysis.id } }, pm.token);
    // Diagnostics finishes at the end of Wed 28 Jan: Thu 29 – Mon 2 Feb. It may finish as late as
    // Analysis does (Wed 11 Mar, since Configuration waits for it): late 9–11 Mar, 27 days of float.
    expect(addTask).toMatchObject({
      start: '2026-01-29', finish: '2026-02-02', lateStart: '2026-03-09', lateFinish: '2026-03-11', totalFloatDays: 27, critical: false,
    });
    const project = await read();
    expect(taskNamed(project, 'Extra workshop')).toMatchObject({ start: '2026-01-29', stage: { name: 'Analysis' } });
    expect(stage(project, 'Analysis')).toMatchObject({ plannedStart: '2026-01-29', plannedFinish: '2026-03-11' });
  });

  it('a task longer than its stage moves every later stage, with no links to them', async () => {
    const analysis = stage(await read(), 'Analysis');
    // 40 days from Thu 29 Jan: to Wed 25 Mar. Configuration's tasks wait for it: from Thu 26 Mar,
    // two weeks later than before, though its first task is linked only to Analysis's last one.
    const { addTask } = await t.ok(ADD_TASK, { i: { projectId, name: 'Data cleansing', durationDays: 40, stageId: analysis.id } }, pm.token);
    expect(addTask).toMatchObject({ start: '2026-01-29', finish: '2026-03-25', totalFloatDays: 0, critical: true });
    const project = await read();
    expect(stage(project, 'Analysis')).toMatchObject({ plannedStart: '2026-01-29', plannedFinish: '2026-03-25' });
    expect(stage(project, 'Configuration').plannedStart).toBe('2026-03-26');
    expect(taskNamed(project, "Integrator's development and test environment set up")).toMatchObject({ start: '2026-03-26', critical: true });
    // Analysis's own chain now has ten days to spare, the 3-day workshop 37.
    expect(taskNamed(project, 'Requirements specification reviewed and signed by the client')).toMatchObject({ finish: '2026-03-11', totalFloatDays: 10, critical: false });
    expect(taskNamed(project, 'Extra workshop').totalFloatDays).toBe(37);
  });

  it('a task outside stages is not held by them', async () => {
    const { addTask } = await t.ok(ADD_TASK, { i: { projectId, name: 'Licence purchase', durationDays: 2 } }, pm.token);
    expect(addTask).toMatchObject({ start: '2026-01-05', finish: '2026-01-06' });
  });

  it('refuses a link that makes an earlier stage follow a later one, naming the cycle, and writes nothing', async () => {
    const project = await read();
    // The template's tasks are chained, so a link back from one of them is a plain cycle of links;
    // the workshop added to Analysis has no links, so only the stage order closes this one.
    const workshop = taskNamed(project, 'Extra workshop');
    const interviews = taskNamed(project, 'Stakeholder interviews');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM dependency WHERE project_id = $1', [projectId]);
    const refused = await t.gql(ADD_LINK, { i: { predecessorId: workshop.id, successorId: interviews.id } }, pm.token);
    expect(codeOf(refused)).toBe('DEPENDENCY_CYCLE');
    expect(refused.errors![0].extensions!.cycle).toEqual(expect.arrayContaining([workshop.id, interviews.id]));
    const message = refused.errors![0].message;
    expect(message).toMatch(/^The links and the stage order form a cycle: /);
    for (const part of ['"Extra workshop" → "Stakeholder interviews"', '(end of stage "Diagnostics") → "Extra workshop"', 'Stages run in sequence']) {
      expect(message).toContain(part);
    }
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM dependency WHERE project_id = $1', [projectId])).toEqual(before);
    // The plan still reads.
    expect((await read()).schedule.finishDate).toMatch(/^2026-/);
  });

  it('moving a task into an earlier stage that its own links make follow a later stage is refused, and writes nothing', async () => {
    const project = await read();
    const diagnostics = stage(project, 'Diagnostics');
    const analysis = stage(project, 'Analysis');
    // A task of Analysis that comes after the workshop; moved into Diagnostics it would have to
    // finish before Analysis starts, while following an Analysis task.
    const { addTask } = await t.ok(ADD_TASK, { i: { projectId, name: 'Follow-up', durationDays: 1, stageId: analysis.id } }, pm.token);
    await t.ok(ADD_LINK, { i: { predecessorId: taskNamed(project, 'Extra workshop').id, successorId: addTask.id } }, pm.token);
    const [{ version }] = await t.dataSource.query('SELECT version FROM task WHERE id = $1', [addTask.id]);
    const refused = await t.gql('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }',
      { i: { id: addTask.id, version, stageId: diagnostics.id } }, pm.token);
    expect(codeOf(refused)).toBe('DEPENDENCY_CYCLE');
    expect(await t.dataSource.query('SELECT stage_id, version FROM task WHERE id = $1', [addTask.id])).toEqual([{ stage_id: analysis.id, version }]);
    expect(taskNamed(await read(), 'Follow-up')).toMatchObject({ stage: { name: 'Analysis' }, start: '2026-02-03' });
  });
});
