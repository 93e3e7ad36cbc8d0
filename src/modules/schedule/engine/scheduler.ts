import { formatIsoDate, parseIsoDate } from '../../calendar/iso-date';
import type { WorkCalendar } from '../../calendar/work-calendar';

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface ScheduleTaskInput {
  id: string;
  name: string;
  durationDays: number;
  startNoEarlierThan?: string | null;
  calendar: WorkCalendar;
  /** The stage the task belongs to (one of `stageOrder`); null or absent for work outside stages. */
  stageId?: string | null;
  /**
   * Progress (REPORTING.md), read only when the network has a `statusDate`; `progress-rules.ts`
   * checks it. Finished = `actualFinish` set; in progress = `actualStart` set without it.
   */
  actualStart?: string | null;
  actualFinish?: string | null;
  /** 0–100; sets the remaining work of a task in progress. */
  percentComplete?: number | null;
}

export interface ScheduleLinkInput {
  predecessorId: string;
  successorId: string;
  type: LinkType;
  lagDays: number;
}

export interface ScheduledTask {
  /** As of a status date: the actual start of a started task, the actual finish of a finished one. */
  start: string;
  finish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatDays: number;
  critical: boolean;
  /**
   * Early start and finish points in the task's own calendar (finish − start is the duration, and
   * for a task in progress or finished as of a status date, the span from its actual start).
   */
  startPoint: number;
  finishPoint: number;
}

/**
 * The scheduled tasks by id, read as a map over the engine's arrays: a task's row (with its date
 * strings) is made the first time it is read. Making every row, and a second hash table of ids,
 * up front cost as much as both passes together and grew faster than the plan.
 */
export class ScheduledTasks implements ReadonlyMap<string, ScheduledTask> {
  private readonly rows: (ScheduledTask | undefined)[];
  /** Plans span a few hundred days: each day's string made once, at its offset from the first day shown. */
  private readonly text: (string | undefined)[];
  private readonly firstDay: number;

  constructor(
    private readonly net: Pick<CompiledNetwork, 'taskIds' | 'taskIndex'>,
    private readonly arrays: ScheduleArrays,
  ) {
    const n = net.taskIds.length;
    this.rows = new Array(n);
    let firstDay = Infinity;
    let lastDay = -Infinity;
    for (let i = 0; i < n; i++) {
      firstDay = Math.min(firstDay, arrays.startDay[i], arrays.lateStartDay[i]);
      lastDay = Math.max(lastDay, arrays.finishDay[i], arrays.lateFinishDay[i]);
    }
    this.firstDay = firstDay;
    this.text = n ? new Array(lastDay - firstDay + 1) : [];
  }

  get size(): number {
    return this.rows.length;
  }

  get(id: string): ScheduledTask | undefined {
    const i = this.net.taskIndex.get(id);
    return i === undefined ? undefined : this.row(i);
  }

  has(id: string): boolean {
    return this.net.taskIndex.has(id);
  }

  *entries(): MapIterator<[string, ScheduledTask]> {
    for (let i = 0; i < this.rows.length; i++) yield [this.net.taskIds[i], this.row(i)];
  }

  keys(): MapIterator<string> {
    return this.net.taskIds.values();
  }

  *values(): MapIterator<ScheduledTask> {
    for (let i = 0; i < this.rows.length; i++) yield this.row(i);
  }

  forEach(callback: (value: ScheduledTask, key: string, map: ReadonlyMap<string, ScheduledTask>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.rows.length; i++) callback.call(thisArg, this.row(i), this.net.taskIds[i], this);
  }

  [Symbol.iterator](): MapIterator<[string, ScheduledTask]> {
    return this.entries();
  }

  private row(i: number): ScheduledTask {
    const a = this.arrays;
    return (this.rows[i] ??= {
      start: this.dateText(a.startDay[i]),
      finish: this.dateText(a.finishDay[i]),
      lateStart: this.dateText(a.lateStartDay[i]),
      lateFinish: this.dateText(a.lateFinishDay[i]),
      totalFloatDays: a.totalFloat[i],
      critical: a.critical[i] === 1,
      startPoint: a.earlyStart[i],
      finishPoint: a.earlyFinish[i],
    });
  }

  private dateText(day: number): string {
    return this.text[day - this.firstDay] ??= formatIsoDate(day);
  }
}

export interface ScheduleResult {
  tasks: ReadonlyMap<string, ScheduledTask>;
  /** The latest finish date; null for an empty plan. */
  finishDate: string | null;
  /** Critical tasks by early start, then early finish, then name. */
  criticalPath: string[];
}

/** Plain code-unit order: ISO dates sort correctly, and it is far cheaper than localeCompare. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One step of a cycle: a task, or the finish of a stage that the next stage's tasks wait for. */
export type CycleStep = { taskId: string } | { stageFinishOf: string };

/**
 * Links that would make the plan circular, alone or with the stage order; `cycle` lists the task
 * ids around it in link order, `steps` the same walk with the stage finishes it passes through.
 */
export class DependencyCycleError extends Error {
  readonly cycle: string[];

  constructor(readonly steps: CycleStep[]) {
    super(`The dependencies form a cycle: ${steps.map((s) => ('taskId' in s ? s.taskId : `(finish of stage ${s.stageFinishOf})`)).join(' → ')}`);
    this.name = 'DependencyCycleError';
    this.cycle = steps.flatMap((s) => ('taskId' in s ? [s.taskId] : []));
  }
}

/*
 * Entry points: `scheduleNetwork` (ids in; a Map of tasks with date strings out), or, for callers
 * that keep the compiled network per plan version or want dates as day numbers, `compileNetwork`
 * once and `scheduleCompiled` (typed arrays per task index; `formatIsoDate` turns a day number
 * into "YYYY-MM-DD"). Both give the same dates and refusals.
 *
 * The engine works on integer indices and typed arrays: tasks are nodes 0 … n − 1 in input order,
 * stage finishes nodes n … n + S − 1 in stage order, links are columns of parallel arrays with
 * their successors and predecessors in CSR form (one offsets array, one array of link indices).
 * Nothing is allocated per task or link but array slots, and dates become strings only at the end.
 *
 * Instants are day numbers meaning "the start of that day": the end of day D is the start of day
 * D + 1. An instant t becomes a point of calendar C as C.startPointOfDay(t), which is startPoint_C
 * for a start-of-day instant and endPoint_C for an end-of-day one (SCHEDULING.md). Between two
 * tasks of the same calendar those conversions cancel out (the point of task P's start is its
 * start point, of its finish its start point + d), so they are done only across calendars.
 *
 * The finish of each stage ("Stages run in sequence") is one extra node: its tasks and the previous
 * stage's finish lead into it, the next stage's tasks follow it as FS lag 0. That keeps the
 * implicit constraints linear instead of n² links, and the chain of stage nodes carries a finish
 * back through stages without tasks.
 */

/** Link types as small integers: bit 0 set = reads the predecessor's start (SS, SF); ≥ 2 = constrains the successor's finish (FF, SF). */
const LINK_TYPE_CODE: Record<LinkType, number> = { FS: 0, SS: 1, FF: 2, SF: 3 };
const readsFinishCode = (code: number): boolean => (code & 1) === 0;
const constrainsFinishCode = (code: number): boolean => code >= 2;

/*
 * Progress as of a status date S (REPORTING.md "Progress and the status date"), when the network
 * has one; without it every task is NOT_STARTED and the plan is exactly SCHEDULING.md's.
 * - "The first working day after S" in calendar C is point endPoint_C(S) = startPoint_C(S + 1):
 *   S's instant is the end of day S.
 * - FINISHED: pinned to its actual dates; its start and finish instants are read like a planned
 *   task's (start of the actual start; end of the actual finish, or its start for a 0-day task).
 * - IN_PROGRESS: starts on its actual start; finishes at the later of (first working day after S,
 *   or its actual start when that was recorded after S) + remaining work, and what its FF and SF
 *   predecessors require. Its finish instant is read as a planned task's of the same duration (a
 *   0-day task's finish is the start of its finish date).
 * - NOT_STARTED: as planned, and no earlier than the first working day after S.
 * A date that is a fact constrains nothing, either way: a started task ignores the links and the
 * stage order that would move its start (FS, SS, the previous stage), a finished one all of them,
 * and the backward pass reads exactly the constraints the forward pass applied, so a finished
 * successor puts no late date on its predecessors, an in-progress one only through FF and SF, and
 * a link reading the (actual) start of a task in progress does not limit that task's late finish.
 * Out-of-sequence progress therefore never shows as negative float on work that cannot move.
 */
export const NOT_STARTED = 0;
export const IN_PROGRESS = 1;
export const FINISHED = 2;

/**
 * A network resolved once into typed arrays (`compileNetwork`). Task i is `taskIds[i]`, in input
 * order; stage k is `stageIds[k]`, in stage order.
 */
export interface CompiledNetwork {
  taskIds: readonly string[];
  /** Task id → index. */
  taskIndex: ReadonlyMap<string, number>;
  taskNames: readonly string[];
  stageIds: readonly string[];
  /** The distinct calendars; `calendarOf[i]` indexes them. */
  calendars: readonly WorkCalendar[];
  calendarOf: Uint16Array; // a plan has a handful of calendars (one per territory at most)
  duration: Int32Array;
  /** The earliest start point each task may take: the project start, or its start-no-earlier-than if later. */
  earliestPoint: Int32Array;
  /** The task's stage index, −1 outside stages. */
  stageOf: Int32Array;
  /** The status date as a day number; null = the plan alone (progress ignored). */
  statusDay: number | null;
  /** NOT_STARTED, IN_PROGRESS or FINISHED as of the status date (all NOT_STARTED without one). */
  progressState: Uint8Array;
  /** Actual start and finish as day numbers, where the state has them (empty without a status date). */
  actualStartDay: Int32Array;
  actualFinishDay: Int32Array;
  /** In progress: the earliest finish point, (first working day after S or the actual start) + remaining work. */
  remainingFinishPoint: Int32Array;
  linkFrom: Int32Array;
  linkTo: Int32Array;
  /** LINK_TYPE_CODE of each link. */
  linkType: Uint8Array;
  linkLag: Int32Array;
  /** Links out of task i: successorLinks[successorStart[i] … successorStart[i + 1]), in input order. */
  successorStart: Int32Array;
  successorLinks: Int32Array;
  /** Links into task i, likewise. */
  predecessorStart: Int32Array;
  predecessorLinks: Int32Array;
  /** Tasks of stage k: stageMembers[stageMemberStart[k] … stageMemberStart[k + 1]), in input order. */
  stageMemberStart: Int32Array;
  stageMembers: Int32Array;
}

/**
 * The schedule of a compiled network, per task index: points in the task's own calendar and day
 * numbers (days since 1970-01-01, `formatIsoDate` turns one into "YYYY-MM-DD").
 */
export interface ScheduleArrays {
  /**
   * Early and late points in the task's own calendar. Without progress early finish = start +
   * duration and late start = late finish − duration; for a started task the span is measured
   * from its actual start.
   */
  earlyStart: Int32Array;
  earlyFinish: Int32Array;
  lateStart: Int32Array;
  lateFinish: Int32Array;
  /** The dates shown: start, finish, late start and late finish dates, as day numbers. */
  startDay: Int32Array;
  finishDay: Int32Array;
  lateStartDay: Int32Array;
  lateFinishDay: Int32Array;
  /** Late finish − early finish, in working days of the task's calendar; 0 for a finished task. */
  totalFloat: Int32Array;
  /** 1 when the task is critical: float ≤ 0 and not finished. */
  critical: Uint8Array;
  /** The latest finish date as a day number; null for an empty plan. */
  finishDayOfPlan: number | null;
  /** Indices of the critical tasks by early start, then early finish, then name. */
  criticalPath: Int32Array;
}

/** Resolves ids to indices and builds the arrays; refuses unknown tasks and stages, and repeated ids. */
export function compileNetwork(input: {
  projectStart: string;
  tasks: readonly ScheduleTaskInput[];
  links: readonly ScheduleLinkInput[];
  stageOrder?: readonly string[];
  /** The status date S: progress is read as of its end; null or absent = the plan alone. */
  statusDate?: string | null;
}): CompiledNetwork {
  const { tasks, links } = input;
  const n = tasks.length;
  const m = links.length;

  const stageIds = [...(input.stageOrder ?? [])];
  const stageIndex = new Map<string, number>();
  for (const stageId of stageIds) {
    if (stageIndex.has(stageId)) throw new Error(`Stage ${stageId} appears twice in the stage order`);
    stageIndex.set(stageId, stageIndex.size);
  }
  const projectStartDay = parseIsoDate(input.projectStart);
  const statusDay = input.statusDate ? parseIsoDate(input.statusDate) : null;

  // One pass over the task objects (each is read once: at 40k tasks, walking them again per
  // column cost more than the arrays it filled).
  const indexOf = new Map<string, number>();
  const taskIds: string[] = new Array(n);
  const taskNames: string[] = new Array(n);
  const duration = new Int32Array(n);
  const calendarOf = new Uint16Array(n);
  const calendars: WorkCalendar[] = [];
  /** Per calendar: the project start's point, and (with a status date) the first point after it. */
  const projectStartPoint: number[] = [];
  const firstPointAfterStatus: number[] = [];
  const earliestPoint = new Int32Array(n);
  const stageOf = new Int32Array(n);
  const stageMemberStart = new Int32Array(stageIds.length + 1);
  const progressState = new Uint8Array(n);
  // Read only for tasks started as of a status date: without one they stay empty.
  const progressSize = statusDay === null ? 0 : n;
  const actualStartDay = new Int32Array(progressSize);
  const actualFinishDay = new Int32Array(progressSize);
  const remainingFinishPoint = new Int32Array(progressSize);
  const snetDays = new Map<string, number>();
  let staged = 0;
  let lastCalendar: WorkCalendar | null = null;
  let c = -1;
  for (let i = 0; i < n; i++) {
    const task = tasks[i];
    indexOf.set(task.id, i);
    taskIds[i] = task.id;
    taskNames[i] = task.name;
    const d = (duration[i] = task.durationDays);
    const cal = task.calendar;
    if (cal !== lastCalendar) {
      lastCalendar = cal;
      c = calendars.indexOf(cal);
      if (c < 0) {
        c = calendars.push(cal) - 1;
        projectStartPoint.push(cal.startPointOfDay(projectStartDay));
        if (statusDay !== null) firstPointAfterStatus.push(cal.startPointOfDay(statusDay + 1));
      }
    }
    calendarOf[i] = c;

    const stageId = task.stageId;
    if (stageId === null || stageId === undefined) {
      stageOf[i] = -1;
    } else {
      const k = stageIndex.get(stageId);
      if (k === undefined) throw new Error(`Task ${task.id} names stage ${stageId}, which is not in the stage order`);
      stageOf[i] = k;
      stageMemberStart[k + 1]++;
      staged++;
    }

    let s = projectStartPoint[c];
    const snet = task.startNoEarlierThan;
    if (snet) {
      let day = snetDays.get(snet);
      if (day === undefined) snetDays.set(snet, (day = parseIsoDate(snet)));
      s = Math.max(s, cal.startPointOfDay(day));
    }
    earliestPoint[i] = s;

    if (statusDay === null) continue;
    const afterStatus = firstPointAfterStatus[c];
    const actualStart = task.actualStart;
    if (!actualStart) {
      // Not started: incomplete work is never scheduled in the past.
      if (afterStatus > s) earliestPoint[i] = afterStatus;
      continue;
    }
    actualStartDay[i] = parseIsoDate(actualStart);
    if (task.actualFinish) {
      progressState[i] = FINISHED;
      actualFinishDay[i] = parseIsoDate(task.actualFinish);
      continue;
    }
    progressState[i] = IN_PROGRESS;
    const remaining = d === 0 ? 0 : Math.max(1, Math.ceil((d * (100 - (task.percentComplete ?? 0))) / 100));
    // An actual start recorded after S (a status date in the past) still comes before the remaining work.
    remainingFinishPoint[i] = Math.max(afterStatus, cal.startPointOfDay(actualStartDay[i])) + remaining;
  }
  if (indexOf.size !== n) {
    const repeated = taskIds.find((id, i) => indexOf.get(id) !== i);
    throw new Error(`Task ${repeated} appears twice in the plan`);
  }
  for (let k = 0; k < stageIds.length; k++) stageMemberStart[k + 1] += stageMemberStart[k];
  const stageMembers = new Int32Array(staged);
  const memberFill = stageMemberStart.slice(0, stageIds.length);
  for (let i = 0; i < n; i++) if (stageOf[i] >= 0) stageMembers[memberFill[stageOf[i]]++] = i;

  const linkFrom = new Int32Array(m);
  const linkTo = new Int32Array(m);
  const linkType = new Uint8Array(m);
  const linkLag = new Int32Array(m);
  const successorStart = new Int32Array(n + 1);
  const predecessorStart = new Int32Array(n + 1);
  for (let l = 0; l < m; l++) {
    const link = links[l];
    const from = indexOf.get(link.predecessorId);
    const to = indexOf.get(link.successorId);
    if (from === undefined || to === undefined) throw new Error(`Link ${link.predecessorId} → ${link.successorId} names an unknown task`);
    linkFrom[l] = from;
    linkTo[l] = to;
    linkType[l] = LINK_TYPE_CODE[link.type];
    linkLag[l] = link.lagDays;
    successorStart[from + 1]++;
    predecessorStart[to + 1]++;
  }
  for (let i = 0; i < n; i++) {
    successorStart[i + 1] += successorStart[i];
    predecessorStart[i + 1] += predecessorStart[i];
  }
  const successorLinks = new Int32Array(m);
  const predecessorLinks = new Int32Array(m);
  const successorFill = successorStart.slice(0, n);
  const predecessorFill = predecessorStart.slice(0, n);
  for (let l = 0; l < m; l++) {
    successorLinks[successorFill[linkFrom[l]]++] = l;
    predecessorLinks[predecessorFill[linkTo[l]]++] = l;
  }

  return {
    taskIds, taskIndex: indexOf, taskNames, stageIds, calendars, calendarOf, duration, earliestPoint, stageOf,
    statusDay, progressState, actualStartDay, actualFinishDay, remainingFinishPoint,
    linkFrom, linkTo, linkType, linkLag, successorStart, successorLinks, predecessorStart, predecessorLinks,
    stageMemberStart, stageMembers,
  };
}

/**
 * Kahn's algorithm over tasks and stage finishes. Ties are released in input order (tasks, then
 * stages; a task's successors in link order, then its stage's finish; a stage finish's followers,
 * then the next stage's finish). Returns the order and each node's predecessors left unordered.
 */
function topologicalOrder(net: CompiledNetwork): { order: Int32Array; pending: Int32Array; ordered: number } {
  const n = net.taskIds.length;
  const stageCount = net.stageIds.length;
  const { stageOf, successorStart, successorLinks, predecessorStart, linkTo, stageMemberStart, stageMembers } = net;
  const pending = new Int32Array(n + stageCount);
  for (let i = 0; i < n; i++) pending[i] = predecessorStart[i + 1] - predecessorStart[i] + (stageOf[i] > 0 ? 1 : 0);
  for (let k = 0; k < stageCount; k++) pending[n + k] = stageMemberStart[k + 1] - stageMemberStart[k] + (k > 0 ? 1 : 0);
  const order = new Int32Array(n + stageCount);
  let tail = 0;
  for (let v = 0; v < n + stageCount; v++) if (pending[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    if (v < n) {
      for (let e = successorStart[v]; e < successorStart[v + 1]; e++) {
        const w = linkTo[successorLinks[e]];
        if (--pending[w] === 0) order[tail++] = w;
      }
      if (stageOf[v] >= 0 && --pending[n + stageOf[v]] === 0) order[tail++] = n + stageOf[v];
    } else {
      const next = v - n + 1;
      if (next < stageCount) {
        for (let e = stageMemberStart[next]; e < stageMemberStart[next + 1]; e++) {
          const w = stageMembers[e];
          if (--pending[w] === 0) order[tail++] = w;
        }
        if (--pending[n + next] === 0) order[tail++] = n + next;
      }
    }
  }
  return { order, pending, ordered: tail };
}

/** A cycle among the nodes Kahn's algorithm could not order, walking predecessors back from the first. */
function cycleError(net: CompiledNetwork, pending: Int32Array): DependencyCycleError {
  const n = net.taskIds.length;
  const stuck = (v: number) => pending[v] > 0;
  const firstStuckPredecessor = (v: number): number => {
    if (v < n) {
      for (let e = net.predecessorStart[v]; e < net.predecessorStart[v + 1]; e++) {
        const p = net.linkFrom[net.predecessorLinks[e]];
        if (stuck(p)) return p;
      }
      if (net.stageOf[v] > 0) return n + net.stageOf[v] - 1; // the previous stage's finish, the only other way in
      throw new Error('A task left out of the topological order has no predecessor left out');
    }
    const k = v - n;
    if (k > 0 && stuck(v - 1)) return v - 1;
    for (let e = net.stageMemberStart[k]; e < net.stageMemberStart[k + 1]; e++) if (stuck(net.stageMembers[e])) return net.stageMembers[e];
    throw new Error('A node left out of the topological order has no predecessor left out');
  };
  const seenAt = new Map<number, number>();
  const walk: number[] = [];
  let current = 0;
  while (!stuck(current)) current++;
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    current = firstStuckPredecessor(current);
  }
  const cycle = walk.slice(seenAt.get(current)).reverse();
  // Start at a task, so that a cycle without stages reads exactly as its links.
  const first = cycle.findIndex((v) => v < n);
  return new DependencyCycleError([...cycle.slice(first), ...cycle.slice(0, first)]
    .map((v) => (v < n ? { taskId: net.taskIds[v] } : { stageFinishOf: net.stageIds[v - n] })));
}

/**
 * The latest late finish of a task (in its calendar) such that the instant a link reads from it
 * (its start or finish) is no later than `latestInstant`: the forward constraint inverted exactly.
 * `d` is its duration (a 0-day task's finish is the start of its finish date), `span` the points
 * from its start to its finish (= d, but for a task in progress).
 */
function latestFinishFor(cal: WorkCalendar, d: number, span: number, readFinish: boolean, latestInstant: number): number {
  const points = cal.startPointOfDay(latestInstant + 1); // working days on or before latestInstant
  if (readFinish) {
    // d ≥ 1: finish instant = day(lf − 1) + 1 ≤ t  ⇔  lf ≤ startPoint(t). d = 0: day(lf) ≤ t.
    return d === 0 ? points - 1 : cal.startPointOfDay(latestInstant);
  }
  // Start instant = day(lf − span) ≤ t  ⇔  lf − span ≤ endPoint(t) − 1.
  return points - 1 + span;
}

/**
 * The lower-level entry point: schedules a compiled network into typed arrays, exactly as
 * `scheduleNetwork` (which is this plus ids and date strings). For callers that keep their own
 * arrays or want dates as day numbers; throws DependencyCycleError, and RangeError when the plan
 * runs outside the years the calendars cover.
 */
export function scheduleCompiled(net: CompiledNetwork): ScheduleArrays {
  const n = net.taskIds.length;
  const stageCount = net.stageIds.length;
  const { calendars, calendarOf, duration, earliestPoint, stageOf, linkFrom, linkTo, linkType, linkLag } = net;
  const { successorStart, successorLinks, predecessorStart, predecessorLinks } = net;
  const { progressState, actualStartDay, actualFinishDay, remainingFinishPoint } = net;
  const { order, pending, ordered } = topologicalOrder(net);
  if (ordered !== n + stageCount) throw cycleError(net, pending);

  // Forward: a stage's finish is pushed up by each of its tasks as they are placed, then carried on.
  const earlyStart = new Int32Array(n);
  const earlyFinish = new Int32Array(n);
  const startDay = new Int32Array(n);
  /** The finish instant: the day after the finish date when d ≥ 1, the start of the finish date when d = 0. */
  const finishInstant = new Int32Array(n);
  const stageFinish = new Float64Array(stageCount).fill(-Infinity);
  for (let q = 0; q < ordered; q++) {
    const v = order[q];
    if (v >= n) {
      const k = v - n;
      if (k + 1 < stageCount && stageFinish[k] > stageFinish[k + 1]) stageFinish[k + 1] = stageFinish[k];
      continue;
    }
    const c = calendarOf[v];
    const cal = calendars[c];
    const d = duration[v];
    const k = stageOf[v];
    const state = progressState[v];
    if (state === FINISHED) {
      // Pinned to the actual dates, whatever its predecessors say.
      startDay[v] = actualStartDay[v];
      finishInstant[v] = d === 0 ? actualFinishDay[v] : actualFinishDay[v] + 1;
      earlyStart[v] = cal.startPointOfDay(startDay[v]);
      earlyFinish[v] = cal.startPointOfDay(finishInstant[v]);
    } else if (state === IN_PROGRESS) {
      // The start is a fact; only FF and SF predecessors still bear on the finish.
      let f = remainingFinishPoint[v];
      for (let e = predecessorStart[v]; e < predecessorStart[v + 1]; e++) {
        const l = predecessorLinks[e];
        const type = linkType[l];
        if (!constrainsFinishCode(type)) continue;
        const p = linkFrom[l];
        const point = calendarOf[p] === c
          ? (readsFinishCode(type) ? earlyFinish[p] : earlyStart[p])
          : cal.startPointOfDay(readsFinishCode(type) ? finishInstant[p] : startDay[p]);
        if (point + linkLag[l] > f) f = point + linkLag[l];
      }
      startDay[v] = actualStartDay[v];
      earlyStart[v] = cal.startPointOfDay(startDay[v]);
      earlyFinish[v] = f;
      finishInstant[v] = d === 0 ? cal.dayOfWorkingDay(f) : cal.dayOfWorkingDay(f - 1) + 1;
    } else {
      let s = earliestPoint[v];
      // FS lag 0 from the previous stage's finish, once some task has set it.
      if (k > 0 && stageFinish[k - 1] !== -Infinity) s = Math.max(s, cal.startPointOfDay(stageFinish[k - 1]));
      for (let e = predecessorStart[v]; e < predecessorStart[v + 1]; e++) {
        const l = predecessorLinks[e];
        const p = linkFrom[l];
        const type = linkType[l];
        const point = calendarOf[p] === c
          ? (readsFinishCode(type) ? earlyFinish[p] : earlyStart[p])
          : cal.startPointOfDay(readsFinishCode(type) ? finishInstant[p] : startDay[p]);
        const bound = constrainsFinishCode(type) ? point + linkLag[l] - d : point + linkLag[l];
        if (bound > s) s = bound;
      }
      earlyStart[v] = s;
      earlyFinish[v] = s + d;
      startDay[v] = cal.dayOfWorkingDay(s);
      finishInstant[v] = d === 0 ? startDay[v] : cal.dayOfWorkingDay(s + d - 1) + 1;
    }
    if (k >= 0 && finishInstant[v] > stageFinish[k]) stageFinish[k] = finishInstant[v];
  }

  let projectFinish = -Infinity;
  for (let i = 0; i < n; i++) if (finishInstant[i] > projectFinish) projectFinish = finishInstant[i];
  // The project's finish instant as a point of each calendar (its end-of-day reading): the latest
  // point any task may finish at, whatever its duration.
  const latestPoint = n ? calendars.map((cal) => cal.startPointOfDay(projectFinish)) : [];
  const workingDayCount = calendars.map((cal) => cal.workingDayCount);

  // Backward: a stage's latest finish is pulled down by each later task's late start, then carried
  // back. It reads exactly the constraints the forward pass applied (see "Progress" above).
  const lateStart = new Int32Array(n);
  const lateFinish = new Int32Array(n);
  const lateStartDay = new Int32Array(n);
  const lateFinishDay = new Int32Array(n);
  const stageLatest = new Float64Array(stageCount).fill(Infinity);
  for (let q = ordered - 1; q >= 0; q--) {
    const v = order[q];
    if (v >= n) {
      const k = v - n;
      if (k > 0 && stageLatest[k] < stageLatest[k - 1]) stageLatest[k - 1] = stageLatest[k];
      continue;
    }
    const c = calendarOf[v];
    const cal = calendars[c];
    const d = duration[v];
    const k = stageOf[v];
    const state = progressState[v];
    if (state === FINISHED) {
      lateStart[v] = earlyStart[v];
      lateFinish[v] = earlyFinish[v];
      lateStartDay[v] = startDay[v];
      lateFinishDay[v] = actualFinishDay[v];
      continue;
    }
    const span = earlyFinish[v] - earlyStart[v];
    let f = latestPoint[c];
    // FS lag 0 read backwards: finish no later than the latest instant the next stage allows.
    if (k >= 0 && stageLatest[k] !== Infinity) f = Math.min(f, latestFinishFor(cal, d, span, true, stageLatest[k]));
    for (let e = successorStart[v]; e < successorStart[v + 1]; e++) {
      const l = successorLinks[e];
      const w = linkTo[l];
      const type = linkType[l];
      const successorState = progressState[w];
      // A finished successor, the start of one in progress, and the actual start of this task are facts.
      if (successorState === FINISHED) continue;
      if (successorState === IN_PROGRESS && !constrainsFinishCode(type)) continue;
      if (state === IN_PROGRESS && !readsFinishCode(type)) continue;
      // The successor's point it may not pass, minus the lag.
      const bound = (constrainsFinishCode(type) ? lateFinish[w] : lateStart[w]) - linkLag[l];
      let latest: number;
      if (calendarOf[w] === c) {
        // Outside the calendar the general path fails converting it; fail the same way.
        if (bound < 0 || bound >= workingDayCount[c]) cal.dayOfWorkingDay(bound);
        latest = readsFinishCode(type) ? bound : bound + span;
      } else {
        latest = latestFinishFor(cal, d, span, readsFinishCode(type), calendars[calendarOf[w]].dayOfWorkingDay(bound));
      }
      if (latest < f) f = latest;
    }
    lateFinish[v] = f;
    lateStart[v] = f - span;
    // A task in progress with no float shows its actual start as its late start, even on a rest day.
    lateStartDay[v] = state === IN_PROGRESS && f === earlyFinish[v] ? startDay[v] : cal.dayOfWorkingDay(f - span);
    lateFinishDay[v] = d === 0 ? (state === IN_PROGRESS ? cal.dayOfWorkingDay(f) : lateStartDay[v]) : cal.dayOfWorkingDay(f - 1);
    if (k > 0 && state === NOT_STARTED && lateStartDay[v] < stageLatest[k - 1]) stageLatest[k - 1] = lateStartDay[v];
  }

  // The finish instants become the finish dates in place (one array fewer to fill and carry).
  const finishDay = finishInstant;
  const totalFloat = new Int32Array(n);
  const critical = new Uint8Array(n);
  let finishDayOfPlan = -Infinity;
  let criticalCount = 0;
  for (let i = 0; i < n; i++) {
    const d = duration[i];
    finishDay[i] = progressState[i] === FINISHED ? actualFinishDay[i] : d === 0 ? finishInstant[i] : finishInstant[i] - 1;
    if (finishDay[i] > finishDayOfPlan) finishDayOfPlan = finishDay[i];
    totalFloat[i] = lateFinish[i] - earlyFinish[i];
    if (totalFloat[i] <= 0 && progressState[i] !== FINISHED) {
      critical[i] = 1;
      criticalCount++;
    }
  }

  // ISO dates between 1900 and 2199 sort as their day numbers do.
  const criticalPath = new Int32Array(criticalCount);
  for (let i = 0, at = 0; i < n; i++) if (critical[i]) criticalPath[at++] = i;
  const names = net.taskNames;
  // A stable sort of indices in input order, as the object engine's sort of tasks was.
  const sorted = Array.from(criticalPath).sort((a, b) => startDay[a] - startDay[b] || finishDay[a] - finishDay[b] || compare(names[a], names[b]));
  criticalPath.set(sorted);

  return {
    earlyStart, earlyFinish, lateStart, lateFinish, startDay, finishDay, lateStartDay, lateFinishDay, totalFloat, critical,
    finishDayOfPlan: n ? finishDayOfPlan : null, criticalPath,
  };
}

/**
 * Schedules a network exactly as SCHEDULING.md defines: a forward pass for early dates, a backward
 * pass for late dates, total float and the critical path, each task on its own calendar, stages in
 * the sequence `stageOrder` gives. One topological order, each link visited once per pass, one
 * extra node per stage: linear in tasks + links + stages. `compileNetwork` + `scheduleCompiled`,
 * with ids and date strings.
 */
export function scheduleNetwork(input: {
  projectStart: string;
  tasks: ScheduleTaskInput[];
  links: ScheduleLinkInput[];
  /** Stage ids, earliest first: each stage's tasks start no earlier than the finish of the stage before. */
  stageOrder?: readonly string[];
  /** The status date: task progress is read as of its end (REPORTING.md); null or absent = the plan alone. */
  statusDate?: string | null;
}): ScheduleResult {
  const net = compileNetwork(input);
  const arrays = scheduleCompiled(net);
  return {
    tasks: new ScheduledTasks(net, arrays),
    finishDate: arrays.finishDayOfPlan === null ? null : formatIsoDate(arrays.finishDayOfPlan),
    criticalPath: Array.from(arrays.criticalPath, (i) => net.taskIds[i]),
  };
}

/**
 * Whether adding `newLink` would close a cycle: the ids around it in link order, starting at the
 * new link's successor and ending at its predecessor (existing A→B, B→C plus C→A gives [A, B, C]);
 * null when the link is safe.
 */
export function findCycleIfLinked(
  taskIds: readonly string[],
  links: readonly { predecessorId: string; successorId: string }[],
  newLink: { predecessorId: string; successorId: string },
): string[] | null {
  if (newLink.predecessorId === newLink.successorId) return [newLink.predecessorId];
  const successors = new Map<string, string[]>(taskIds.map((id) => [id, []]));
  for (const link of links) {
    if (!successors.has(link.predecessorId)) successors.set(link.predecessorId, []);
    successors.get(link.predecessorId)!.push(link.successorId);
  }
  const parent = new Map<string, string | null>([[newLink.successorId, null]]);
  const queue = [newLink.successorId];
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i];
    if (current === newLink.predecessorId) {
      const path: string[] = [];
      for (let at: string | null = current; at !== null; at = parent.get(at)!) path.push(at);
      return path.reverse();
    }
    for (const next of successors.get(current) ?? []) {
      if (!parent.has(next)) {
        parent.set(next, current);
        queue.push(next);
      }
    }
  }
  return null;
}
