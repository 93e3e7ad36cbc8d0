import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

/**
 * A wave rollout of three territories: each wave goes live 15 working days after the previous
 * wave's go-live. Slip a wave, capture a second baseline, read the variance and the health.
 */
describe('rollout waves, baselines and variance (e2e)', () => {
  let t: TestApp;
  let pm: TestUser;
  let projectId: string;
  const waves: { id: string; name: string; prepareId: string; prepareVersion: number }[] = [];

  const MILESTONES = `query($id: ID!) { project(id: $id) { timeToleranceDays
    milestones { id name plannedStart plannedGoLive baselineGoLive varianceDays territory { name calendar { code } } }
    baselines { name finishDate capturedAt }
    health { schedule overall forecastFinish baselineFinish varianceDays }
    schedule { finishDate criticalPath { name } } } }`;
  const read = async () => (await t.ok(MILESTONES, { id: projectId }, pm.token)).project;
  const goLive = (project: any, name: string) => project.milestones.find((m: any) => m.name === name);

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user();
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('WAVES'), name: 'Waves', clientName: 'Food producer', templateKey: 'client-service-waves', startDate: '2026-03-02', timeToleranceDays: 10 },
    }, pm.token);
    projectId = createProject.id;
    const areas = (await t.ok('query($id: ID!) { project(id: $id) { functionAreas { id name } } }', { id: projectId }, pm.token)).project.functionAreas;
    const orderIntake = areas.find((a: any) => a.name === 'Order intake').id;
    // Plant 2 works Monday–Friday without Russian holidays (a foreign-owned site); the others use RU.
    const territories = [['Head office', 'RU'], ['Plant 2', 'STANDARD'], ['Warehouse 5', null]] as const;
    let previousGoLive: string | null = null;
    for (const [name, calendarCode] of territories) {
      const territory = (await t.ok('mutation($p: ID!, $n: String!, $c: String) { addTerritory(projectId: $p, name: $n, calendarCode: $c) { id } }', { p: projectId, n: name, c: calendarCode }, pm.token)).addTerritory;
      const m = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id name tasks { id name version } } }', {
        i: { projectId, name: `Order intake — ${name}`, splitBy: 'FUNCTION_AND_TERRITORY', functionAreaId: orderIntake, territoryId: territory.id, prepareDays: 10, hypercareDays: 10 },
      }, pm.token)).addMilestone;
      const prepare = m.tasks.find((x: any) => x.name.endsWith('prepare'));
      const launch = m.tasks.find((x: any) => x.name.endsWith('go-live'));
      if (previousGoLive) {
        await t.ok('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', { i: { predecessorId: previousGoLive, successorId: launch.id, type: 'FS', lagDays: 15 } }, pm.token);
      }
      previousGoLive = launch.id;
      waves.push({ id: m.id, name: m.name, prepareId: prepare.id, prepareVersion: prepare.version });
    }
  });
  afterAll(() => t.close());

  it('plans the waves 15 working days apart, each on its territory’s calendar', async () => {
    const project = await read();
    // Prepare (RU): 10 working days from Monday 2 March, skipping the 9 March holiday → 2–16 March; go-live 17 March.
    expect(goLive(project, 'Order intake — Head office')).toMatchObject({ plannedStart: '2026-03-02', plannedGoLive: '2026-03-17', territory: { calendar: { code: 'RU' } } });
    // Plant 2 (STANDARD): 15 of its working days after 17 March → 7 April.
    expect(goLive(project, 'Order intake — Plant 2')).toMatchObject({ plannedGoLive: '2026-04-07', territory: { calendar: { code: 'STANDARD' } } });
    // Warehouse 5 (no calendar of its own: the project’s RU): 15 RU working days after 7 April → 28 April.
    expect(goLive(project, 'Order intake — Warehouse 5')).toMatchObject({ plannedGoLive: '2026-04-28', territory: { calendar: { code: 'RU' } } });
    expect(project.baselines).toEqual([]);
    // No baseline yet: nothing to measure the forecast against, so AMBER (REPORTING.md).
    expect(project.health).toMatchObject({ schedule: 'AMBER', overall: 'AMBER', baselineFinish: null, varianceDays: null });
    expect(goLive(project, 'Order intake — Head office')).toMatchObject({ baselineGoLive: null, varianceDays: null });
  });

  it('refuses a territory with an unknown calendar, naming the known ones', async () => {
    const result = await t.gql('mutation($p: ID!) { addTerritory(projectId: $p, name: "Mars base", calendarCode: "MARS") { id } }', { p: projectId }, pm.token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].message).toContain('RU');
    expect(Number((await t.dataSource.query("SELECT count(*) n FROM territory WHERE name = 'Mars base'"))[0].n)).toBe(0);
  });

  it('captures a baseline; names are unique per project', async () => {
    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: projectId }, pm.token);
    expect(codeOf(await t.gql('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: projectId }, pm.token))).toBe('DUPLICATE');
    const project = await read();
    expect(project.milestones.every((m: any) => m.varianceDays === 0 && m.baselineGoLive === m.plannedGoLive)).toBe(true);
    expect(project.health).toMatchObject({ schedule: 'GREEN', varianceDays: 0, baselineFinish: project.schedule.finishDate });
  });

  it('slipping the first wave re-plans every later wave across calendars; variance reads against the latest baseline', async () => {
    // Preparing Head office takes 16 working days instead of 10: every wave slips.
    const wave = waves[0];
    await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: wave.prepareId, version: wave.prepareVersion, durationDays: 16 } }, pm.token);
    let project = await read();
    expect(goLive(project, 'Order intake — Head office')).toMatchObject({ plannedGoLive: '2026-03-25', baselineGoLive: '2026-03-17', varianceDays: 6 });
    expect(goLive(project, 'Order intake — Plant 2')).toMatchObject({ plannedGoLive: '2026-04-15', baselineGoLive: '2026-04-07', varianceDays: 6 });
    // 1 May is a RU holiday: six RU working days after 28 April is 7 May.
    expect(goLive(project, 'Order intake — Warehouse 5')).toMatchObject({ plannedGoLive: '2026-05-07', baselineGoLive: '2026-04-28', varianceDays: 6 });
    // The waves finish long before the template's stages, which set the project finish (variance 0),
    // but the worst wave is 6 working days late, more than half the tolerance: AMBER.
    expect(project.health).toMatchObject({ schedule: 'AMBER', varianceDays: 0 });

    await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Re-plan after the Head office slip") { id } }', { p: projectId }, pm.token);
    project = await read();
    expect(project.baselines.map((b: any) => b.name)).toEqual(['Re-plan after the Head office slip', 'Approved plan']);
    expect(project.milestones.every((m: any) => m.varianceDays === 0)).toBe(true);
    expect(project.health.schedule).toBe('GREEN');
  });

  it('rates the schedule from the forecast finish: AMBER beyond half the tolerance, RED beyond it', async () => {
    const { project } = await t.ok('query($id: ID!) { project(id: $id) { tasks { id name version durationDays stage { sequence } } } }', { id: projectId }, pm.token);
    // The template's first task heads the chain of stages that sets the project finish.
    const first = project.tasks.find((x: any) => x.stage?.sequence === 1);
    const slip = async (extra: number) => {
      const version = (await t.dataSource.query('SELECT version FROM task WHERE id = $1', [first.id]))[0].version;
      await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: first.id, version, durationDays: first.durationDays + extra } }, pm.token);
      return (await read()).health;
    };
    expect(await slip(5)).toMatchObject({ schedule: 'GREEN', overall: 'GREEN', varianceDays: 5 });
    expect(await slip(6)).toMatchObject({ schedule: 'AMBER', overall: 'AMBER', varianceDays: 6 });
    expect(await slip(10)).toMatchObject({ schedule: 'AMBER', varianceDays: 10 });
    expect(await slip(11)).toMatchObject({ schedule: 'RED', overall: 'RED', varianceDays: 11 });
  });

  it('rates the worse of the finish and the worst wave: a wave 13 working days late with the finish 2 days early is RED', async () => {
    const { project } = await t.ok('query($id: ID!) { project(id: $id) { tasks { id name version durationDays stage { sequence } } } }', { id: projectId }, pm.token);
    const first = project.tasks.find((x: any) => x.stage?.sequence === 1);
    const headOffice = project.tasks.find((x: any) => x.id === waves[0].prepareId);
    // The baseline "Re-plan after the Head office slip" has the first stage task at its original
    // duration and Head office's preparation at 16 days.
    const original = first.durationDays - 11;
    await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: first.id, version: first.version, durationDays: original - 2 } }, pm.token);
    await t.ok('mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', { i: { id: headOffice.id, version: headOffice.version, durationDays: 16 + 13 } }, pm.token);
    const after = await read();
    expect(goLive(after, 'Order intake — Head office').varianceDays).toBe(13);
    expect(after.health).toMatchObject({ schedule: 'RED', overall: 'RED', varianceDays: -2 });
  });

  it('baselines never change', async () => {
    await expect(t.dataSource.query("UPDATE baseline SET name = 'rewritten'")).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM baseline_entry')).rejects.toThrow(/append-only/);
  });
});
