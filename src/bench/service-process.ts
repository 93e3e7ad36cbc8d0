import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

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
