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
  children: Node[];
}

/**
 * The plan as a WBS: stages in sequence, each with its own tasks and the milestones whose work
 * starts in it (a milestone's tasks carry no stage unless someone set one: it sits under the
 * stage of its first staged task); milestones outside any stage under a "rollout" group, work
 * outside both under an "other work" group. Tasks in the order they run; milestones by go-live.
 */
export function buildPlanRows(plan: PlanInput): PlanRow[] {
  return [...planRows(plan).rows];
}

/**
 * The plan's rows one at a time, as the sheet is written (a 20,000-task plan's rows are never all
 * in memory), and how many there will be (the autofilter's range is written before the rows).
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
    children: (byMilestone.get(m.id) ?? []).map((task) => ({ kind: 'task', name: task.name, task, children: [] })),
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
      ...(stageOwn.get(stage.id) ?? []).map((task): Node => ({ kind: 'task', name: task.name, task, children: [] })),
      ...(milestonesOfStage.get(stage.id) ?? []).map(milestoneNode),
    ],
  }));
  if (unstaged.length) roots.push({ kind: 'stage', name: input.groupNames.rollout, children: unstaged.map(milestoneNode) });
  if (loose.length) roots.push({ kind: 'stage', name: input.groupNames.other, children: loose.map((task) => ({ kind: 'task', name: task.name, task, children: [] })) });

  // First pass: WBS numbers, which predecessors are written with.
  const wbsOfTask = new Map<string, { wbs: string; position: number }>();
  const numbered: { node: Node; wbs: string; level: number }[] = [];
  const walk = (nodes: Node[], prefix: string, level: number) => nodes.forEach((node, i) => {
    const wbs = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    if (node.task) wbsOfTask.set(node.task.id, { wbs, position: numbered.length });
    numbered.push({ node, wbs, level });
    walk(node.children, wbs, level + 1);
  });
  walk(roots, '', 1);

  const predecessorsOf = new Map<string, PlanInput['links']>();
  for (const link of input.links) push(predecessorsOf, link.successorId, link);
  const milestones = new Map(input.milestones.map((m) => [m.id, m]));

  function* rows(): Generator<PlanRow> {
    for (const { node, wbs, level } of numbered) yield rowOf(node, wbs, level);
  }
  const rowOf = (node: Node, wbs: string, level: number): PlanRow => {
    const leaves = node.task ? [node.task] : collectTasks(node);
    const milestone = node.milestoneId ? milestones.get(node.milestoneId) : node.task?.milestoneId ? milestones.get(node.task.milestoneId) : undefined;
    const area = milestone?.functionAreaId ? input.areaNames.get(milestone.functionAreaId) ?? null : null;
    const territory = milestone?.territoryId ? input.territoryNames.get(milestone.territoryId) ?? null : null;
    if (node.task) return taskRow(node.task, wbs, level, area, territory, input, wbsOfTask, predecessorsOf);
    return summaryRow(node, leaves, wbs, level, area, territory, input);
  };
  return { count: numbered.length, rows: rows() };
}

function taskRow(task: PlanTask, wbs: string, level: number, area: string | null, territory: string | null, input: PlanInput,
  wbsOfTask: Map<string, { wbs: string; position: number }>, predecessorsOf: Map<string, PlanInput['links']>): PlanRow {
  const baseline = input.baselineTasks.get(task.id);
  const done = task.actualFinish !== null || task.percentComplete >= 100;
  const goLive = task.milestonePhase === MilestonePhase.LAUNCH || task.durationDays === 0 ? task.finish : null;
  return {
    kind: 'task', level, wbs, name: task.name, area, territory, durationDays: task.durationDays, start: task.start, finish: task.finish,
    baselineStart: baseline?.start ?? null, baselineFinish: baseline?.finish ?? null,
    varianceDays: baseline?.finish ? varianceDays(input.calendar, baseline.finish, task.finish) : null,
    totalFloatDays: task.totalFloatDays, critical: task.critical,
    predecessors: predecessorsText(predecessorsOf.get(task.id), wbsOfTask, input.dayUnit),
    percentComplete: task.percentComplete, actualStart: task.actualStart, actualFinish: task.actualFinish, goLive, done,
  };
}

function summaryRow(node: Node, leaves: PlanTask[], wbs: string, level: number, area: string | null, territory: string | null, input: PlanInput): PlanRow {
  let start = '', finish = '', baselineStart: string | null = null, baselineFinish: string | null = null;
  let actualStart: string | null = null, actualFinish: string | null = '', float: number | null = null, critical = false;
  let weighted = 0, weight = 0;
  for (const t of leaves) {
    if (!start || t.start < start) start = t.start;
    if (t.finish > finish) finish = t.finish;
    const b = input.baselineTasks.get(t.id);
    if (b?.start && (!baselineStart || b.start < baselineStart)) baselineStart = b.start;
    if (b?.finish && (!baselineFinish || b.finish > baselineFinish)) baselineFinish = b.finish;
    if (t.actualStart && (!actualStart || t.actualStart < actualStart)) actualStart = t.actualStart;
    actualFinish = actualFinish !== null && t.actualFinish ? (t.actualFinish > actualFinish ? t.actualFinish : actualFinish) : null;
    if (float === null || t.totalFloatDays < float) float = t.totalFloatDays;
    critical ||= t.critical;
    weighted += t.percentComplete * Math.max(1, t.durationDays);
    weight += Math.max(1, t.durationDays);
  }
  let goLive: string | null = null;
  if (node.kind === 'milestone') {
    const launch = leaves.find((t) => t.milestonePhase === MilestonePhase.LAUNCH);
    goLive = launch?.finish ?? (finish || null);
    const own = input.baselineMilestones.get(node.milestoneId!);
    if (own?.start) baselineStart = own.start;
    if (own?.finish) baselineFinish = own.finish;
  }
  const percent = weight ? Math.round(weighted / weight) : 0;
  const hasDates = Boolean(start);
  const compareTo = node.kind === 'milestone' ? goLive : finish;
  return {
    kind: node.kind, level, wbs, name: node.name, area, territory,
    durationDays: hasDates ? input.calendar.endPoint(finish) - input.calendar.startPoint(start) : 0,
    start, finish, baselineStart, baselineFinish,
    varianceDays: baselineFinish && compareTo ? varianceDays(input.calendar, baselineFinish, compareTo) : null,
    totalFloatDays: float, critical, predecessors: '', percentComplete: percent,
    actualStart, actualFinish: leaves.length ? actualFinish || null : null, goLive, done: leaves.length > 0 && percent >= 100,
  };
}

/** As MS Project writes a predecessor: `3` (finish-to-start, no lag), `3SS`, `3FS+2d`, `3FF-1d`. */
export function predecessorText(wbs: string | undefined, type: string, lagDays: number, dayUnit = 'd'): string {
  if (!wbs) return '';
  if (type === 'FS' && lagDays === 0) return wbs;
  return `${wbs}${type}${lagDays === 0 ? '' : `${lagDays > 0 ? '+' : ''}${lagDays}${dayUnit}`}`;
}

/** A task's predecessors in outline order: `1.2; 1.4SS+1d`. */
function predecessorsText(links: PlanInput['links'] | undefined, wbsOfTask: Map<string, { wbs: string; position: number }>, dayUnit: string): string {
  if (!links) return '';
  if (links.length === 1) {
    const at = wbsOfTask.get(links[0].predecessorId);
    return at ? predecessorText(at.wbs, links[0].type, links[0].lagDays, dayUnit) : '';
  }
  if (links.length === 2) {
    // The common case without the array and sort: two predecessors in outline order.
    const a = wbsOfTask.get(links[0].predecessorId);
    const b = wbsOfTask.get(links[1].predecessorId);
    if (!a || !b) {
      const only = a ? links[0] : links[1];
      return predecessorText((a ?? b)?.wbs, only.type, only.lagDays, dayUnit);
    }
    const [x, y] = a.position <= b.position ? [0, 1] : [1, 0];
    const [px, py] = x === 0 ? [a, b] : [b, a];
    return `${predecessorText(px.wbs, links[x].type, links[x].lagDays, dayUnit)}; ${predecessorText(py.wbs, links[y].type, links[y].lagDays, dayUnit)}`;
  }
  const known: { position: number; text: string }[] = [];
  for (const l of links) {
    const at = wbsOfTask.get(l.predecessorId);
    if (at) known.push({ position: at.position, text: predecessorText(at.wbs, l.type, l.lagDays, dayUnit) });
  }
  known.sort((a, b) => a.position - b.position);
  let text = '';
  for (const k of known) text = text ? `${text}; ${k.text}` : k.text;
  return text;
}

function collectTasks(node: Node): PlanTask[] {
  const out: PlanTask[] = [];
  const visit = (n: Node) => {
    if (n.task) out.push(n.task);
    n.children.forEach(visit);
  };
  visit(node);
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
