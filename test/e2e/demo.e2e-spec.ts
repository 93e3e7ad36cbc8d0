import { loadDemo } from '../../src/demo/demo-loader';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_PROJECT, DEMO_TERRITORIES } from '../../src/demo/demo-rollout';
import { runDemo } from '../../src/demo/run-demo';
import { TestApp } from '../support/test-app';

describe('demo rollout (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it('loads once, with fixed ids, as a living wave rollout a newcomer can sign in to', async () => {
    expect(await loadDemo(t.app)).toBe(true);
    expect(await loadDemo(t.app)).toBe(false);
    const { login } = await t.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: DEMO_PEOPLE[0].email, p: DEMO_PASSWORD });
    const { project } = await t.ok(`query($id: ID!) { project(id: $id) {
      code status calendar { code } stages { kind } territories { id name } members { role user { email } }
      milestones { name plannedGoLive varianceDays functionArea { name } territory { name } }
      baselines { name } health { schedule } keyUsers { id } trainingSessions { title }
      keyUserCoverage { gaps { functionArea { name } territory { name } } } } }`, { id: DEMO_PROJECT.id }, login.token);
    expect(project).toMatchObject({ code: 'DEMO-FOOD', calendar: { code: 'RU' }, baselines: [{ name: 'Approved plan' }], health: { schedule: 'GREEN' } });
    expect(project.territories.map((x: any) => x.id).sort()).toEqual(DEMO_TERRITORIES.map((x) => x.id).sort());
    expect(project.members.length).toBeGreaterThanOrEqual(DEMO_PEOPLE.length);
    expect(project.milestones).toHaveLength(6);
    expect(new Set(project.milestones.map((m: any) => m.functionArea.name))).toEqual(new Set(['Order intake', 'Document issuing']));
    expect(project.milestones.every((m: any) => m.varianceDays === 0)).toBe(true);
    expect(project.keyUsers).toHaveLength(3);
    expect(project.trainingSessions).toHaveLength(2);
    // The two wave functions are covered in every territory; the later functions still need key users.
    const gapAreas = new Set(project.keyUserCoverage.gaps.map((g: any) => g.functionArea.name));
    expect(gapAreas.has('Order intake') || gapAreas.has('Document issuing')).toBe(false);
    expect(gapAreas.has('Self-service portal')).toBe(true);
    // Waves go live one after another.
    const goLives = project.milestones.map((m: any) => m.plannedGoLive).sort();
    expect(new Set(goLives).size).toBe(6);
  });

  it('`npm run demo` prints what is loaded and how to sign in, also when it was already there', async () => {
    // On the embedded database only one process may open the data folder: the server stops first.
    if (!t.config.databaseUrl) await t.stop();
    const database = t.config.databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : `the embedded database in ${t.config.dataDir}`;
    const lines: string[] = [];
    expect(await runDemo(t.config, (line) => lines.push(line))).toBe(false);
    expect(lines[0]).toBe(`The demo rollout DEMO-FOOD "${DEMO_PROJECT.name}" was already in ${database}; nothing changed.`);
    expect(lines[1]).toMatch(new RegExp(`project id ${DEMO_PROJECT.id}: \\d+ stages, 6 milestones, \\d+ tasks, 3 territories, 3 key users, 2 training sessions, 1 baseline`));
    expect(lines).toContain(`Start the server (npm start) and sign in at ${t.config.publicUrl}/graphql with the password "${DEMO_PASSWORD}" as:`);
    for (const person of DEMO_PEOPLE) expect(lines.some((line) => line.trim().startsWith(person.email))).toBe(true);
  });
});
