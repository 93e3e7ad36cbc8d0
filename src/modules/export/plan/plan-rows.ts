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
export function buildPlanRows(input: PlanInput): PlanRow[] {
  const { tasks } = input;
  const byMilestone = new Map<string, PlanTask[]>();
  const stageOwn = new Map<string, PlanTask[]>();
  const loose: PlanTask[] = [];
  // Within a group, work in the order it runs (plan order is creation order, which a template's
  // tasks, created together, do not keep): by start, then finish, then name.
  const ordered = [...tasks].sort((a, b) => cmp(a.start, b.start) || cmp(a.finish, b.finish) || a.name.localeCompare(b.name));
  for (const task of ordered) {
    if (task.milestoneId) push(byMilestone, task.milestoneId, task);
    else if (task.stageId) push(stageOwn, task.stageId, task);
    else loose.push(task);
  }
  const milestoneNode = (m: PlanInput['milestones'][number]): Node => ({
    kind: 'milestone', name: m.name, milestoneId: m.id,
    children: (byMilestone.get(m.id) ?? []).map((task) => ({ kind: 'task', name: task.name, task, children: [] })),
  });
  const goLiveOf = (m: { id: string }) => {
    const own = byMilestone.get(m.id) ?? [];
    return own.find((t) => t.milestonePhase === MilestonePhase.LAUNCH)?.finish ?? own.reduce((a, t) => (t.finish > a ? t.finish : a), '');
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
  const wbsOfTask = new Map<string, string>();
  const numbered: { node: Node; wbs: string; level: number }[] = [];
  const walk = (nodes: Node[], prefix: string, level: number) => nodes.forEach((node, i) => {
    const wbs = prefix ? `${prefix}.${i + 1}` : String(i + 1);
    numbered.push({ node, wbs, level });
    if (node.task) wbsOfTask.set(node.task.id, wbs);
    walk(node.children, wbs, level + 1);
  });
  walk(roots, '', 1);

  const predecessorsOf = new Map<string, PlanInput['links']>();
  for (const link of input.links) push(predecessorsOf, link.successorId, link);
  const milestones = new Map(input.milestones.map((m) => [m.id, m]));

  return numbered.map(({ node, wbs, level }) => {
    const leaves = node.task ? [node.task] : collectTasks(node);
    const milestone = node.milestoneId ? milestones.get(node.milestoneId) : node.task?.milestoneId ? milestones.get(node.task.milestoneId) : undefined;
    const area = milestone?.functionAreaId ? input.areaNames.get(milestone.functionAreaId) ?? null : null;
    const territory = milestone?.territoryId ? input.territoryNames.get(milestone.territoryId) ?? null : null;
    if (node.task) return taskRow(node.task, wbs, level, area, territory, input, wbsOfTask, predecessorsOf);
    return summaryRow(node, leaves, wbs, level, area, territory, input);
  });
}

function taskRow(task: PlanTask, wbs: string, level: number, area: string | null, territory: string | null, input: PlanInput,
  wbsOfTask: Map<string, string>, predecessorsOf: Map<string, PlanInput['links']>): PlanRow {
  const baseline = input.baselineTasks.get(task.id);
  const done = task.actualFinish !== null || task.percentComplete >= 100;
  const goLive = task.milestonePhase === MilestonePhase.LAUNCH || task.durationDays === 0 ? task.finish : null;
  return {
    kind: 'task', level, wbs, name: task.name, area, territory, durationDays: task.durationDays, start: task.start, finish: task.finish,
    baselineStart: baseline?.start ?? null, baselineFinish: baseline?.finish ?? null,
    varianceDays: baseline?.finish ? varianceDays(input.calendar, baseline.finish, task.finish) : null,
    totalFloatDays: task.totalFloatDays, critical: task.critical,
    predecessors: (predecessorsOf.get(task.id) ?? []).map((l) => predecessorText(wbsOfTask.get(l.predecessorId), l.type, l.lagDays, input.dayUnit))
      .filter(Boolean).sort(compareWbs).join('; '),
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

function collectTasks(node: Node): PlanTask[] {
  const out: PlanTask[] = [];
  const visit = (n: Node) => {
    if (n.task) out.push(n.task);
    n.children.forEach(visit);
  };
  visit(node);
  return out;
}

/** WBS numbers in outline order: 1.2 before 1.10. */
function compareWbs(a: string, b: string): number {
  const x = a.split(/[^\d.]/)[0].split('.').map(Number);
  const y = b.split(/[^\d.]/)[0].split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
