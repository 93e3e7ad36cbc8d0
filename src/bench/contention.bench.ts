import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '../common/database/scratch-database';
import { BenchModule, judged, percentile } from './bench-result';
import { memoryOf, sleep, startService } from './service-process';

/**
 * One busy project must not starve the others: the p95 of reads of project B while 50 writers
 * hammer project A, against the p95 of the same reads when the service is idle. The service runs
 * as `node dist/main.js` in a child process (as in production, so the bench's own client does not
 * share its event loop) on a database created for the run and dropped after it.
 */
export const WRITERS = 50;
export const MAX_RATIO = 3;
const READS = 60;
const WRITE_SECONDS = 20;
const ADMIN = { email: 'bench-admin@example.test', password: 'bench-password-1' };

const READ_B = `query($id: ID!) { project(id: $id) {
  code stages { sequence name status plannedStart plannedFinish exitCriteria { text status } }
  schedule { finishDate criticalPath { name start finish } } } }`;
const ADD_TASK = 'mutation($p: ID!, $n: String!) { addTask(input: { projectId: $p, name: $n, durationDays: 2 }) { id } }';

class Client {
  constructor(private readonly base: string, private token?: string) {}

  async gql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: { message: string; extensions?: { code?: string } }[] }> {
    const response = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json() as Promise<any>;
  }

  async ok(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const result = await this.gql(query, variables);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data;
  }

  async signIn(): Promise<void> {
    this.token = (await this.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: ADMIN.email, p: ADMIN.password })).login.token;
  }
}

async function timedReads(client: Client, projectId: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await client.ok(READ_B, { id: projectId });
    times.push(performance.now() - start);
  }
  return times;
}

async function timedHealth(base: string): Promise<number> {
  const start = performance.now();
  await fetch(`${base}/health`).then((r) => r.text());
  return performance.now() - start;
}

export interface ContentionResult {
  idleP95: number;
  busyP95: number;
  ratio: number;
  idleHealthMs: number;
  busyHealthP95: number;
  writes: Record<string, number>;
  /** Peak RSS of the service process over the whole run, MB (null without /proc). */
  servicePeakRssMb: number | null;
}

export async function runContentionBenchmark(serverUrl: string): Promise<ContentionResult> {
  const database = await createScratchDatabase(serverUrl, 'rollout_bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'rollout-bench-'));
  let child: ChildProcess | undefined;
  try {
    const service = await startService({ databaseUrl: database.url, dataDir, admin: ADMIN, rateLimitPerMinute: 10_000_000, startTimeoutMs: 30_000 });
    child = service.child;
    const client = new Client(service.base);
    await client.signIn();
    const create = (code: string) => client.ok(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }',
      { i: { code, name: code, clientName: 'Bench', templateKey: 'prince2-crm', startDate: '2026-03-02', calendarCode: 'RU' } },
    ).then((d) => d.createProject.id as string);
    const projectA = await create('BENCH-A');
    const projectB = await create('BENCH-B');
    for (let i = 0; i < 30; i++) await client.ok(ADD_TASK, { p: projectB, n: `B task ${i}` });

    await timedReads(client, projectB, 10); // warm-up
    const idle = await timedReads(client, projectB, READS);
    const idleHealthMs = Math.min(...(await Promise.all([0, 1, 2].map(() => timedHealth(service.base)))));

    const writes: Record<string, number> = {};
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const result = await client.gql(ADD_TASK, { p: projectA, n: `A ${w}.${i}` });
        const outcome = result.errors?.[0]?.extensions?.code ?? 'ok';
        writes[outcome] = (writes[outcome] ?? 0) + 1;
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    const deadline = setTimeout(() => { stop = true; }, WRITE_SECONDS * 1000);
    await sleep(1000); // let the writers pile up on project A
    const healthTimes: number[] = [];
    const busy: number[] = [];
    for (let i = 0; i < READS && !stop; i++) {
      busy.push(...(await timedReads(client, projectB, 1)));
      if (i % 10 === 0) healthTimes.push(await timedHealth(service.base));
    }
    stop = true;
    clearTimeout(deadline);
    await Promise.all(writers);
    const idleP95 = percentile(idle, 95);
    const busyP95 = percentile(busy, 95);
    const servicePeakRssMb = memoryOf(child.pid!)?.peakRssMb ?? null;
    return { idleP95, busyP95, ratio: busyP95 / idleP95, idleHealthMs, busyHealthP95: percentile(healthTimes, 95), writes, servicePeakRssMb };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

/** The server the bench creates its database on: BENCH_DATABASE_URL, else TEST_DATABASE_URL. */
export const benchServerUrl = (): string | undefined => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined;

export function printContention(result: ContentionResult): boolean {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`contention: reads of project B while ${WRITERS} writers add tasks to project A`);
  console.log(`  read p95 idle ${ms(result.idleP95)}, busy ${ms(result.busyP95)} → ${result.ratio.toFixed(2)}× (limit ${MAX_RATIO}×)`);
  console.log(`  /health idle ${ms(result.idleHealthMs)}, busy p95 ${ms(result.busyHealthP95)}`);
  console.log(`  writes to A: ${Object.entries(result.writes).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  return result.ratio <= MAX_RATIO;
}

async function main(): Promise<void> {
  const url = benchServerUrl();
  if (!url) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server; the bench creates and drops its own database there');
  if (!printContention(await runContentionBenchmark(url))) process.exitCode = 1;
}

/** For `npm run bench`: the busy p95 against the idle p95 of the same reads, peak RSS of the service. */
export const bench: BenchModule = {
  name: 'contention',
  order: 30,
  needsServer: true,
  async run({ serverUrl }) {
    const result = await runContentionBenchmark(serverUrl!);
    const { ok: writesOk = 0, ...refused } = result.writes;
    return [judged({
      path: 'contention-read-p95', unit: 'ms', stat: 'p95', median: result.busyP95, floor: result.idleP95, target: MAX_RATIO,
      label: `reads of project B while ${WRITERS} writers add tasks to project A, against the same reads idle`,
      peakRssMb: result.servicePeakRssMb,
      extra: { idleHealthMs: result.idleHealthMs, busyHealthP95Ms: result.busyHealthP95, writesOk, ...refused },
    })];
  },
};

if (require.main === module) main().catch((error) => { console.error(error); process.exit(1); });
