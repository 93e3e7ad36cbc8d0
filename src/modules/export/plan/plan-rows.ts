import type { WorkCalendar } from '../../calendar/work-calendar';
import { varianceDays } from '../../schedule/engine/rollups';
import { MilestonePhase } from '../../schedule/schedule.enums';

/** What the plan rows are built from (PlanData without the database). */
export interface PlanInput {
  calendar: WorkCalendar;
  stages: { id: string; name: string; sequence: number }[];
  milestones: { id: string; name: string; functionAreaId: string | null; territoryId: string | null }[];
  /** In plan order, with their computed dates. */
  tasks: PlanTask[];
  links: { predecessorId: string; successorId: string; type: string; lagDays: number }[];
  areaNames: Map<string, string>;
  territoryNames: Map<string, string>;
  /** The latest baseline's dates by task id and by milestone id. */
  baselineTasks: Map<string, { start: string | null; finish: string | null }>;
  baselineMilestones: Map<string, { start: string | null; finish: string | null }>;
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

interface Node {
  kind: RowKind;
  name: string;
  task?: PlanTask;
  milestoneId?: string;
  children: readonly Node[];
}

/** A task's node: a leaf (20,000 tasks share one empty list of children). */
const NO_CHILDREN: readonly Node[] = Object.freeze([]);
const taskNode = (task: PlanTask): Node => ({ kind: 'task', name: task.name, task, children: NO_CHILDREN });

/**
 * The plan as a WBS: stages in sequence, each with its own tasks and the milestones whose work
 * starts in it (a milestone's tasks carry no stage unless someone set one: it sits under the
 * stage of its first staged task); milestones outside any stage under a "rollout" group, work
 * outside both under an "other work" group. Tasks in the order they run; milestones by go-live.
 */
export function buildPlanRows(plan: PlanInput): PlanRow[] {
  return Array.from(planRows(plan).rows, (row) => ({ ...row }));
}

/**
 * The plan's rows one at a time, as the sheet is written, and how many there will be (the
 * autofilter's range is written before the rows). A task's row is one object filled again for
 * each task: it holds until the next row is asked for (`buildPlanRows` copies them). A 20,000-task
 * export made 20,000 row objects that lived through the whole export, and collecting them cost
 * more than making them.
 */
export function planRows(plan: PlanInput): { count: number; rows: Iterable<PlanRow> } {
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
  const byMilestone = new Map<string, PlanTask[]>();
  const stageOwn = new Map<string, PlanTask[]>();
  const loose: PlanTask[] = [];
  // Within a group, work in the order it runs (plan order is creation order, which a template's
  // tasks, created together, do not keep): by start, then finish, then name.
  const ordered = [...tasks].sort((a, b) => cmp(a.start, b.start) || cmp(a.finish, b.finish) || cmp(a.name, b.name));
  for (const task of ordered) {
    if (task.milestoneId) push(byMilestone, task.milestoneId, task);
    else if (task.stageId) push(stageOwn, task.stageId, task);
    else loose.push(task);
  }
  const milestoneNode = (m: PlanInput['milestones'][number]): Node => ({
    kind: 'milestone', name: m.name, milestoneId: m.id,
    children: (byMilestone.get(m.id) ?? []).map(taskNode),
  });
  // Each milestone's go-live once, not once per comparison of the sort below.
  const goLives = new Map<string, string>();
  const goLiveOf = (m: { id: string }) => {
    let goLive = goLives.get(m.id);
    if (goLive === undefined) {
      const own = byMilestone.get(m.id) ?? [];
      goLive = own.find((t) => t.milestonePhase === MilestonePhase.LAUNCH)?.finish ?? own.reduce((a, t) => (t.finish > a ? t.finish : a), '');
      goLives.set(m.id, goLive);
    }
    return goLive;
  };
  const stageIds = new Set(input.stages.map((s) => s.id));
  const milestonesOfStage = new Map<string, PlanInput['milestones']>();
  const unstaged: PlanInput['milestones'] = [];
  for (const m of [...input.milestones].sort((a, b) => cmp(goLiveOf(a), goLiveOf(b)) || a.name.localeCompare(b.name))) {
    const staged = (byMilestone.get(m.id) ?? []).find((t) => t.stageId && stageIds.has(t.stageId));
    if (staged) push(milestonesOfStage, staged.stageId!, m);
    else unstaged.push(m);
  }
  const roots: Node[] = [...input.stages].sort((a, b) => a.sequence - b.sequence).map((stage) => ({
    kind: 'stage', name: stage.name,
    children: [
      ...(stageOwn.get(stage.id) ?? []).map(taskNode),
      ...(milestonesOfStage.get(stage.id) ?? []).map(milestoneNode),
    ],
  }));
  if (unstaged.length) roots.push({ kind: 'stage', name: input.groupNames.rollout, children: unstaged.map(milestoneNode) });
  if (loose.length) roots.push({ kind: 'stage', name: input.groupNames.other, children: loose.map(taskNode) });

  // First pass: WBS numbers, which predecessors are written with. Rows in order as parallel
  // lists (node, WBS, level), a task's row by id: no object per row kept for the whole export.
  const outline: WbsOutline = { nodes: [], wbs: [], levels: [], positionOfTask: new Map() };
  const walk = (nodes: readonly Node[], prefix: string, level: number) => nodes.forEach((node, i) => {
    const wbs = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    if (node.task) outline.positionOfTask.set(node.task.id, outline.nodes.length);
    outline.nodes.push(node);
    outline.wbs.push(wbs);
    outline.levels.push(level);
    walk(node.children, wbs, level + 1);
  });
  walk(roots, '', 1);

  const predecessorsOf = new Map<string, PlanInput['links']>();
  for (const link of input.links) push(predecessorsOf, link.successorId, link);
  const milestones = new Map(input.milestones.map((m) => [m.id, m]));

  // Summaries are rolled up once, bottom-up (each task is read once, not once per ancestor), before
  // the first row is written: a stage's row comes before its tasks.
  const rollups = new Map<Node, Rollup>();
  const rollUp = (node: Node): Rollup => {
    const total = emptyRollup();
    for (const child of node.children) {
      if (child.task) addTask(total, child.task, input.baselineTasks.get(child.task.id));
      else mergeRollup(total, rollUp(child));
    }
    rollups.set(node, total);
    return total;
  };
  roots.forEach(rollUp);

  const taskLine = {} as PlanRow;
  function* rows(): Generator<PlanRow> {
    for (let i = 0; i < outline.nodes.length; i++) yield rowOf(outline.nodes[i], outline.wbs[i], outline.levels[i]);
  }
  const rowOf = (node: Node, wbs: string, level: number): PlanRow => {
    const milestone = node.milestoneId ? milestones.get(node.milestoneId) : node.task?.milestoneId ? milestones.get(node.task.milestoneId) : undefined;
    const area = milestone?.functionAreaId ? input.areaNames.get(milestone.functionAreaId) ?? null : null;
    const territory = milestone?.territoryId ? input.territoryNames.get(milestone.territoryId) ?? null : null;
    if (node.task) return taskRow(taskLine, node.task, wbs, level, area, territory, input, outline, predecessorsOf);
    return summaryRow(node, rollups.get(node)!, wbs, level, area, territory, input);
  };
  return { count: outline.nodes.length, rows: rows() };
}

/** Fills `row` with a task's line and returns it. */
function taskRow(row: PlanRow, task: PlanTask, wbs: string, level: number, area: string | null, territory: string | null, input: PlanInput,
  outline: WbsOutline, predecessorsOf: Map<string, PlanInput['links']>): PlanRow {
  const baseline = input.baselineTasks.get(task.id);
  row.kind = 'task';
  row.level = level;
  row.wbs = wbs;
  row.name = task.name;
  row.area = area;
  row.territory = territory;
  row.durationDays = task.durationDays;
  row.start = task.start;
  row.finish = task.finish;
  row.baselineStart = baseline?.start ?? null;
  row.baselineFinish = baseline?.finish ?? null;
  row.varianceDays = baseline?.finish ? varianceDays(input.calendar, baseline.finish, task.finish) : null;
  row.totalFloatDays = task.totalFloatDays;
  row.critical = task.critical;
  row.predecessors = predecessorsText(predecessorsOf.get(task.id), outline, input.dayUnit);
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

function summaryRow(node: Node, r: Rollup, wbs: string, level: number, area: string | null, territory: string | null, input: PlanInput): PlanRow {
  const { start, finish } = r;
  let { baselineStart, baselineFinish } = r;
  let goLive: string | null = null;
  if (node.kind === 'milestone') {
    const launch = node.children.find((c) => c.task?.milestonePhase === MilestonePhase.LAUNCH)?.task;
    goLive = launch?.finish ?? (finish || null);
    const own = input.baselineMilestones.get(node.milestoneId!);
    if (own?.start) baselineStart = own.start;
    if (own?.finish) baselineFinish = own.finish;
  }
  const percent = r.weight ? Math.round(r.weighted / r.weight) : 0;
  const hasDates = Boolean(start);
  const compareTo = node.kind === 'milestone' ? goLive : finish;
  return {
    kind: node.kind, level, wbs, name: node.name, area, territory,
    durationDays: hasDates ? input.calendar.endPoint(finish) - input.calendar.startPoint(start) : 0,
    start, finish, baselineStart, baselineFinish,
    varianceDays: baselineFinish && compareTo ? varianceDays(input.calendar, baselineFinish, compareTo) : null,
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

/** The WBS in row order, and where each task's row is. */
interface WbsOutline {
  nodes: Node[];
  wbs: string[];
  levels: number[];
  positionOfTask: Map<string, number>;
}

/** A task's predecessors in outline order: `1.2; 1.4SS+1d`. */
function predecessorsText(links: PlanInput['links'] | undefined, outline: WbsOutline, dayUnit: string): string {
  if (!links) return '';
  const text = (link: PlanInput['links'][number], position: number) => predecessorText(outline.wbs[position], link.type, link.lagDays, dayUnit);
  if (links.length === 1) {
    const at = outline.positionOfTask.get(links[0].predecessorId);
    return at === undefined ? '' : text(links[0], at);
  }
  if (links.length === 2) {
    // The common case without the array and sort: two predecessors in outline order.
    const a = outline.positionOfTask.get(links[0].predecessorId);
    const b = outline.positionOfTask.get(links[1].predecessorId);
    if (a === undefined || b === undefined) {
      if (a !== undefined) return text(links[0], a);
      return b === undefined ? '' : text(links[1], b);
    }
    return a <= b ? `${text(links[0], a)}; ${text(links[1], b)}` : `${text(links[1], b)}; ${text(links[0], a)}`;
  }
  const known: { position: number; link: PlanInput['links'][number] }[] = [];
  for (const link of links) {
    const position = outline.positionOfTask.get(link.predecessorId);
    if (position !== undefined) known.push({ position, link });
  }
  known.sort((a, b) => a.position - b.position);
  return known.map((k) => text(k.link, k.position)).join('; ');
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
