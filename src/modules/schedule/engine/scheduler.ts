import { formatIsoDate, parseIsoDate } from '../../calendar/iso-date';
import type { WorkCalendar } from '../../calendar/work-calendar';

export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

export interface ScheduleTaskInput {
  id: string;
  name: string;
  durationDays: number;
  startNoEarlierThan?: string | null;
  calendar: WorkCalendar;
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

/** Links that would make the plan circular; `cycle` lists the task ids around it in link order. */
export class DependencyCycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`The dependencies form a cycle: ${cycle.join(' → ')}`);
    this.name = 'DependencyCycleError';
  }
}

/*
 * Instants are kept as day numbers meaning "the start of that day": the end of day D is the
 * start of day D + 1. An instant t becomes a point of calendar C as C.startPointOfDay(t), which is
 * startPoint_C for a start-of-day instant and endPoint_C for an end-of-day one (SCHEDULING.md).
 */

interface Node {
  task: ScheduleTaskInput;
  d: number;
  cal: WorkCalendar;
  es: number;
  lf: number;
  /** Predecessors not yet ordered (Kahn's algorithm). */
  pending: number;
  successors: Edge[];
  predecessors: Edge[];
}

/** A link resolved to its two tasks once, so the passes follow references, not id look-ups. */
interface Edge {
  link: ScheduleLinkInput;
  from: Node;
  to: Node;
}

const startInstant = (n: Node, s: number): number => n.cal.dayOfWorkingDay(s);
const finishInstant = (n: Node, s: number): number => (n.d === 0 ? n.cal.dayOfWorkingDay(s) : n.cal.dayOfWorkingDay(s + n.d - 1) + 1);

/** Whether the link constrains the successor's finish (FF, SF) rather than its start (FS, SS). */
const constrainsFinish = (type: LinkType): boolean => type === 'FF' || type === 'SF';
/** Whether the link reads the predecessor's finish (FS, FF) rather than its start (SS, SF). */
const readsFinish = (type: LinkType): boolean => type === 'FS' || type === 'FF';

/**
 * The latest late finish of a task (in its calendar) such that the instant the link reads from it
 * (its start or finish) is no later than `latestInstant`: the forward constraint inverted exactly.
 */
function latestFinishFor(n: Node, readFinish: boolean, latestInstant: number): number {
  const points = n.cal.startPointOfDay(latestInstant + 1); // working days on or before latestInstant
  if (readFinish) {
    // d ≥ 1: finish instant = day(lf − 1) + 1 ≤ t  ⇔  lf ≤ startPoint(t). d = 0: day(lf) ≤ t.
    return n.d === 0 ? points - 1 : n.cal.startPointOfDay(latestInstant);
  }
  // Start instant = day(lf − d) ≤ t  ⇔  lf − d ≤ endPoint(t) − 1.
  return points - 1 + n.d;
}

function topologicalOrder(nodes: Map<string, Node>): Node[] {
  const order: Node[] = [];
  for (const node of nodes.values()) {
    node.pending = node.predecessors.length;
    if (node.pending === 0) order.push(node);
  }
  for (let i = 0; i < order.length; i++) {
    for (const edge of order[i].successors) {
      if (--edge.to.pending === 0) order.push(edge.to);
    }
  }
  if (order.length !== nodes.size) {
    const stuck = [...nodes.values()].filter((n) => n.pending > 0).map((n) => n.task.id);
    throw new DependencyCycleError(findCycleAmong(stuck, nodes));
  }
  return order;
}

/** A cycle among tasks that Kahn's algorithm could not order, walking predecessors back. */
function findCycleAmong(stuck: string[], nodes: Map<string, Node>): string[] {
  const inStuck = new Set(stuck);
  const seenAt = new Map<string, number>();
  const walk: string[] = [];
  let current = stuck[0];
  while (!seenAt.has(current)) {
    seenAt.set(current, walk.length);
    walk.push(current);
    current = nodes.get(current)!.predecessors.find((e) => inStuck.has(e.from.task.id))!.from.task.id;
  }
  return walk.slice(seenAt.get(current)).reverse();
}

/**
 * Schedules a network exactly as SCHEDULING.md defines: a forward pass for early dates, a backward
 * pass for late dates, total float and the critical path, each task on its own calendar. One
 * topological order, each link visited once per pass: linear in tasks + links.
 */
export function scheduleNetwork(input: { projectStart: string; tasks: ScheduleTaskInput[]; links: ScheduleLinkInput[] }): ScheduleResult {
  const nodes = new Map<string, Node>();
  for (const task of input.tasks) {
    nodes.set(task.id, { task, d: task.durationDays, cal: task.calendar, es: 0, lf: 0, pending: 0, successors: [], predecessors: [] });
  }
  for (const link of input.links) {
    const from = nodes.get(link.predecessorId);
    const to = nodes.get(link.successorId);
    if (!from || !to) throw new Error(`Link ${link.predecessorId} → ${link.successorId} names an unknown task`);
    const edge = { link, from, to };
    from.successors.push(edge);
    to.predecessors.push(edge);
  }
  const order = topologicalOrder(nodes);
  const projectStartDay = parseIsoDate(input.projectStart);

  for (const node of order) {
    const cal = node.cal;
    let s = cal.startPointOfDay(projectStartDay);
    if (node.task.startNoEarlierThan) s = Math.max(s, cal.startPointOfDay(parseIsoDate(node.task.startNoEarlierThan)));
    for (const { link, from: p } of node.predecessors) {
      const instant = readsFinish(link.type) ? finishInstant(p, p.es) : startInstant(p, p.es);
      const bound = cal.startPointOfDay(instant) + link.lagDays;
      s = Math.max(s, constrainsFinish(link.type) ? bound - node.d : bound);
    }
    node.es = s;
  }

  let projectFinish = -Infinity;
  for (const node of order) projectFinish = Math.max(projectFinish, finishInstant(node, node.es));

  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    // The project's finish instant as a point of this task's calendar (its end-of-day reading):
    // the latest point any task may finish at, whatever its duration.
    let lf = node.cal.startPointOfDay(projectFinish);
    for (const { link, to: s } of node.successors) {
      const sLateStart = s.lf - s.d;
      // The successor's point it may not pass, minus the lag, as the latest instant in its calendar.
      const bound = (constrainsFinish(link.type) ? s.lf : sLateStart) - link.lagDays;
      const latestInstant = s.cal.dayOfWorkingDay(bound);
      lf = Math.min(lf, latestFinishFor(node, readsFinish(link.type), latestInstant));
    }
    node.lf = lf;
  }

  const tasks = new Map<string, ScheduledTask>();
  let finishDay = -Infinity;
  for (const node of order) {
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

  return { tasks, finishDate: order.length ? formatIsoDate(finishDay) : null, criticalPath };
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
