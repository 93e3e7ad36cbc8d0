import type { WorkCalendar } from '../../calendar/work-calendar';
import { compareInDateOrder, isInDateOrder } from '../../schedule/engine/date-order';
import { varianceDays } from '../../schedule/engine/rollups';
import { MilestonePhase } from '../../schedule/schedule.enums';

/** What the plan rows are built from (PlanData without the database). */
export interface PlanInput {
  calendar: WorkCalendar;
  stages: { id: string; name: string; sequence: number }[];
  milestones: { id: string; name: string; functionAreaId: string | null; territoryId: string | null }[];
  /** With their computed dates; best in date order (`inDateOrder`), else sorted here. */
  tasks: PlanTask[];
  links: { predecessorId: string; successorId: string; type: string; lagDays: number }[];
  areaNames: Map<string, string>;
  territoryNames: Map<string, string>;
  /** The latest baseline's entries: a task's or a milestone's dates (those no longer in the plan are left out). */
  baselineEntries: readonly { taskId: string | null; milestoneId: string | null; start: string | null; finish: string | null }[];
  /** Texts for the groups that are no stage: milestones outside stages, work outside both. */
  groupNames: { rollout: string; other: string };
  dayUnit: string;
}

export interface PlanTask {
  id: string;
  name: string;
  stageId: string | null;
  milestoneId: string | null;
  milestonePhase: string | null;
  durationDays: number;
  start: string;
  finish: string;
  totalFloatDays: number;
  critical: boolean;
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
}

export type RowKind = 'stage' | 'milestone' | 'task';

/** One line of the Plan sheet. */
export interface PlanRow {
  kind: RowKind;
  /** Excel outline level: the depth in the WBS (stage 1, milestone 2, a milestone's task 3, a stage's own task 2). */
  level: number;
  wbs: string;
  name: string;
  area: string | null;
  territory: string | null;
  durationDays: number;
  start: string;
  finish: string;
  baselineStart: string | null;
  baselineFinish: string | null;
  /** Finish against the baseline finish in working days; positive = later. */
  varianceDays: number | null;
  totalFloatDays: number | null;
  critical: boolean;
  predecessors: string;
  /** 0–100. */
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
  /** A go-live drawn as ◆ (a milestone row, a launch task, a zero-length task). */
  goLive: string | null;
  done: boolean;
}

/** A summary row: a stage (or a group of milestones or of other work), or a milestone. */
interface Summary {
  kind: 'stage' | 'milestone';
  name: string;
  milestoneId?: string;
  /** A task by its index in `PlanInput.tasks`, or a summary under this one. */
  children: (number | Summary)[];
}

/** The line a baseline gives a task or milestone. */
type BaselineDates = { start: string | null; finish: string | null };

/**
 * The plan as a WBS: stages in sequence, each with its own tasks and the milestones whose work
 * starts in it (a milestone's tasks carry no stage unless someone set one: it sits under the
 * stage of its first staged task); milestones outside any stage under a "rollout" group, work
 * outside both under an "other work" group. Tasks in the order they run; milestones by go-live.
 */
export function buildPlanRows(plan: PlanInput): PlanRow[] {
  return Array.from(planRows(plan).rows, (row) => ({ ...row }));
}

/** What `planRows` hands the sheet. */
export interface PlanRows {
  count: number;
  rows: Iterable<PlanRow>;
  /** The earliest start and latest finish the baseline gives the tasks and milestones still in the plan. */
  baselineSpan: { start: string | null; finish: string | null };
}

/**
 * The plan's rows one at a time, as the sheet is written, and how many there will be (the
 * autofilter's range is written before the rows). A task's row is one object filled again for
 * each task: it holds until the next row is asked for (`buildPlanRows` copies them). A 20,000-task
 * export made 20,000 row objects that lived through the whole export, and collecting them cost
 * more than making them. Tasks are looked up by id once, then by their index in arrays: lookups by
 * id in maps of 20,000 entries were most of the time spent here.
 */
export function planRows(plan: PlanInput): PlanRows {
  // Rows share a few hundred dates: each date's working-day number is looked up once.
  const points = new Map<string, number>();
  const calendar = Object.create(plan.calendar) as WorkCalendar;
  calendar.startPoint = (date: string) => {
    let point = points.get(date);
    if (point === undefined) points.set(date, (point = plan.calendar.startPoint(date)));
    return point;
  };
  const input: PlanInput = { ...plan, calendar };
  const { tasks } = input;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < tasks.length; i++) indexOf.set(tasks[i].id, i);

  // Area and territory by milestone, once.
  const placeOf = new Map<string, { area: string | null; territory: string | null }>();
  for (const m of input.milestones) {
    placeOf.set(m.id, {
      area: m.functionAreaId ? input.areaNames.get(m.functionAreaId) ?? null : null,
      territory: m.territoryId ? input.territoryNames.get(m.territoryId) ?? null : null,
    });
  }

  // The baseline by task index (and by milestone id), and how far it reaches.
  const baselineOf: (BaselineDates | undefined)[] = new Array(tasks.length);
  const baselineMilestones = new Map<string, BaselineDates>();
  const baselineSpan: PlanRows['baselineSpan'] = { start: null, finish: null };
  for (const entry of input.baselineEntries) {
    const at = entry.taskId ? indexOf.get(entry.taskId) : undefined;
    if (at !== undefined) baselineOf[at] = entry;
    else if (entry.milestoneId && placeOf.has(entry.milestoneId)) baselineMilestones.set(entry.milestoneId, entry);
    else continue;
    baselineSpan.start = earlier(baselineSpan.start, entry.start);
    baselineSpan.finish = later(baselineSpan.finish, entry.finish);
  }

  const byMilestone = new Map<string, number[]>();
  const stageOwn = new Map<string, number[]>();
  const loose: number[] = [];
  // Within a group, work in the order it runs (plan order is creation order, which a template's
  // tasks, created together, do not keep). The schedule hands its tasks over in that order already
  // (sorted once per plan version): they are only checked.
  const ordered = Array.from(tasks.keys());
  if (!isInDateOrder(tasks)) ordered.sort((i, k) => compareInDateOrder(tasks[i], tasks[k]));
  for (const i of ordered) {
    const task = tasks[i];
    if (task.milestoneId) push(byMilestone, task.milestoneId, i);
    else if (task.stageId) push(stageOwn, task.stageId, i);
    else loose.push(i);
  }
  const milestoneNode = (m: PlanInput['milestones'][number]): Summary => ({
    kind: 'milestone', name: m.name, milestoneId: m.id, children: byMilestone.get(m.id) ?? [],
  });
  // Each milestone's go-live once, not once per comparison of the sort below.
  const goLives = new Map<string, string>();
  const goLiveOf = (m: { id: string }) => {
    let goLive = goLives.get(m.id);
    if (goLive === undefined) {
      const own = byMilestone.get(m.id) ?? [];
      const launch = own.find((i) => tasks[i].milestonePhase === MilestonePhase.LAUNCH);
      goLive = launch !== undefined ? tasks[launch].finish : own.reduce((a, i) => (tasks[i].finish > a ? tasks[i].finish : a), '');
      goLives.set(m.id, goLive);
    }
    return goLive;
  };
  const stageIds = new Set(input.stages.map((s) => s.id));
  const milestonesOfStage = new Map<string, PlanInput['milestones']>();
  const unstaged: PlanInput['milestones'] = [];
  for (const m of [...input.milestones].sort((a, b) => cmp(goLiveOf(a), goLiveOf(b)) || a.name.localeCompare(b.name))) {
    const staged = (byMilestone.get(m.id) ?? []).find((i) => tasks[i].stageId && stageIds.has(tasks[i].stageId!));
    if (staged !== undefined) push(milestonesOfStage, tasks[staged].stageId!, m);
    else unstaged.push(m);
  }
  const roots: Summary[] = [...input.stages].sort((a, b) => a.sequence - b.sequence).map((stage) => ({
    kind: 'stage', name: stage.name,
    children: [...(stageOwn.get(stage.id) ?? []), ...(milestonesOfStage.get(stage.id) ?? []).map(milestoneNode)],
  }));
  if (unstaged.length) roots.push({ kind: 'stage', name: input.groupNames.rollout, children: unstaged.map(milestoneNode) });
  if (loose.length) roots.push({ kind: 'stage', name: input.groupNames.other, children: loose });

  // First pass: WBS numbers, which predecessors are written with. Rows in order as parallel
  // lists, and where each task's row is.
  const outline = new WbsOutline(tasks.length);
  const walk = (nodes: readonly (number | Summary)[], prefix: string, level: number) => {
    for (let k = 0; k < nodes.length; k++) {
      const node = nodes[k];
      const wbs = prefix ? `${prefix}.${k + 1}` : String(k + 1);
      outline.add(node, wbs, level);
      if (typeof node !== 'number') walk(node.children, wbs, level + 1);
    }
  };
  walk(roots, '', 1);
  const predecessors = new Predecessors(input.links, indexOf, tasks.length);

  // Summaries are rolled up once, bottom-up (each task is read once, not once per ancestor), before
  // the first row is written: a stage's row comes before its tasks.
  const rollups = new Map<Summary, Rollup>();
  const rollUp = (node: Summary): Rollup => {
    const total = emptyRollup();
    for (const child of node.children) {
      if (typeof child === 'number') addTask(total, tasks[child], baselineOf[child]);
      else mergeRollup(total, rollUp(child));
    }
    rollups.set(node, total);
    return total;
  };
  roots.forEach(rollUp);

  const taskLine = {} as PlanRow;
  const noPlace = { area: null, territory: null };
  function* rows(): Generator<PlanRow> {
    for (let at = 0; at < outline.count; at++) {
      const i = outline.taskAt[at];
      const wbs = outline.wbs[at];
      const level = outline.levels[at];
      if (i >= 0) {
        const task = tasks[i];
        const place = (task.milestoneId && placeOf.get(task.milestoneId)) || noPlace;
        yield taskRow(taskLine, task, wbs, level, place, baselineOf[i], predecessors.textOf(i, outline, input.dayUnit), input.calendar);
      } else {
        const node = outline.summaryAt[at]!;
        const place = (node.milestoneId && placeOf.get(node.milestoneId)) || noPlace;
        yield summaryRow(node, rollups.get(node)!, wbs, level, place, tasks, baselineMilestones, input.calendar);
      }
    }
  }
  return { count: outline.count, rows: rows(), baselineSpan };
}

/** Fills `row` with a task's line and returns it. */
function taskRow(row: PlanRow, task: PlanTask, wbs: string, level: number, place: { area: string | null; territory: string | null },
  baseline: BaselineDates | undefined, predecessors: string, calendar: WorkCalendar): PlanRow {
  row.kind = 'task';
  row.level = level;
  row.wbs = wbs;
  row.name = task.name;
  row.area = place.area;
  row.territory = place.territory;
  row.durationDays = task.durationDays;
  row.start = task.start;
  row.finish = task.finish;
  row.baselineStart = baseline?.start ?? null;
  row.baselineFinish = baseline?.finish ?? null;
  row.varianceDays = baseline?.finish ? varianceDays(calendar, baseline.finish, task.finish) : null;
  row.totalFloatDays = task.totalFloatDays;
  row.critical = task.critical;
  row.predecessors = predecessors;
  row.percentComplete = task.percentComplete;
  row.actualStart = task.actualStart;
  row.actualFinish = task.actualFinish;
  row.goLive = task.milestonePhase === MilestonePhase.LAUNCH || task.durationDays === 0 ? task.finish : null;
  row.done = task.actualFinish !== null || task.percentComplete >= 100;
  return row;
}
/** What a summary row shows of the tasks under it, combined in any order. */
interface Rollup {
  count: number;
  start: string;
  finish: string;
  baselineStart: string | null;
  baselineFinish: string | null;
  actualStart: string | null;
  /** The latest actual finish while every task so far has one; null once one has not. */
  actualFinish: string | null;
  float: number | null;
  critical: boolean;
  /** Percent complete weighted by duration (at least a day). */
  weighted: number;
  weight: number;
}

const emptyRollup = (): Rollup => ({
  count: 0, start: '', finish: '', baselineStart: null, baselineFinish: null, actualStart: null, actualFinish: '',
  float: null, critical: false, weighted: 0, weight: 0,
});

/** `mergeRollup` of one task's own rollup, without making it. */
function addTask(into: Rollup, t: PlanTask, b: { start: string | null; finish: string | null } | undefined): void {
  into.start = into.count && into.start <= t.start ? into.start : t.start;
  into.finish = t.finish > into.finish ? t.finish : into.finish;
  into.baselineStart = earlier(into.baselineStart, b?.start ?? null);
  into.baselineFinish = later(into.baselineFinish, b?.finish ?? null);
  into.actualStart = earlier(into.actualStart, t.actualStart);
  into.actualFinish = into.actualFinish === null || t.actualFinish === null ? null : t.actualFinish > into.actualFinish ? t.actualFinish : into.actualFinish;
  into.float = into.float === null || t.totalFloatDays < into.float ? t.totalFloatDays : into.float;
  into.critical ||= t.critical;
  into.weighted += t.percentComplete * Math.max(1, t.durationDays);
  into.weight += Math.max(1, t.durationDays);
  into.count++;
}

const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a <= b ? a : b);
const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);

function mergeRollup(into: Rollup, r: Rollup): void {
  if (!r.count) return;
  into.start = into.count ? (r.start < into.start ? r.start : into.start) : r.start;
  into.finish = r.finish > into.finish ? r.finish : into.finish;
  into.baselineStart = earlier(into.baselineStart, r.baselineStart);
  into.baselineFinish = later(into.baselineFinish, r.baselineFinish);
  into.actualStart = earlier(into.actualStart, r.actualStart);
  into.actualFinish = into.actualFinish === null || r.actualFinish === null ? null : r.actualFinish > into.actualFinish ? r.actualFinish : into.actualFinish;
  into.float = into.float === null || (r.float !== null && r.float < into.float) ? r.float : into.float;
  into.critical ||= r.critical;
  into.weighted += r.weighted;
  into.weight += r.weight;
  into.count += r.count;
}

function summaryRow(node: Summary, r: Rollup, wbs: string, level: number, place: { area: string | null; territory: string | null },
  tasks: readonly PlanTask[], baselineMilestones: Map<string, BaselineDates>, calendar: WorkCalendar): PlanRow {
  const { start, finish } = r;
  let { baselineStart, baselineFinish } = r;
  let goLive: string | null = null;
  if (node.kind === 'milestone') {
    const launch = node.children.find((c) => typeof c === 'number' && tasks[c].milestonePhase === MilestonePhase.LAUNCH);
    goLive = typeof launch === 'number' ? tasks[launch].finish : finish || null;
    const own = baselineMilestones.get(node.milestoneId!);
    if (own?.start) baselineStart = own.start;
    if (own?.finish) baselineFinish = own.finish;
  }
  const percent = r.weight ? Math.round(r.weighted / r.weight) : 0;
  const hasDates = Boolean(start);
  const compareTo = node.kind === 'milestone' ? goLive : finish;
  return {
    kind: node.kind, level, wbs, name: node.name, area: place.area, territory: place.territory,
    durationDays: hasDates ? calendar.endPoint(finish) - calendar.startPoint(start) : 0,
    start, finish, baselineStart, baselineFinish,
    varianceDays: baselineFinish && compareTo ? varianceDays(calendar, baselineFinish, compareTo) : null,
    totalFloatDays: r.float, critical: r.critical, predecessors: '', percentComplete: percent,
    actualStart: r.actualStart, actualFinish: r.count ? r.actualFinish || null : null, goLive, done: r.count > 0 && percent >= 100,
  };
}

/** As MS Project writes a predecessor: `3` (finish-to-start, no lag), `3SS`, `3FS+2d`, `3FF-1d`. */
export function predecessorText(wbs: string | undefined, type: string, lagDays: number, dayUnit = 'd'): string {
  if (!wbs) return '';
  if (type === 'FS' && lagDays === 0) return wbs;
  return `${wbs}${type}${lagDays === 0 ? '' : `${lagDays > 0 ? '+' : ''}${lagDays}${dayUnit}`}`;
}

/** The WBS in row order as parallel lists (no object per row), and where each task's row is. */
class WbsOutline {
  count = 0;
  /** A row's task index, or -1 for a summary row. */
  readonly taskAt: number[] = [];
  readonly summaryAt: (Summary | undefined)[] = [];
  readonly wbs: string[] = [];
  readonly levels: number[] = [];
  /** A task's row, by task index. */
  readonly rowOfTask: Int32Array;

  constructor(tasks: number) {
    this.rowOfTask = new Int32Array(tasks).fill(-1);
  }

  add(node: number | Summary, wbs: string, level: number): void {
    const task = typeof node === 'number';
    if (task) this.rowOfTask[node] = this.count;
    this.taskAt.push(task ? node : -1);
    this.summaryAt.push(task ? undefined : node);
    this.wbs.push(wbs);
    this.levels.push(level);
    this.count++;
  }
}

/** Each task's links from its predecessors, by task index (compressed rows: `first[i]` to `first[i + 1]`). */
class Predecessors {
  private readonly first: Int32Array;
  private readonly predecessor: Int32Array;
  private readonly link: Int32Array;

  constructor(private readonly links: PlanInput['links'], indexOf: Map<string, number>, tasks: number) {
    const successorOf = new Int32Array(links.length).fill(-1);
    const predecessorOf = new Int32Array(links.length);
    this.first = new Int32Array(tasks + 1);
    links.forEach((l, k) => {
      const s = indexOf.get(l.successorId);
      const p = indexOf.get(l.predecessorId);
      // A link to or from a task outside the plan is left out, as the task is.
      if (s === undefined || p === undefined) return;
      successorOf[k] = s;
      predecessorOf[k] = p;
      this.first[s + 1]++;
    });
    for (let i = 0; i < tasks; i++) this.first[i + 1] += this.first[i];
    const filled = this.first.slice(0, tasks);
    this.predecessor = new Int32Array(this.first[tasks]);
    this.link = new Int32Array(this.first[tasks]);
    for (let k = 0; k < links.length; k++) {
      const s = successorOf[k];
      if (s < 0) continue;
      this.predecessor[filled[s]] = predecessorOf[k];
      this.link[filled[s]++] = k;
    }
  }

  /** A task's predecessors in outline order: `1.2; 1.4SS+1d` (one without a row is left out). */
  textOf(task: number, outline: WbsOutline, dayUnit: string): string {
    const from = this.first[task];
    const to = this.first[task + 1];
    const rowOf = (at: number) => outline.rowOfTask[this.predecessor[at]];
    const text = (at: number) => {
      const link = this.links[this.link[at]];
      return predecessorText(outline.wbs[rowOf(at)], link.type, link.lagDays, dayUnit);
    };
    if (to - from === 1) return text(from);
    if (to - from === 2) {
      // The common case without the array and sort: two predecessors in outline order.
      const a = rowOf(from);
      const b = rowOf(from + 1);
      if (a < 0 || b < 0) return text(a < 0 ? from + 1 : from);
      return a <= b ? `${text(from)}; ${text(from + 1)}` : `${text(from + 1)}; ${text(from)}`;
    }
    const known: number[] = [];
    for (let at = from; at < to; at++) if (rowOf(at) >= 0) known.push(at);
    known.sort((a, b) => rowOf(a) - rowOf(b));
    return known.map(text).join('; ');
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
