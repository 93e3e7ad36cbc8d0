import { GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Fifty clients at once, mixing reads and writes on one project, as a team does on a Monday
 * morning. Runs on the PostgreSQL server and on the embedded database (`npm test` runs test/e2e on
 * both): each answer must be the right one, not merely error-free, and every acknowledged write
 * must be there afterwards.
 */
describe('fifty concurrent clients (e2e)', () => {
  const CLIENTS = 50;
  const KINDS = 5;
  let t: TestApp;
  let pm: TestUser;
  let observer: TestUser;
  let projectId: string;
  let functionAreaId: string;
  let stageNames: string[];
  let milestoneNames: string[];
  let taskCount: number;
  const linkable: string[] = [];

  const PLAN = `query($id: ID!) { project(id: $id) { stages { name } milestones { name } } }`;
  const FULL = `query($id: ID!) { project(id: $id) {
    stages { name } baselines { name }
    milestones { id name tasks { id name } }
    tasks { id name durationDays successors { successor { id } lagDays } }
    schedule { finishDate } } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user();
    observer = await t.user();
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id functionAreas { id } } }', {
      i: { code: unique('BURST'), name: 'Burst', clientName: 'Retailer', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token);
    projectId = createProject.id;
    functionAreaId = createProject.functionAreas[0]?.id
      ?? (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Sales") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
    await t.ok('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { role } }', { p: projectId, u: observer.id }, pm.token);
    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Before the burst") { id } }', { p: projectId }, pm.token);
    // Pairs of tasks for the clients that link two tasks: disjoint pairs can never close a cycle.
    for (let i = 0; i < (2 * CLIENTS) / KINDS; i++) {
      const { addTask } = await t.ok('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', { i: { projectId, name: `Link ${i}`, durationDays: 2 } }, pm.token);
      linkable.push(addTask.id);
    }
    const before = (await t.ok(FULL, { id: projectId }, pm.token)).project;
    stageNames = before.stages.map((s: any) => s.name);
    milestoneNames = before.milestones.map((m: any) => m.name);
    taskCount = before.tasks.length;
    expect(stageNames.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('answers every request right, and keeps every acknowledged write', async () => {
    const failures: string[] = [];
    const check = <T>(what: string, result: GraphQLResponse<T>, expectation: (data: T) => boolean): T | null => {
      if (result.errors?.length) failures.push(`${what}: ${result.errors.map((e) => `${e.extensions?.code} ${e.message}`).join('; ')}`);
      else if (!expectation(result.data as T)) failures.push(`${what}: wrong answer ${JSON.stringify(result.data)}`);
      return result.errors?.length ? null : (result.data as T);
    };
    const sameStages = (data: any) => JSON.stringify(data.project.stages.map((s: any) => s.name)) === JSON.stringify(stageNames);
    const knownMilestones = (data: any) => milestoneNames.every((name) => data.project.milestones.some((m: any) => m.name === name));

    const tasks = new Map<string, { name: string; durationDays: number }>();
    const milestones = new Map<string, { name: string; taskIds: string[] }>();
    const baselines: string[] = [];
    const links: { predecessorId: string; successorId: string; lagDays: number }[] = [];

    const client = async (i: number) => {
      // Reads alternate between the project manager and an observer (a member with read rights).
      const reader = i % 2 ? observer : pm;
      switch (i % KINDS) {
        case 0: {
          const input = { projectId, name: `Burst task ${i}`, durationDays: 1 + (i % 7) };
          const data = check(`addTask ${i}`, await t.gql<any>('mutation($i: AddTaskInput!) { addTask(input: $i) { id name durationDays } }', { i: input }, pm.token),
            (d) => d.addTask.name === input.name && d.addTask.durationDays === input.durationDays);
          if (data) tasks.set(data.addTask.id, { name: input.name, durationDays: input.durationDays });
          break;
        }
        case 1: {
          const name = `Burst milestone ${i}`;
          const data = check(`addMilestone ${i}`, await t.gql<any>('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id name tasks { id name } } }', {
            i: { projectId, name, splitBy: 'FUNCTION', functionAreaId, prepareDays: 5, hypercareDays: 5 },
          }, pm.token), (d) => d.addMilestone.name === name && d.addMilestone.tasks.length === 3 && d.addMilestone.tasks.every((x: any) => x.name.startsWith(`${name}: `)));
          if (data) milestones.set(data.addMilestone.id, { name, taskIds: data.addMilestone.tasks.map((x: any) => x.id).sort() });
          break;
        }
        case 2: {
          const name = `Burst baseline ${i}`;
          const data = check(`captureBaseline ${i}`, await t.gql<any>('mutation($p: ID!, $n: String!) { captureBaseline(projectId: $p, name: $n) { name finishDate } }', { p: projectId, n: name }, pm.token),
            (d) => d.captureBaseline.name === name && /^\d{4}-\d{2}-\d{2}$/.test(d.captureBaseline.finishDate));
          if (data) baselines.push(name);
          // Read your own write: the baseline is there right after it was acknowledged.
          check(`baselines after ${i}`, await t.gql<any>('query($id: ID!) { project(id: $id) { baselines { name } } }', { id: projectId }, reader.token),
            (d) => d.project.baselines.some((b: any) => b.name === name) && d.project.baselines.some((b: any) => b.name === 'Before the burst'));
          break;
        }
        case 3: {
          const pair = Math.floor(i / KINDS);
          const link = { predecessorId: linkable[2 * pair], successorId: linkable[2 * pair + 1], lagDays: pair };
          const data = check(`addDependency ${i}`, await t.gql<any>('mutation($i: AddDependencyInput!) { addDependency(input: $i) { predecessor { id } successor { id } lagDays } }', {
            i: { ...link, type: 'FS' },
          }, pm.token), (d) => d.addDependency.predecessor.id === link.predecessorId && d.addDependency.successor.id === link.successorId && d.addDependency.lagDays === link.lagDays);
          if (data) links.push(link);
          break;
        }
        default:
          check(`schedule ${i}`, await t.gql<any>('query($id: ID!) { project(id: $id) { schedule { start finishDate } } }', { id: projectId }, reader.token),
            (d) => d.project.schedule.start === '2026-03-02' && d.project.schedule.finishDate >= d.project.schedule.start);
      }
      check(`plan ${i}`, await t.gql<any>(PLAN, { id: projectId }, reader.token), (d) => sameStages(d) && knownMilestones(d));
      check(`me ${i}`, await t.gql<any>('{ me { id } }', {}, reader.token), (d) => d.me.id === reader.id);
    };

    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    expect(failures).toEqual([]);

    const after = (await t.ok(FULL, { id: projectId }, pm.token)).project;
    expect(after.stages.map((s: any) => s.name)).toEqual(stageNames);
    expect(after.baselines.map((b: any) => b.name).sort()).toEqual(['Before the burst', ...baselines].sort());
    expect(after.milestones.map((m: any) => m.name).sort()).toEqual([...milestoneNames, ...[...milestones.values()].map((m) => m.name)].sort());
    for (const [id, milestone] of milestones) {
      expect(after.milestones.find((m: any) => m.id === id)?.tasks.map((x: any) => x.id).sort()).toEqual(milestone.taskIds);
    }
    const byId = new Map(after.tasks.map((x: any) => [x.id, x]));
    for (const [id, task] of tasks) expect(byId.get(id)).toMatchObject(task);
    for (const link of links) {
      expect((byId.get(link.predecessorId) as any).successors).toEqual([{ successor: { id: link.successorId }, lagDays: link.lagDays }]);
    }
    expect(after.tasks).toHaveLength(taskCount + tasks.size + 3 * milestones.size);
    expect([tasks.size, milestones.size, baselines.length, links.length]).toEqual([10, 10, 10, 10]);
  });
});
