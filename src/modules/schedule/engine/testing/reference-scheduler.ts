/*
 * The engine as it was before it moved to typed arrays (an object per task, references between
 * them), kept unchanged as the oracle of scheduler.equivalence.spec.ts: the typed-array engine must
 * give exactly its dates, floats, critical path and refusals. Not used outside tests.
 */
import { formatIsoDate, parseIsoDate } from '../../../calendar/iso-date';
import type { WorkCalendar } from '../../../calendar/work-calendar';

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface ScheduleTaskInput {
  id: string;
  name: string;
  durationDays: number;
  startNoEarlierThan?: string | null;
  calendar: WorkCalendar;
  /** The stage the task belongs to (one of `stageOrder`); null or absent for work outside stages. */
  stageId?: string | null;
}

export interface ScheduleLinkInput {
  predecessorId: string;
  successorId: string;
  type: LinkType;
  lagDays: number;
}

export interface ScheduledTask {
  start: string;
  finish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatDays: number;
  critical: boolean;
  /** Early start and finish points in the task's own calendar. */
  startPoint: number;
  finishPoint: number;
}

export interface ScheduleResult {
  tasks: Map<string, ScheduledTask>;
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
 * Instants are kept as day numbers meaning "the start of that day": the end of day D is the
 * start of day D + 1. An instant t becomes a point of calendar C as C.startPointOfDay(t), which is
 * startPoint_C for a start-of-day instant and endPoint_C for an end-of-day one (SCHEDULING.md).
 */

interface TaskNode {
  task: ScheduleTaskInput;
  stageId: null;
  d: number;
  cal: WorkCalendar;
  es: number;
  lf: number;
  /** The finish of the task's stage, which it feeds, and the previous stage's finish, which it waits for. */
  feeds: StageNode | null;
  waitsFor: StageNode | null;
  /** Predecessors not yet ordered (Kahn's algorithm). */
  pending: number;
  successors: Edge[];
  predecessors: Edge[];
}

/**
 * The finish of a stage ("Stages run in sequence"): its tasks and the previous stage's finish lead
 * into it, the next stage's tasks follow it as FS lag 0. One node per stage keeps the implicit
 * constraints linear (tasks of stage k → node k → tasks of stage k + 1) instead of n² links, and
 * chaining node k − 1 → node k carries a finish back through stages without tasks. Its edges are
 * plain references (`feeds`, `waitsFor`, `followers`, `next`), cheaper than link edges.
 */
interface StageNode {
  task: null;
  stageId: string;
  /** The stage's finish instant (the latest of its tasks and of the stage before); −∞ before any task. */
  at: number;
  /** The latest instant it may finish at so that every later task keeps its late start; +∞ when none follows. */
  lateAt: number;
  previous: StageNode | null;
  next: StageNode | null;
  /** The next stage's tasks, which wait for this finish. */
  followers: TaskNode[];
  /** This stage's tasks plus the previous stage's finish, not yet ordered. */
  pending: number;
}

type Node = TaskNode | StageNode;

/** A link resolved to its two tasks once, so the passes follow references, not id look-ups. */
interface Edge {
  link: ScheduleLinkInput;
  from: TaskNode;
  to: TaskNode;
}

const startInstant = (n: TaskNode, s: number): number => n.cal.dayOfWorkingDay(s);
const finishInstant = (n: TaskNode, s: number): number => (n.d === 0 ? n.cal.dayOfWorkingDay(s) : n.cal.dayOfWorkingDay(s + n.d - 1) + 1);

/** Whether the link constrains the successor's finish (FF, SF) rather than its start (FS, SS). */
const constrainsFinish = (type: LinkType): boolean => type === 'FF' || type === 'SF';
/** Whether the link reads the predecessor's finish (FS, FF) rather than its start (SS, SF). */
const readsFinish = (type: LinkType): boolean => type === 'FS' || type === 'FF';

/**
 * The latest late finish of a task (in its calendar) such that the instant the link reads from it
 * (its start or finish) is no later than `latestInstant`: the forward constraint inverted exactly.
 */
function latestFinishFor(n: TaskNode, readFinish: boolean, latestInstant: number): number {
  const points = n.cal.startPointOfDay(latestInstant + 1); // working days on or before latestInstant
  if (readFinish) {
    // d ≥ 1: finish instant = day(lf − 1) + 1 ≤ t  ⇔  lf ≤ startPoint(t). d = 0: day(lf) ≤ t.
    return n.d === 0 ? points - 1 : n.cal.startPointOfDay(latestInstant);
  }
  // Start instant = day(lf − d) ≤ t  ⇔  lf − d ≤ endPoint(t) − 1.
  return points - 1 + n.d;
}

/** Kahn's algorithm over tasks and stage finishes; `pending` counts each node's predecessors. */
function topologicalOrder(tasks: TaskNode[], stages: StageNode[]): Node[] {
  const order: Node[] = [];
  for (const node of tasks) if (node.pending === 0) order.push(node);
  for (const node of stages) if (node.pending === 0) order.push(node);
  const release = (node: Node) => {
    if (--node.pending === 0) order.push(node);
  };
  for (let i = 0; i < order.length; i++) {
    const node = order[i];
    if (node.task === null) {
      for (const follower of node.followers) release(follower);
      if (node.next) release(node.next);
    } else {
      for (const edge of node.successors) release(edge.to);
      if (node.feeds) release(node.feeds);
    }
  }
  if (order.length !== tasks.length + stages.length) {
    const cycle = findCycleAmong([...tasks, ...stages].filter((n) => n.pending > 0), tasks);
    // Start at a task, so that a cycle without stages reads exactly as its links.
    const first = cycle.findIndex((n) => n.task !== null);
    throw new DependencyCycleError([...cycle.slice(first), ...cycle.slice(0, first)]
      .map((n) => (n.task !== null ? { taskId: n.task.id } : { stageFinishOf: n.stageId })));
  }
  return order;
}

/** A cycle among nodes that Kahn's algorithm could not order, walking predecessors back. */
function findCycleAmong(stuck: Node[], tasks: TaskNode[]): Node[] {
  const inStuck = new Set(stuck);
  const membersOf = new Map<StageNode, TaskNode[]>();
  for (const t of tasks) if (t.feeds && inStuck.has(t)) membersOf.set(t.feeds, [...(membersOf.get(t.feeds) ?? []), t]);
  const predecessorsOf = (n: Node): Node[] => (n.task === null
    ? [...(n.previous ? [n.previous] : []), ...(membersOf.get(n) ?? [])]
    : [...n.predecessors.map((e) => e.from), ...(n.waitsFor ? [n.waitsFor] : [])]);
  const seenAt = new Map<Node, number>();
  const walk: Node[] = [];
  let current = stuck[0];
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    current = predecessorsOf(current).find((p) => inStuck.has(p))!;
  }
  return walk.slice(seenAt.get(current)).reverse();
}

/**
 * Schedules a network exactly as SCHEDULING.md defines: a forward pass for early dates, a backward
 * pass for late dates, total float and the critical path, each task on its own calendar, stages in
 * the sequence `stageOrder` gives. One topological order, each link visited once per pass, one
 * virtual node per stage: linear in tasks + links + stages.
 */
export function scheduleNetwork(input: {
  projectStart: string;
  tasks: ScheduleTaskInput[];
  links: ScheduleLinkInput[];
  /** Stage ids, earliest first: each stage's tasks start no earlier than the finish of the stage before. */
  stageOrder?: readonly string[];
}): ScheduleResult {
  const taskNodes = new Map<string, TaskNode>();
  for (const task of input.tasks) {
    taskNodes.set(task.id, {
      task, stageId: null, d: task.durationDays, cal: task.calendar, es: 0, lf: 0, feeds: null, waitsFor: null, pending: 0, successors: [], predecessors: [],
    });
  }
  for (const link of input.links) {
    const from = taskNodes.get(link.predecessorId);
    const to = taskNodes.get(link.successorId);
    if (!from || !to) throw new Error(`Link ${link.predecessorId} → ${link.successorId} names an unknown task`);
    const edge = { link, from, to };
    from.successors.push(edge);
    to.predecessors.push(edge);
    to.pending++;
  }

  const stageNodes = new Map<string, StageNode>();
  const stages: StageNode[] = [];
  let previous: StageNode | null = null;
  for (const stageId of input.stageOrder ?? []) {
    if (stageNodes.has(stageId)) throw new Error(`Stage ${stageId} appears twice in the stage order`);
    const finish: StageNode = { task: null, stageId, at: -Infinity, lateAt: Infinity, previous, next: null, followers: [], pending: previous ? 1 : 0 };
    if (previous) previous.next = finish;
    stageNodes.set(stageId, finish);
    stages.push(finish);
    previous = finish;
  }
  for (const node of taskNodes.values()) {
    const stageId = node.task.stageId;
    if (stageId === null || stageId === undefined) continue;
    const stage = stageNodes.get(stageId);
    if (!stage) throw new Error(`Task ${node.task.id} names stage ${stageId}, which is not in the stage order`);
    node.feeds = stage;
    stage.pending++;
    if (stage.previous) {
      node.waitsFor = stage.previous;
      stage.previous.followers.push(node);
      node.pending++;
    }
  }

  const order = topologicalOrder([...taskNodes.values()], stages);
  const projectStartDay = parseIsoDate(input.projectStart);

  // Forward: a stage's finish is pushed up by each of its tasks as they are placed, then carried on.
  for (const node of order) {
    if (node.task === null) {
      if (node.next) node.next.at = Math.max(node.next.at, node.at);
      continue;
    }
    const cal = node.cal;
    let s = cal.startPointOfDay(projectStartDay);
    if (node.task.startNoEarlierThan) s = Math.max(s, cal.startPointOfDay(parseIsoDate(node.task.startNoEarlierThan)));
    // FS lag 0 from the previous stage's finish, once some task has set it.
    if (node.waitsFor && node.waitsFor.at !== -Infinity) s = Math.max(s, cal.startPointOfDay(node.waitsFor.at));
    for (const { link, from: p } of node.predecessors) {
      const instant = readsFinish(link.type) ? finishInstant(p, p.es) : startInstant(p, p.es);
      const bound = cal.startPointOfDay(instant) + link.lagDays;
      s = Math.max(s, constrainsFinish(link.type) ? bound - node.d : bound);
    }
    node.es = s;
    if (node.feeds) node.feeds.at = Math.max(node.feeds.at, finishInstant(node, s));
  }

  let projectFinish = -Infinity;
  for (const node of taskNodes.values()) projectFinish = Math.max(projectFinish, finishInstant(node, node.es));

  // Backward: a stage's latest finish is pulled down by each later task's late start, then carried back.
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    if (node.task === null) {
      if (node.previous) node.previous.lateAt = Math.min(node.previous.lateAt, node.lateAt);
      continue;
    }
    // The project's finish instant as a point of this task's calendar (its end-of-day reading):
    // the latest point any task may finish at, whatever its duration.
    let lf = node.cal.startPointOfDay(projectFinish);
    // FS lag 0 read backwards: finish no later than the latest instant the next stage allows.
    if (node.feeds && node.feeds.lateAt !== Infinity) lf = Math.min(lf, latestFinishFor(node, true, node.feeds.lateAt));
    for (const { link, to: s } of node.successors) {
      const sLateStart = s.lf - s.d;
      // The successor's point it may not pass, minus the lag, as the latest instant in its calendar.
      const bound = (constrainsFinish(link.type) ? s.lf : sLateStart) - link.lagDays;
      const latestInstant = s.cal.dayOfWorkingDay(bound);
      lf = Math.min(lf, latestFinishFor(node, readsFinish(link.type), latestInstant));
    }
    node.lf = lf;
    if (node.waitsFor) node.waitsFor.lateAt = Math.min(node.waitsFor.lateAt, node.cal.dayOfWorkingDay(lf - node.d));
  }

  const tasks = new Map<string, ScheduledTask>();
  let finishDay = -Infinity;
  for (const node of taskNodes.values()) {
    const { cal, d, es, lf } = node;
    const ls = lf - d;
    const finishDate = d === 0 ? cal.dayOfWorkingDay(es) : cal.dayOfWorkingDay(es + d - 1);
    finishDay = Math.max(finishDay, finishDate);
    const totalFloatDays = ls - es;
    tasks.set(node.task.id, {
      start: formatIsoDate(cal.dayOfWorkingDay(es)),
      finish: formatIsoDate(finishDate),
      lateStart: formatIsoDate(cal.dayOfWorkingDay(ls)),
      lateFinish: formatIsoDate(d === 0 ? cal.dayOfWorkingDay(ls) : cal.dayOfWorkingDay(lf - 1)),
      totalFloatDays,
      critical: totalFloatDays <= 0,
      startPoint: es,
      finishPoint: es + d,
    });
  }

  const criticalPath = input.tasks
    .filter((t) => tasks.get(t.id)!.critical)
    .map((t) => ({ id: t.id, name: t.name, ...tasks.get(t.id)! }))
    .sort((a, b) => compare(a.start, b.start) || compare(a.finish, b.finish) || compare(a.name, b.name))
    .map((t) => t.id);

  return { tasks, finishDate: taskNodes.size ? formatIsoDate(finishDay) : null, criticalPath };
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
