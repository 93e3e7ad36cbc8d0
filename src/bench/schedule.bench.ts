import { join, resolve } from 'node:path';
import { BenchModule, judged } from './bench-result';
import { CalendarRegistry, loadCalendarDefinitions } from '../modules/calendar/calendar-registry';
import { LinkType, scheduleNetwork, ScheduleLinkInput, ScheduleTaskInput } from '../modules/schedule/engine/scheduler';
import { SCHEDULE_TARGETS, scalingAllowed } from './schedule-targets';

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

/**
 * The floor: the least any engine must do with the same input, written as plainly as possible.
 * Ids to indices (one Map), links into CSR arrays, Kahn's topological order, a forward and a
 * backward pass in integer days on Int32Arrays (no calendars, no stages, no dates, no output
 * objects). Returns the early starts and late finishes so the work cannot be optimised away.
 */
export function floorPass(input: { tasks: readonly ScheduleTaskInput[]; links: readonly ScheduleLinkInput[] }): { earlyStart: Int32Array; lateFinish: Int32Array } {
  const { tasks, links } = input;
  const n = tasks.length;
  const m = links.length;
  const indexOf = new Map<string, number>();
  const duration = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    indexOf.set(tasks[i].id, i);
    duration[i] = tasks[i].durationDays;
  }
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const type = new Uint8Array(m);
  const lag = new Int32Array(m);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  const code: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };
  for (let l = 0; l < m; l++) {
    const link = links[l];
    from[l] = indexOf.get(link.predecessorId)!;
    to[l] = indexOf.get(link.successorId)!;
    type[l] = code[link.type];
    lag[l] = link.lagDays;
    outStart[from[l] + 1]++;
    inStart[to[l] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
    inStart[i + 1] += inStart[i];
  }
  const outLinks = new Int32Array(m);
  const inLinks = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let l = 0; l < m; l++) {
    outLinks[outFill[from[l]]++] = l;
    inLinks[inFill[to[l]]++] = l;
  }
  const pending = new Int32Array(n);
  for (let i = 0; i < n; i++) pending[i] = inStart[i + 1] - inStart[i];
  const order = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) if (pending[i] === 0) order[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    for (let e = outStart[v]; e < outStart[v + 1]; e++) if (--pending[to[outLinks[e]]] === 0) order[tail++] = to[outLinks[e]];
  }
  const earlyStart = new Int32Array(n);
  let finish = 0;
  for (let q = 0; q < n; q++) {
    const v = order[q];
    let s = 0;
    for (let e = inStart[v]; e < inStart[v + 1]; e++) {
      const l = inLinks[e];
      const p = from[l];
      const bound = ((type[l] & 1) === 0 ? earlyStart[p] + duration[p] : earlyStart[p]) + lag[l] - (type[l] >= 2 ? duration[v] : 0);
      if (bound > s) s = bound;
    }
    earlyStart[v] = s;
    if (s + duration[v] > finish) finish = s + duration[v];
  }
  const lateFinish = new Int32Array(n);
  for (let q = n - 1; q >= 0; q--) {
    const v = order[q];
    let f = finish;
    for (let e = outStart[v]; e < outStart[v + 1]; e++) {
      const l = outLinks[e];
      const w = to[l];
      const bound = (type[l] >= 2 ? lateFinish[w] : lateFinish[w] - duration[w]) - lag[l] + ((type[l] & 1) === 0 ? 0 : duration[v]);
      if (bound < f) f = bound;
    }
    lateFinish[v] = f;
  }
  return { earlyStart, lateFinish };
}

interface Timing {
  /** Median wall-clock ms per call. */
  ms: number;
  /** Median CPU ms per call (user + system of this process): what the call cost, without the time other processes held the cores. */
  cpuMs: number;
}

/** Runs `work` enough times for a sample of ≥ 20 ms and returns wall and CPU ms per call. */
function sample(work: () => unknown, repeats: number): Timing {
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < repeats; i++) work();
  const cpu = process.cpuUsage(cpuStart);
  return { ms: Number(process.hrtime.bigint() - wallStart) / 1e6 / repeats, cpuMs: (cpu.user + cpu.system) / 1000 / repeats };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianTiming = (xs: Timing[]): Timing => ({ ms: median(xs.map((x) => x.ms)), cpuMs: median(xs.map((x) => x.cpuMs)) });

/**
 * Medians per call of the engine and the floor at every size, and the medians of the paired ratios
 * (engine / floor at one size, engine / engine at half the size, each within one round). Samples
 * are interleaved round-robin (each round: every size, engine then floor), so that load from
 * other processes, which changes from second to second on a shared machine, falls on both sides
 * of a pair alike; a ratio of two medians taken at different moments swung by ±10 %. Every
 * sample is at least 50 ms of calls, so that a collection of the old generation, which comes
 * every few calls at the larger sizes, falls into every sample alike instead of into a few.
 */
function interleavedMedians(cases: { engine: () => unknown; floor: () => unknown }[], rounds: number): { engine: Timing; floor: Timing; ratio: number; scaling: number | null; floorScaling: number | null }[] {
  const repeats = cases.map(({ engine, floor }) => {
    for (let i = 0; i < 5; i++) { engine(); floor(); } // warm-up: compiled code, grown heap
    const start = process.hrtime.bigint();
    engine();
    const oneCallMs = Number(process.hrtime.bigint() - start) / 1e6;
    return Math.max(3, Math.ceil(50 / Math.max(oneCallMs, 0.05)));
  });
  const samples = cases.map(() => ({ engine: [] as Timing[], floor: [] as Timing[] }));
  for (let round = 0; round < rounds; round++) {
    cases.forEach(({ engine, floor }, i) => {
      samples[i].engine.push(sample(engine, repeats[i]));
      samples[i].floor.push(sample(floor, repeats[i]));
    });
  }
  return samples.map((s, i) => ({
    engine: medianTiming(s.engine),
    floor: medianTiming(s.floor),
    ratio: median(s.engine.map((e, round) => e.cpuMs / s.floor[round].cpuMs)),
    scaling: i === 0 ? null : median(s.engine.map((e, round) => e.cpuMs / samples[i - 1].engine[round].cpuMs)),
    floorScaling: i === 0 ? null : median(s.floor.map((f, round) => f.cpuMs / samples[i - 1].floor[round].cpuMs)),
  }));
}

export interface ScheduleBenchRow {
  /** 'scheduler' (no stages) or 'scheduler, 10 stages'. */
  path: string;
  tasks: number;
  links: number;
  stages: number;
  /** Median wall-clock ms per call of `scheduleNetwork` (ids in, date strings out) and of `floorPass` on the same network. */
  ms: number;
  floorMs: number;
  /** The same in CPU ms of this process. */
  cpuMs: number;
  floorCpuMs: number;
  /** Median over rounds of engine / floor CPU ms in one round; target ≤ SCHEDULE_TARGETS.ratio. CPU time, because wall time on a shared machine swings with other processes' load. */
  ratio: number;
  /** Median over rounds of CPU ms / CPU ms of the same path at half the tasks in one round; null for the smallest size; target ≤ scalingAllowed(floorScaling). */
  scaling: number | null;
  /** The same for the floor: what twice the tasks cost a pass that cannot do less. */
  floorScaling: number | null;
  /** Whether this row meets both targets. */
  ok: boolean;
}

const SIZES = [5_000, 10_000, 20_000, 40_000];

/**
 * The scheduler against its floor at 5k, 10k, 20k and 40k tasks (≈ 2 links per task, RU
 * calendar), without stages and in 10 stages: medians of interleaved runs after warm-up.
 */
export function runScheduleBenchmark(): ScheduleBenchRow[] {
  const rows: ScheduleBenchRow[] = [];
  for (const stageCount of [0, 10]) {
    const path = stageCount ? `scheduler, ${stageCount} stages` : 'scheduler';
    const inputs = SIZES.map((tasks) => randomNetwork(tasks, 42, stageCount));
    const timings = interleavedMedians(inputs.map((input) => ({ engine: () => scheduleNetwork(input), floor: () => floorPass(input) })), 21);
    timings.forEach(({ engine, floor, ratio, scaling, floorScaling }, i) => {
      rows.push({
        path, tasks: SIZES[i], links: inputs[i].links.length, stages: stageCount,
        ms: engine.ms, floorMs: floor.ms, cpuMs: engine.cpuMs, floorCpuMs: floor.cpuMs, ratio, scaling, floorScaling,
        ok: ratio <= SCHEDULE_TARGETS.ratio && (scaling === null || scaling <= scalingAllowed(floorScaling)),
      });
    });
  }
  return rows;
}

export function printScheduleBenchmark(rows: ScheduleBenchRow[]): boolean {
  console.log(`Scheduler (forward + backward pass, float, critical path, dates) on the RU calendar vs the typed-array floor; medians of interleaved runs.`);
  console.log(`Targets: ratio ≤ ${SCHEDULE_TARGETS.ratio}×, ×2 tasks → ≤ ${SCHEDULE_TARGETS.scaling}× time (or a tenth over the floor's own ×2 in the same rounds, when caches make that more than 2×).`);
  console.log('Ratio and scaling are of CPU time (wall time swings with other processes on a shared machine).');
  console.log('path                   tasks   links   CPU ms  floor   ratio   ×2 tasks → time (floor)   wall ms  floor');
  for (const row of rows) {
    const scaling = row.scaling === null ? '—' : `${row.scaling.toFixed(2)}× (${row.floorScaling!.toFixed(2)}×)`;
    console.log(`${row.path.padEnd(22)} ${String(row.tasks).padEnd(7)} ${String(row.links).padEnd(7)} ${row.cpuMs.toFixed(2).padEnd(7)} ${row.floorCpuMs.toFixed(2).padEnd(7)} ${`${row.ratio.toFixed(2)}×`.padEnd(7)} ${scaling.padEnd(25)} ${row.ms.toFixed(2).padEnd(8)} ${row.floorMs.toFixed(2)}${row.ok ? '' : '  MISSED'}`);
  }
  return rows.every((row) => row.ok);
}

function main(): void {
  if (!printScheduleBenchmark(runScheduleBenchmark())) {
    console.error('schedule: a target was missed (see MISSED above)');
    process.exitCode = 1;
  }
}

/**
 * For `npm run bench`: per size, the engine against the typed-array floor (CPU ms, ≤ 2×) and, from
 * the second size on, against the same path at half the tasks (×2 tasks → ≤ 2.2× the time).
 */
export const bench: BenchModule = {
  name: 'schedule',
  order: 10,
  needsServer: false,
  async run() {
    const rows = runScheduleBenchmark();
    printScheduleBenchmark(rows);
    return rows.flatMap((row, i) => {
      const key = `schedule${row.stages ? `-${row.stages}stages` : ''}-${row.tasks / 1000}k`;
      const size = `${row.tasks.toLocaleString('en-US')} tasks / ${row.links.toLocaleString('en-US')} links${row.stages ? `, ${row.stages} stages` : ''}`;
      const extra = { tasks: row.tasks, links: row.links, stages: row.stages, wallMs: row.ms, floorWallMs: row.floorMs };
      const results = [judged({
        path: key, unit: 'ms', median: row.cpuMs, floor: row.floorCpuMs, pairedRatio: row.ratio, target: SCHEDULE_TARGETS.ratio,
        label: `scheduler engine, ${size}, RU calendar (CPU ms) vs the typed-array floor`, extra,
      })];
      if (row.scaling !== null) {
        results.push(judged({
          path: `${key}-scaling`, unit: 'ms', median: row.cpuMs, floor: rows[i - 1].cpuMs, pairedRatio: row.scaling,
          target: scalingAllowed(row.floorScaling),
          label: `scheduler engine, ${size} (CPU ms) vs the same at half the tasks (target 2.2×, or 1.1 × the floor's own ×2 when more)`,
          extra: { ...extra, floorScaling: row.floorScaling },
        }));
      }
      return results;
    });
  },
};

if (require.main === module) main();
