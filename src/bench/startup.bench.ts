import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createScratchDatabase } from '../common/database/scratch-database';
import { BenchModule, BenchResult, judged, median } from './bench-result';
import { findServicePid, freePort, isAlive, memoryOf, sleep } from './service-process';

/**
 * Start-up as a user meets it: `npm start` (its prestart included, dist already built) until
 * `/health` answers, then RSS of the service. On PostgreSQL (a database created for the run and
 * dropped after it) and on the embedded database (a fresh data folder: initdb and migrations
 * included; then warm starts on that folder).
 */
export const WARM_START_LIMIT_MS = 5_000;
const WARM_STARTS = 3;

interface StartMeasure { ms: number; rssMb: number | null; peakRssMb: number | null }

async function npmStart(env: Record<string, string | undefined>): Promise<StartMeasure> {
  const port = await freePort();
  const began = performance.now();
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: resolve('.'),
    env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'production', ADMIN_EMAIL: 'bench-admin@example.test', ADMIN_PASSWORD: 'bench-password-1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => npm.once('exit', () => done()));
  let servicePid: number | undefined;
  try {
    for (;;) {
      if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode} before /health answered`);
      if (performance.now() - began > 120_000) throw new Error('npm start did not answer /health within 120 s');
      if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) break;
      await sleep(25);
    }
    const ms = performance.now() - began;
    servicePid = findServicePid(npm.pid!);
    const memory = servicePid ? memoryOf(servicePid) : null;
    return { ms, rssMb: memory?.rssMb ?? null, peakRssMb: memory?.peakRssMb ?? null };
  } finally {
    npm.kill('SIGTERM'); // npm passes it on to the service (the start script execs node)
    await exited;
    // The embedded database's folder is free only once the service itself is gone.
    for (let i = 0; servicePid && isAlive(servicePid) && i < 100; i++) await sleep(100);
  }
}

function results(database: 'pg' | 'embedded', first: StartMeasure, warm: StartMeasure[]): BenchResult[] {
  const name = database === 'pg' ? 'PostgreSQL server' : 'embedded PostgreSQL (PGlite)';
  const known = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const rssAfterStart = (measures: StartMeasure[]) => {
    const values = known(measures.map((m) => m.rssMb));
    return values.length ? Math.round(median(values)) : null;
  };
  const peak = (measures: StartMeasure[]) => {
    const values = known(measures.map((m) => m.peakRssMb));
    return values.length ? Math.max(...values) : null;
  };
  return [
    judged({
      path: `startup-${database}-first`, unit: 'ms', median: first.ms, floor: null, target: null, peakRssMb: peak([first]),
      label: `npm start → /health, first start on a new ${database === 'pg' ? 'database (migrations)' : 'data folder (initdb, migrations)'}, ${name}`,
      extra: { rssAfterStartMb: rssAfterStart([first]), runs: 1 },
    }),
    judged({
      path: `startup-${database}-warm`, unit: 'ms', median: median(warm.map((m) => m.ms)), floor: null,
      target: database === 'pg' ? WARM_START_LIMIT_MS : null, peakRssMb: peak(warm),
      label: `npm start → /health, warm start (built, migrated), ${name}`,
      extra: { rssAfterStartMb: rssAfterStart(warm), runs: warm.length },
    }),
  ];
}

async function onServer(serverUrl: string, dataDir: string): Promise<BenchResult[]> {
  const database = await createScratchDatabase(serverUrl, 'rollout_bench_start');
  try {
    const env = { DATABASE_URL: database.url, DATA_DIR: dataDir };
    const first = await npmStart(env);
    const warm: StartMeasure[] = [];
    for (let i = 0; i < WARM_STARTS; i++) warm.push(await npmStart(env));
    return results('pg', first, warm);
  } finally {
    await database.drop();
  }
}

async function embedded(dataDir: string): Promise<BenchResult[]> {
  const env = { DATABASE_URL: undefined, DATA_DIR: join(dataDir, 'data') };
  const first = await npmStart(env);
  const warm: StartMeasure[] = [];
  for (let i = 0; i < WARM_STARTS; i++) warm.push(await npmStart(env));
  return results('embedded', first, warm);
}

export const bench: BenchModule = {
  name: 'startup',
  order: 40,
  needsServer: false,
  async run({ serverUrl }) {
    // Untimed: when run as `node dist/bench/…` after an edit, the first timed start must not build.
    execFileSync(process.execPath, [resolve('scripts/build-if-stale.mjs')], { stdio: 'inherit' });
    const dir = mkdtempSync(join(tmpdir(), 'rollout-bench-start-'));
    try {
      const onPostgres = serverUrl ? await onServer(serverUrl, join(dir, 'pg')) : [];
      if (!serverUrl) console.log('startup: PostgreSQL skipped; set BENCH_DATABASE_URL (or TEST_DATABASE_URL)');
      return [...onPostgres, ...(await embedded(dir))];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
