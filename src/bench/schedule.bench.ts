import { join, resolve } from 'node:path';
import { BenchModule, judged } from './bench-result';
import { CalendarRegistry, loadCalendarDefinitions } from '../modules/calendar/calendar-registry';
import { LinkType, scheduleNetwork, ScheduleLinkInput, ScheduleTaskInput } from '../modules/schedule/engine/scheduler';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same networks. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES: LinkType[] = ['FS', 'FS', 'FS', 'SS', 'FF', 'SF'];

/**
 * n tasks on the RU calendar with ≈ 2 links each, pointing forward to keep the network acyclic;
 * with `stageCount`, the tasks fall into that many stages in blocks, in order (as in a PRINCE2
 * plan), one in ten outside stages.
 */
export function randomNetwork(n: number, seed = 42, stageCount = 0) {
  const next = random(seed);
  const calendar = new CalendarRegistry(loadCalendarDefinitions(join(resolve('templates'), 'calendars'))).get('RU')!;
  const tasks: ScheduleTaskInput[] = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, name: `t${i}`, durationDays: Math.floor(next() * 10), calendar }));
  const links: ScheduleLinkInput[] = [];
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < 2; k++) {
      const from = Math.max(0, i - 1 - Math.floor(next() * 50));
      if (k === 1 && from === i - 1) continue;
      links.push({ predecessorId: `t${from}`, successorId: `t${i}`, type: TYPES[Math.floor(next() * TYPES.length)], lagDays: Math.floor(next() * 8) - 2 });
    }
  }
  const stageOrder = Array.from({ length: stageCount }, (_, k) => `stage${k}`);
  if (stageCount) tasks.forEach((task, i) => { if (i % 10 !== 9) task.stageId = stageOrder[Math.floor((i * stageCount) / n)]; });
  return { projectStart: '2026-01-12', tasks, links, stageOrder };
}

function medianMs(work: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/**
 * Scheduling time per network size, and each size's ratio to the one before: linear work gives
 * ratios close to the ratio of sizes (5× and 4×); `stagedMs` is the same network in 10 stages.
 */
export function runScheduleBenchmark(): { size: number; links: number; ms: number; stagedMs: number; ratio: number | null }[] {
  const sizes = [1_000, 5_000, 20_000];
  const rows: { size: number; links: number; ms: number; stagedMs: number; ratio: number | null }[] = [];
  for (const size of sizes) {
    const input = randomNetwork(size);
    const staged = randomNetwork(size, 42, 10);
    medianMs(() => scheduleNetwork(input), 5); // warm-up
    medianMs(() => scheduleNetwork(staged), 5);
    const ms = medianMs(() => scheduleNetwork(input), 11);
    const stagedMs = medianMs(() => scheduleNetwork(staged), 11);
    rows.push({ size, links: input.links.length, ms, stagedMs, ratio: rows.length ? ms / rows[rows.length - 1].ms : null });
  }
  return rows;
}

function main(): void {
  console.log('Scheduling (forward + backward pass, float, critical path) on the RU calendar, median of 11 runs');
  console.log('tasks   links    ms      ratio to previous size (sizes grow 5×, then 4×)   ms in 10 stages');
  for (const row of runScheduleBenchmark()) {
    const ratio = row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`;
    console.log(`${String(row.size).padEnd(7)} ${String(row.links).padEnd(8)} ${row.ms.toFixed(1).padEnd(7)} ${ratio.padEnd(50)} ${row.stagedMs.toFixed(1)}`);
  }
}

/** For `npm run bench`: one result per size (no floor yet: reported, not judged). */
export const bench: BenchModule = {
  name: 'schedule',
  order: 10,
  needsServer: false,
  async run() {
    return runScheduleBenchmark().map((row) => judged({
      path: `schedule-${row.size / 1000}k`, unit: 'ms', median: row.ms, floor: null, target: null,
      label: `scheduler engine, ${row.size.toLocaleString('en-US')} tasks / ${row.links.toLocaleString('en-US')} links, RU calendar`,
      extra: { ratioToPreviousSize: row.ratio, msIn10Stages: row.stagedMs },
    }));
  },
};

if (require.main === module) main();
