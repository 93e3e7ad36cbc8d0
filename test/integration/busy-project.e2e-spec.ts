import pg from 'pg';
import { refusalFromDatabase } from '../../src/common/errors/database-errors';
import { codeOf, GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';

const POOL_SIZE = 4;
// The statement timeout bounds lock waits too: longer, so that the lock timeout is what refuses.
const LOCK_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 3000;
const ADD_TASK = 'mutation($p: ID!, $n: String!) { addTask(input: { projectId: $p, name: $n, durationDays: 1 }) { id } }';
const READ = 'query($id: ID!) { project(id: $id) { code stages { name plannedStart } schedule { finishDate } } }';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** How long `work` took, or Infinity if it had not finished after `limitMs`. */
async function timed(work: () => Promise<unknown>, limitMs: number): Promise<number> {
  const start = Date.now();
  const finished = await Promise.race([work().then(() => true), sleep(limitMs).then(() => false)]);
  return finished ? Date.now() - start : Infinity;
}

/**
 * One busy project must not starve the others: writers queued on project A's row lock (held
 * here from another connection, as a long change would) may not take the connections reads of
 * project B and the health check need; they wait their turn holding none, and are refused as
 * busy (retryable) once they waited too long.
 */
describe('a busy project (e2e)', () => {
  let t: TestApp;
  let pm: TestUser;
  let projectA: string;
  let projectB: string;

  const create = async (name: string) => (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
    i: { code: unique(name), name, clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
  }, pm.token)).createProject.id as string;
  const taskCount = async (projectId: string) =>
    (await t.ok('query($id: ID!) { project(id: $id) { tasks { id } } }', { id: projectId }, pm.token)).project.tasks.length as number;

  beforeAll(async () => {
    t = await TestApp.start({
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      DATABASE_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS),
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
    });
    pm = await t.user();
    projectA = await create('BUSY-A');
    projectB = await create('BUSY-B');
  }, 30_000);
  afterAll(() => t.close());

  it('answers reads of another project and /health promptly while writers queue on a locked project, and refuses the writers that waited too long as busy and retryable', async () => {
    await t.ok(READ, { id: projectB }, pm.token); // warm-up
    const tasksBefore = await taskCount(projectA);

    const holder = new pg.Client({ connectionString: process.env.ROLLOUT_TEST_DATABASE_URL });
    await holder.connect();
    let writes: Promise<GraphQLResponse[]> | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM project WHERE id = $1 FOR UPDATE', [projectA]);
      writes = Promise.all(Array.from({ length: POOL_SIZE * 2 }, (_, i) => t.gql(ADD_TASK, { p: projectA, n: `queued ${i}` }, pm.token)));
      await sleep(300); // the writers are all waiting by now

      // Before the fix the writers held every connection until the lock timeout refused them.
      const read = await timed(() => t.ok(READ, { id: projectB }, pm.token), 1500);
      expect(read).toBeLessThan(1000);
      const health = await timed(() => fetch(`${t.url}/health`).then((r) => { expect(r.status).toBe(200); }), 1000);
      expect(health).toBeLessThan(1000);

      // Held past the lock timeout: the writer waiting on the row is refused by the database.
      await sleep(LOCK_TIMEOUT_MS + 700);
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    const results = await writes!;
    const refusals = results.filter((r) => r.errors);
    for (const refusal of refusals) {
      expect(codeOf(refusal)).toBe('TOO_MANY_REQUESTS');
      expect(refusal.errors![0].extensions).toMatchObject({ retryable: true, retryAfterMs: 1000 });
    }
    const messages = new Set(refusals.map((r) => r.errors![0].message));
    expect(messages).toContain('Another change holds what this one needs (its project or a person it names); nothing was changed; try again');
    expect(messages).toContain(`Project ${projectA} is busy with other changes; try again`);
    // A refused change changed nothing.
    expect(await taskCount(projectA)).toBe(tasksBefore + results.length - refusals.length);
  }, 30_000);

  it('applies the statement and lock timeouts to the connections, and a cancelled statement is a retryable refusal', async () => {
    expect(await t.dataSource.query('SHOW lock_timeout')).toEqual([{ lock_timeout: '2s' }]);
    expect(await t.dataSource.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '3s' }]);
    const error = await t.dataSource.query('SELECT pg_sleep(4)').catch((e: unknown) => e);
    expect(refusalFromDatabase(error)).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'The database did not answer in time (it may be busy); nothing was changed; try again',
      details: { retryable: true },
    });
  }, 10_000);
});
