import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** Helpers for benches that run the service in a child process. */

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });

/**
 * The built service (dist/main.js) on `databaseUrl` in a child process on a free port, with the
 * administrator `admin` and the rate limit out of the way; resolves once /health answers.
 */
export async function startService(options: {
  databaseUrl: string;
  dataDir: string;
  admin: { email: string; password: string };
  rateLimitPerMinute: number;
  startTimeoutMs: number;
}): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve('dist/main.js')], {
    env: {
      ...process.env, DATABASE_URL: options.databaseUrl, PORT: String(port), DATA_DIR: options.dataDir, NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret', ADMIN_EMAIL: options.admin.email, ADMIN_PASSWORD: options.admin.password,
      RATE_LIMIT_PER_MINUTE: String(options.rateLimitPerMinute),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let waited = 0; waited < options.startTimeoutMs; waited += 100) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode} while starting`);
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return { child, base };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not answer /health within ${options.startTimeoutMs / 1000} s`);
}

/**
 * Resident memory of a process from /proc (Linux): now and its peak so far (VmHWM), in MB;
 * null where /proc is not there or the process is gone.
 */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    const rss = kib('VmRSS');
    const peak = kib('VmHWM');
    return Number.isFinite(rss) && Number.isFinite(peak) ? { rssMb: rss / 1024, peakRssMb: peak / 1024 } : null;
  } catch {
    return null;
  }
}

/** The node process running dist/main.js among the descendants of `pid` (npm → sh exec node), or undefined. */
export function findServicePid(pid: number, depth = 3): number | undefined {
  let children: number[];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return undefined;
  }
  for (const child of children) {
    try {
      if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('dist/main.js')) return child;
    } catch { /* gone meanwhile */ }
    const deeper = depth > 1 ? findServicePid(child, depth - 1) : undefined;
    if (deeper) return deeper;
  }
  return undefined;
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
