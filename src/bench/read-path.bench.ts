import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BenchModule, judged, percentile } from './bench-result';
import { freePort, startService } from './service-process';
import { createScratchDatabase } from '../common/database/scratch-database';

/**
 * The read path of issue 13, each against its floor in the same run: a 5,000-task / 10,000-link
 * plan read through GraphQL with every computed date against a `pg` fetch of the same rows plus
 * JSON.stringify (target 2×); a 20,000-task plan read in one request (reported); addTask into the
 * 5k plan against addTask into the template's plan (target 2×); the project summary under 50
 * concurrent clients against bare node + pg answering the same row over HTTP (throughput at least
 * half, so the ratio floor/ours ≤ 2; p95 and errors reported). The service runs as
 * `node dist/main.js` in a child process on a database created for the run and dropped after it.
 */
export interface ReadPathFigure {
  path: string;
  ms: number;
  floorMs: number;
  ratio: number;
  /** The ratio allowed; null when the figure is reported only. */
  target: number | null;
  statements?: number;
  p95Ms?: number;
  errors?: number;
}

const ADMIN = { email: 'bench-read-admin@example.test', password: 'bench-password-1' };
const READ_PLAN = 'query($id: ID!) { project(id: $id) { tasks { id name durationDays start finish lateStart lateFinish totalFloatDays critical } } }';
const SUMMARY = 'query($id: ID!) { project(id: $id) { id code name status startDate health { schedule overall forecastFinish } } }';
const ADD_TASK = 'mutation($p: ID!, $n: String!) { addTask(input: { projectId: $p, name: $n, durationDays: 2 }) { id } }';
const CLIENTS = 50;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

async function gql(base: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body: any = await response.json();
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data;
}

/** `count` tasks and about two links per task (chains of 25, and each task to the one two ahead), straight into the database. */
async function seedPlan(db: pg.Client, projectId: string, count: number): Promise<void> {
  await db.query(`INSERT INTO task (project_id, name, duration_days, version) SELECT $1, 'Bulk ' || i, 1 + i % 5, 1 FROM generate_series(1, $2) AS i`, [projectId, count]);
  await db.query(`
    INSERT INTO dependency (project_id, predecessor_id, successor_id)
    SELECT $1, id, next FROM (
      SELECT id, k, lead(id, k) OVER by_step AS next, row_number() OVER by_step AS n
      FROM task, (VALUES (1), (2)) AS step(k) WHERE project_id = $1 AND name LIKE 'Bulk %'
      -- one window per step: over the whole cross join, lead(id, 1) would be the task itself
      WINDOW by_step AS (PARTITION BY k ORDER BY created_at, id)) s
    WHERE next IS NOT NULL AND n % 25 <> 0 AND NOT (k = 2 AND n % 25 = 24)`, [projectId]);
}

/**
 * The floor of a plan read: what the read needs from the database, fetched with `pg` and turned
 * into JSON: the same task rows (in plan order) with the columns the query shows and those its
 * dates are computed from, and the links' ends, type and lag. The computed dates are no columns,
 * so the floor is lighter than the answer, never heavier.
 */
async function rawRead(db: pg.Client, projectId: string): Promise<void> {
  const tasks = await db.query(`SELECT id, name, duration_days, start_no_earlier_than, stage_id, milestone_id
    FROM task WHERE project_id = $1 ORDER BY created_at, id`, [projectId]);
  const links = await db.query('SELECT predecessor_id, successor_id, type, lag_days FROM dependency WHERE project_id = $1', [projectId]);
  JSON.stringify({ data: { project: { tasks: tasks.rows, links: links.rows } } });
}

/** `CLIENTS` clients sending `request` back to back for `seconds`: requests per second, p95, errors. */
async function load(request: () => Promise<unknown>, seconds: number): Promise<{ rps: number; p95Ms: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) {
      const start = performance.now();
      try { await request(); } catch { errors++; }
      times.push(performance.now() - start);
    }
  }));
  return { rps: times.length / seconds, p95Ms: percentile(times, 95), errors };
}

/** Bare node + pg: an HTTP server answering the project row as JSON, from a pool of the service's size. */
async function bareServer(databaseUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { createServer: createHttp } = await import('node:http');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const server = createHttp((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const { id } = JSON.parse(body);
      const { rows } = await pool.query('SELECT id, code, name, status, start_date FROM project WHERE id = $1', [id]);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { project: rows[0] } }));
    });
  });
  const port = await freePort();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${port}/`, close: async () => { server.close(); await pool.end(); } };
}

export async function runReadPathBenchmark(serverUrl: string): Promise<ReadPathFigure[]> {
  const database = await createScratchDatabase(serverUrl, 'rollout_bench_read');
  const dataDir = mkdtempSync(join(tmpdir(), 'rollout-bench-'));
  let child: ChildProcess | undefined;
  const db = new pg.Client({ connectionString: database.url });
  try {
    const service = await startService({ databaseUrl: database.url, dataDir, admin: ADMIN, rateLimitPerMinute: 100_000_000, startTimeoutMs: 60_000 });
    child = service.child;
    await db.connect();
    const token = (await gql(service.base, null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password })).login.token as string;
    const create = async (code: string) => (await gql(service.base, token, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
      { i: { code, name: code, clientName: 'Bench', templateKey: 'prince2-crm', startDate: '2026-03-02', calendarCode: 'STANDARD' } })).createProject.id as string;
    const small = await create('READ-35');
    const large = await create('READ-5K');
    const huge = await create('READ-20K');
    await seedPlan(db, large, 5000);
    await seedPlan(db, huge, 20_000);
    const figures: ReadPathFigure[] = [];

    for (const [path, id, target] of [['plan read 5k tasks / 10k links', large, 2], ['plan read 20k tasks', huge, null]] as const) {
      for (let i = 0; i < 3; i++) { await gql(service.base, token, READ_PLAN, { id }); await rawRead(db, id); } // warm-up
      // Interleaved pairs, the ratio a median of the pairs' ratios: a shared machine's load falls on both sides of a pair alike.
      const reads: number[] = [];
      const floors: number[] = [];
      for (let round = 0; round < 9; round++) {
        reads.push(await timed(() => gql(service.base, token, READ_PLAN, { id })));
        floors.push(await timed(() => rawRead(db, id)));
      }
      figures.push({ path, ms: median(reads), floorMs: median(floors), ratio: median(reads.map((ms, round) => ms / floors[round])), target });
    }

    // addTask: interleaved, each plan read once before (as a client would see it).
    const into = { [small]: [] as number[], [large]: [] as number[] };
    for (let i = 0; i < 3; i++) for (const id of [small, large]) await gql(service.base, token, ADD_TASK, { p: id, n: `warm ${i}` });
    for (let i = 0; i < 15; i++) {
      for (const id of [small, large]) into[id].push(await timed(() => gql(service.base, token, ADD_TASK, { p: id, n: `bench ${i}` })));
    }
    figures.push({ path: 'addTask into 5k plan vs into 35 tasks', ms: median(into[large]), floorMs: median(into[small]), ratio: median(into[large]) / median(into[small]), target: 2 });

    // Project summary, 50 concurrent clients, against bare node + pg answering the same row.
    const bare = await bareServer(database.url);
    try {
      const bareRequest = () => fetch(bare.url, { method: 'POST', body: JSON.stringify({ id: small }) }).then((r) => r.json());
      const summaryRequest = () => gql(service.base, token, SUMMARY, { id: small });
      await load(bareRequest, 1);
      await load(summaryRequest, 1);
      // Interleaved windows, the ratio a median of the pairs: a shared machine's load, which
      // changes from second to second, falls on both sides of a pair alike.
      const floors: Awaited<ReturnType<typeof load>>[] = [];
      const ours: Awaited<ReturnType<typeof load>>[] = [];
      for (let round = 0; round < 5; round++) {
        floors.push(await load(bareRequest, 1));
        ours.push(await load(summaryRequest, 1));
      }
      const rps = median(ours.map((o) => o.rps));
      const floorRps = median(floors.map((f) => f.rps));
      figures.push({ path: `project summary, ${CLIENTS} clients (ms per request = 1000/throughput)`, ms: 1000 / rps, floorMs: 1000 / floorRps,
        ratio: median(ours.map((o, round) => floors[round].rps / o.rps)), target: 2,
        p95Ms: median(ours.map((o) => o.p95Ms)), errors: ours.reduce((sum, o) => sum + o.errors, 0) });
    } finally {
      await bare.close();
    }
    return figures;
  } finally {
    await db.end().catch(() => undefined);
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

/** Prints the figures; false when one misses its target or the summary had errors. */
export function printReadPath(figures: ReadPathFigure[]): boolean {
  let ok = true;
  for (const f of figures) {
    const miss = (f.target !== null && f.ratio > f.target) || (f.errors ?? 0) > 0;
    if (miss) ok = false;
    console.log(`${f.path}: ${f.ms.toFixed(1)} ms, floor ${f.floorMs.toFixed(1)} ms → ${f.ratio.toFixed(2)}×` +
      (f.target === null ? ' (reported)' : ` (target ≤ ${f.target}×)`) +
      (f.p95Ms !== undefined ? `, p95 ${f.p95Ms.toFixed(1)} ms, errors ${f.errors}` : '') + (miss ? '  MISS' : ''));
  }
  return ok;
}

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; the bench creates and drops its own database there');
  const figures = await runReadPathBenchmark(serverUrl);
  console.log(JSON.stringify(figures));
  if (!printReadPath(figures)) process.exitCode = 1;
}

const slug = (path: string): string => `read-${path.toLowerCase().replace(/\(.*?\)/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** For `npm run bench`: each figure against its floor (a throughput as ms per request, 1000 / req/s). */
export const bench: BenchModule = {
  name: 'read-path',
  order: 20,
  needsServer: true,
  async run({ serverUrl }) {
    const figures = await runReadPathBenchmark(serverUrl!);
    printReadPath(figures);
    return figures.map((f) => {
      const result = judged({
        path: slug(f.path), label: f.path, unit: 'ms', median: f.ms, floor: f.floorMs, target: f.target,
        extra: { ...(f.p95Ms !== undefined ? { p95Ms: f.p95Ms } : {}), ...(f.errors !== undefined ? { errors: f.errors } : {}) },
      });
      return (f.errors ?? 0) > 0 ? { ...result, ok: false } : result;
    });
  },
};

if (require.main === module) main().catch((error) => { console.error(error); process.exit(1); });
