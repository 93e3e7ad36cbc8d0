import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from '../../common/context/request-context';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkCalendar } from '../calendar/work-calendar';
import { Milestone } from '../plan/entities/milestone.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { Stage } from '../plan/entities/stage.entity';
import { Dependency } from './entities/dependency.entity';
import { Task } from './entities/task.entity';
import { inDateOrder as sortInDateOrder } from './engine/date-order';
import { milestoneWindow, stageWindow } from './engine/rollups';
import { DependencyCycleError, scheduleNetwork } from './engine/scheduler';
import { MilestonePhase } from './schedule.enums';

export interface TaskDates {
  start: string;
  finish: string;
  lateStart: string;
  lateFinish: string;
  totalFloatDays: number;
  critical: boolean;
}

/** A task's row with its computed dates as plain properties: what GraphQL reads without a resolver per field. */
export type ScheduledTask = Task & TaskDates;

const DATE_FIELDS = ['start', 'finish', 'lateStart', 'lateFinish', 'totalFloatDays', 'critical'] as const;

/**
 * A computed schedule. Shared between requests through the cache: nothing may change it (the rows
 * it hands out included); edits load their own rows.
 */
export interface ProjectSchedule {
  project: Project;
  /** In plan order of creation (created, then id), each with its dates. */
  tasks: ScheduledTask[];
  links: Dependency[];
  dates: Map<string, ScheduledTask>;
  /** The calendar each milestone (and so each of its tasks) works to. */
  milestoneCalendars: Map<string, WorkCalendar>;
  projectCalendar: WorkCalendar;
  start: string;
  finishDate: string;
  criticalPath: string[];
  /** The tasks by start, then finish, then name (Project.tasks, the plan export), sorted once per schedule (engine/date-order). */
  inDateOrder(): ScheduledTask[];
  stages: Pick<Stage, 'id' | 'name' | 'sequence'>[];
  /** What the engine was given: an edit is checked by running it again with the edit applied, in memory. */
  input: ScheduleInput;
}

type ScheduleInput = Parameters<typeof scheduleNetwork>[0];

/** A plan edit to check: tasks added or changed, links added or changed, or the project's start moved. */
export interface PlanEdit {
  /** As saved: its row joins the edited plan. */
  task?: Task;
  link?: Dependency;
  /** Several at once (a milestone's own tasks and their links), in the order they were created. */
  tasks?: Task[];
  links?: Dependency[];
  /** The project row as saved, its start date moved (its calendar the same: the calendars of territories are not in the plan). */
  project?: Project;
}

/**
 * How many tasks the cached schedules may hold together (all projects): a cached task with its
 * dates is about 1 KB, so the default bounds the cache near 100 MB. SCHEDULE_CACHE_MAX_TASKS.
 */
export const SCHEDULE_CACHE_MAX_TASKS = Number(process.env.SCHEDULE_CACHE_MAX_TASKS ?? 100_000);

/**
 * The plan's dates, computed from tasks, links and calendars, once per plan version: a project's
 * `plan_version` changes in the same transaction as anything the schedule is computed from
 * (database triggers), so a schedule cached under (project, version) is right for as long as the
 * database still holds that version, on every instance. A read learns the version from the
 * project row it reads anyway (or from one small statement), and on a miss loads the whole plan
 * in one statement, which is one consistent snapshot. Within a request the schedule is memoised.
 */
@Injectable()
export class ScheduleService {
  private readonly cache = new LRUCache<string, ProjectSchedule>({
    maxSize: Math.max(1, SCHEDULE_CACHE_MAX_TASKS),
    // A schedule larger than the whole bound is computed for its request and not kept.
    sizeCalculation: (schedule) => Math.max(1, schedule.tasks.length),
  });

  constructor(private readonly calendars: CalendarService) {}

  /**
   * The project's schedule. `known`, the project row this request read, saves the statement that
   * reads its version; it is trusted only outside transactions and before any write of this
   * request (a row read earlier in a mutation may predate the mutation's own changes).
   */
  forProject(ctx: RequestContext, projectId: string, known?: Pick<Project, 'planVersion'>): Promise<ProjectSchedule> {
    return ctx.memoize(`schedule:${projectId}`, () => this.cachedOrComputed(ctx, projectId, known));
  }

  /**
   * The project's schedule read as of another status date (a status report's periodEnd; null =
   * the plan alone): the engine runs again in memory on the plan the request already has, so no
   * statement is added. Memoised per request and status date.
   */
  asOf(ctx: RequestContext, projectId: string, statusDate: string | null, known?: Pick<Project, 'planVersion'>): Promise<ProjectSchedule> {
    return ctx.memoize(`schedule:${projectId}:asOf:${statusDate}`, async () => {
      const plan = await this.forProject(ctx, projectId, known);
      if ((plan.input.statusDate ?? null) === statusDate) return plan;
      const input: ScheduleInput = { ...plan.input, statusDate };
      return scheduleOf({ ...plan, input }, this.schedule(input, { tasks: plan.tasks, stages: plan.stages }), plan.dates);
    });
  }

  /** Call after a change of tasks, links or calendars inside a mutation. */
  invalidate(ctx: RequestContext, projectId: string): void {
    ctx.forget(`schedule:${projectId}`);
  }

  /**
   * At the end of a plan change, inside its transaction: the changed plan must still schedule
   * (within the calendars' years), or the change is refused and rolled back.
   */
  async assertSchedulable(ctx: RequestContext, projectId: string): Promise<void> {
    this.invalidate(ctx, projectId);
    await this.forProject(ctx, projectId);
  }

  /**
   * The committed plan, for an edit to check itself against without reloading it: call after the
   * plan lock and before the edit writes anything, so what the transaction sees is exactly the
   * committed version (then it may be cached for everyone).
   */
  async committedPlan(ctx: RequestContext, projectId: string): Promise<ProjectSchedule> {
    const [row] = await ctx.manager.query('SELECT plan_version::text AS v FROM project WHERE id = $1', [projectId]);
    if (!row) throw notFound('Project', projectId);
    const key = `${projectId}@${row.v}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const schedule = await this.compute(ctx, projectId);
    this.cache.set(key, schedule);
    return schedule;
  }

  /**
   * The edited plan must still schedule: the engine runs again on the committed plan with the
   * edit applied, in memory, and refuses a cycle through the stage order or dates outside the
   * calendars' years exactly as a full reload would. Nothing is read from the database.
   * Returns the edited plan's schedule (rows of the committed plan whose dates did not move are
   * shared), for `keepAfterCommit`; null when it cannot be told exactly in memory (a task created
   * no later than the last one, whose place in plan order only the database knows).
   */
  assertSchedulableWith(plan: ProjectSchedule, edit: PlanEdit): ProjectSchedule | null {
    const { input } = plan;
    let tasks = input.tasks;
    let rows: Task[] = plan.tasks;
    let exact = true;
    const editedTasks = [...(edit.task ? [edit.task] : []), ...(edit.tasks ?? [])];
    for (const task of editedTasks) {
      const calendar = (task.milestoneId && plan.milestoneCalendars.get(task.milestoneId)) || plan.projectCalendar;
      const changed = {
        id: task.id, name: task.name, durationDays: task.durationDays, startNoEarlierThan: task.startNoEarlierThan, calendar, stageId: task.stageId,
        actualStart: task.actualStart ?? null, actualFinish: task.actualFinish ?? null, percentComplete: task.percentComplete ?? 0,
      };
      const at = tasks.findIndex((t) => t.id === task.id);
      const row = planRow(task);
      if (at < 0) {
        const last = rows[rows.length - 1];
        // Plan order is (created_at, id) at microseconds; the rows hold milliseconds.
        if (!row || (last && !(task.createdAt > last.createdAt))) exact = false;
        tasks = [...tasks, changed];
        rows = row ? [...rows, row] : rows;
      } else {
        if (!row) exact = false;
        tasks = tasks.map((t, i) => (i === at ? changed : t));
        rows = row ? rows.map((r, i) => (i === at ? row : r)) : rows;
      }
    }
    let links = input.links;
    let linkRows = plan.links;
    for (const link of [...(edit.link ? [edit.link] : []), ...(edit.links ?? [])]) {
      const changed = { predecessorId: link.predecessorId, successorId: link.successorId, type: link.type, lagDays: link.lagDays };
      const row = Object.assign(new Dependency(), {
        id: link.id, projectId: link.projectId, predecessorId: link.predecessorId, successorId: link.successorId, type: link.type, lagDays: link.lagDays,
      });
      const at = linkRows.findIndex((l) => l.id === link.id);
      links = at < 0 ? [...links, changed] : links.map((l, i) => (i === at ? changed : l));
      linkRows = at < 0 ? [...linkRows, row] : linkRows.map((l, i) => (i === at ? row : l));
    }
    const edited: ScheduleInput = { ...input, tasks, links, projectStart: edit.project?.startDate ?? input.projectStart };
    const editedIds = new Set(editedTasks.map((t) => t.id));
    const result = this.schedule(edited, { tasks: editedIds.size ? [...plan.tasks.filter((t) => !editedIds.has(t.id)), ...editedTasks] : plan.tasks, stages: plan.stages });
    if (!exact) return null;
    const project = edit.project ? Object.assign(Object.create(Object.getPrototypeOf(plan.project)) as Project, plan.project, edit.project) : plan.project;
    return scheduleOf({ ...plan, project, tasks: rows, links: linkRows, input: edited }, result, plan.dates);
  }

  /**
   * Once the edit's transaction commits, its plan (from `assertSchedulableWith`) is cached under
   * the version the transaction produced, so the next edit or read does not reload the plan. Call
   * after the edit's last write: the version is read back then, after the triggers bumped it.
   * Exact because plan edits serialise on the project's row (the bump itself locks it): nothing
   * commits in between. A rolled-back transaction caches nothing.
   */
  async keepAfterCommit(ctx: RequestContext, projectId: string, edited: ProjectSchedule | null): Promise<void> {
    if (!edited) return;
    const [row] = await ctx.manager.query('SELECT plan_version::text AS v FROM project WHERE id = $1', [projectId]);
    const version = row.v as string;
    const project = Object.assign(Object.create(Object.getPrototypeOf(edited.project)) as Project, edited.project, { planVersion: version });
    ctx.afterCommit(() => this.cache.set(`${projectId}@${version}`, { ...edited, project }));
  }

  /**
   * The task as GraphQL shows it when it does not come from a schedule (a mutation's answer, a
   * link's end, a milestone's tasks): its dates are read from the project's schedule only if
   * asked for, after the mutation committed.
   */
  withDates(ctx: RequestContext, task: Task): ScheduledTask {
    let dates: Promise<TaskDates> | undefined;
    const scheduled = () => (dates ??= this.forProject(ctx, task.projectId).then((s) => s.dates.get(task.id)!));
    for (const field of DATE_FIELDS) {
      Object.defineProperty(task, field, { configurable: true, enumerable: false, get: () => scheduled().then((d) => d[field]) });
    }
    return task as ScheduledTask;
  }

  private async cachedOrComputed(ctx: RequestContext, projectId: string, known?: Pick<Project, 'planVersion'>): Promise<ProjectSchedule> {
    const inTransaction = ctx.manager.queryRunner?.isTransactionActive === true;
    let version = !inTransaction && !ctx.hasWritten && known?.planVersion != null ? known.planVersion : null;
    if (version === null && this.cache.size > 0) {
      const [row] = await ctx.manager.query('SELECT plan_version::text AS v FROM project WHERE id = $1', [projectId]);
      if (!row) throw notFound('Project', projectId);
      version = row.v as string;
    }
    const hit = version === null ? undefined : this.cache.get(`${projectId}@${version}`);
    if (hit) return hit;
    const schedule = await this.compute(ctx, projectId);
    // Only committed plans are shared: a transaction's own version may yet be rolled back.
    if (!inTransaction) this.cache.set(`${projectId}@${schedule.project.planVersion}`, schedule);
    return schedule;
  }

  calendarOfTask(schedule: ProjectSchedule, task: Pick<Task, 'milestoneId'>): WorkCalendar {
    return (task.milestoneId && schedule.milestoneCalendars.get(task.milestoneId)) || schedule.projectCalendar;
  }

  /** A milestone's planned start and go-live (its launch task's finish, else its latest finish). */
  milestoneWindow(schedule: ProjectSchedule, milestoneId: string): { start: string; goLive: string } | null {
    const own = schedule.tasks.filter((t) => t.milestoneId === milestoneId);
    const launch = own.find((t) => t.milestonePhase === MilestonePhase.LAUNCH);
    return milestoneWindow(own.map((t) => schedule.dates.get(t.id)!), launch ? schedule.dates.get(launch.id)! : null);
  }

  /** A stage's planned start and finish: the earliest start and latest finish of its tasks. */
  stageWindow(schedule: ProjectSchedule, stageId: string): { start: string; finish: string } | null {
    return stageWindow(schedule.tasks.filter((t) => t.stageId === stageId).map((t) => schedule.dates.get(t.id)!));
  }

  /**
   * The plan's rows in one statement, which is one consistent snapshot (inside a mutation, its
   * transaction's): no transaction to set up for a read, one round trip whatever the plan's size.
   */
  private async loadPlan(ctx: RequestContext, projectId: string) {
    const [row] = await ctx.manager.query(PLAN_QUERY, [projectId]);
    if (!row) throw notFound('Project', projectId);
    const project = ctx.manager.create(Project, camelKeys(row.project) as Partial<Project>);
    project.planVersion = String(row.project.plan_version);
    project.createdAt = new Date(row.project.created_at);
    project.updatedAt = new Date(row.project.updated_at);
    const tasks = (row.tasks as Record<string, unknown>[]).map((t) => {
      const task = Object.assign(new Task(), t);
      task.createdAt = new Date(t.createdAt as string);
      return task;
    });
    const links = (row.links as Record<string, unknown>[]).map((l) => Object.assign(new Dependency(), l));
    const milestones = row.milestones as Pick<Milestone, 'id' | 'territoryId'>[];
    const territories = row.territories as Pick<Territory, 'id' | 'calendarCode'>[];
    const stages = row.stages as Pick<Stage, 'id' | 'name' | 'sequence'>[];
    return { project, tasks, links, milestones, territories, stages };
  }

  /**
   * The engine's answer; a plan running outside the calendars' years, or going round in a circle
   * through the stage order, is a refusal, not a crash.
   */
  private schedule(input: ScheduleInput, names: { tasks: Pick<Task, 'id' | 'name'>[]; stages: Pick<Stage, 'id' | 'name'>[] }): ReturnType<typeof scheduleNetwork> {
    try {
      return scheduleNetwork(input);
    } catch (error) {
      if (error instanceof RangeError) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT,
          `The plan would run outside the years the work calendars cover (${error.message}); shorten durations or lags, or move the dates`);
      }
      if (error instanceof DependencyCycleError) throw stageCycleRefusal(error, names.tasks, names.stages);
      throw error;
    }
  }

  private async compute(ctx: RequestContext, projectId: string): Promise<ProjectSchedule> {
    const { project, tasks, links, milestones, territories, stages } = await this.loadPlan(ctx, projectId);
    const projectCalendar = this.calendars.require(project.calendarCode);
    const territoryCalendars = new Map(
      territories.map((t) => [t.id, t.calendarCode ? this.calendars.require(t.calendarCode) : projectCalendar]),
    );
    const milestoneCalendars = new Map(
      milestones.map((m) => [m.id, (m.territoryId && territoryCalendars.get(m.territoryId)) || projectCalendar]),
    );
    const calendarOf = (task: Task) => (task.milestoneId && milestoneCalendars.get(task.milestoneId)) || projectCalendar;

    const input: ScheduleInput = {
      projectStart: project.startDate,
      statusDate: project.statusDate ?? null,
      tasks: tasks.map((task) => ({
        id: task.id,
        name: task.name,
        durationDays: task.durationDays,
        startNoEarlierThan: task.startNoEarlierThan,
        calendar: calendarOf(task),
        stageId: task.stageId,
        actualStart: task.actualStart,
        actualFinish: task.actualFinish,
        percentComplete: task.percentComplete,
      })),
      links: links.map((link) => ({
        predecessorId: link.predecessorId,
        successorId: link.successorId,
        type: link.type,
        lagDays: link.lagDays,
      })),
      stageOrder: stages.map((stage) => stage.id),
    };
    const result = this.schedule(input, { tasks, stages });
    return scheduleOf({ project, tasks, links, milestoneCalendars, projectCalendar, input, stages }, result, null);
  }
}

/** A row of the plan as `loadPlan` gives it, from an entity just saved; null when one of its columns is not known. */
function planRow(task: Task): Task | null {
  if (task.createdAt == null || task.version == null || task.percentComplete == null) return null;
  return Object.assign(new Task(), {
    id: task.id, projectId: task.projectId, stageId: task.stageId ?? null, milestoneId: task.milestoneId ?? null,
    milestonePhase: task.milestonePhase ?? null, name: task.name, durationDays: task.durationDays,
    startNoEarlierThan: task.startNoEarlierThan ?? null, percentComplete: task.percentComplete, ownerId: task.ownerId ?? null,
    actualStart: task.actualStart ?? null, actualFinish: task.actualFinish ?? null, createdAt: task.createdAt, version: task.version,
  });
}

type PlanParts = Pick<ProjectSchedule, 'project' | 'links' | 'milestoneCalendars' | 'projectCalendar' | 'input' | 'stages'> & { tasks: Task[] };

/**
 * The schedule from the engine's result. Each task row gets its dates; a row of a previous
 * schedule (`previous`, never changed: it may be cached) whose dates did not move is shared,
 * any other is a new row, so a cached schedule is never written to.
 */
function scheduleOf(parts: PlanParts, result: ReturnType<typeof scheduleNetwork>, previous: Map<string, ScheduledTask> | null): ProjectSchedule {
  const { project, tasks } = parts;
  const dates = new Map<string, ScheduledTask>();
  const rows: ScheduledTask[] = new Array(tasks.length);
  let start: string | null = null;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    const d = result.tasks.get(task.id)!;
    let row: ScheduledTask;
    const before = previous?.get(task.id);
    if (before && before === task && before.start === d.start && before.finish === d.finish && before.lateStart === d.lateStart &&
        before.lateFinish === d.lateFinish && before.totalFloatDays === d.totalFloatDays && before.critical === d.critical) {
      row = before;
    } else {
      row = (previous ? Object.assign(new Task(), task) : task) as ScheduledTask;
      row.start = d.start;
      row.finish = d.finish;
      row.lateStart = d.lateStart;
      row.lateFinish = d.lateFinish;
      row.totalFloatDays = d.totalFloatDays;
      row.critical = d.critical;
    }
    rows[i] = row;
    dates.set(task.id, row);
    if (start === null || d.start < start) start = d.start;
  }
  let inDateOrder: ScheduledTask[] | undefined;
  return {
    ...parts,
    tasks: rows,
    dates,
    start: start ?? project.startDate,
    finishDate: result.finishDate ?? project.startDate,
    criticalPath: result.criticalPath,
    inDateOrder: () => (inDateOrder ??= sortInDateOrder(rows)),
  };
}

/** Top-level keys of a row as JSON (snake_case) to the entity's property names. */
function camelKeys(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
}

/**
 * The project row and everything its schedule is computed from, as JSON aggregates: one statement.
 * Tasks carry every column (the schedule's rows are what Project.tasks returns).
 */
const PLAN_QUERY = `
SELECT row_to_json(p) AS project,
  (SELECT coalesce(json_agg(json_build_object(
      'id', t.id, 'projectId', t.project_id, 'stageId', t.stage_id, 'milestoneId', t.milestone_id,
      'milestonePhase', t.milestone_phase, 'name', t.name, 'durationDays', t.duration_days,
      'startNoEarlierThan', t.start_no_earlier_than, 'percentComplete', t.percent_complete,
      'actualStart', t.actual_start, 'actualFinish', t.actual_finish, 'ownerId', t.owner_id, 'createdAt', t.created_at, 'version', t.version) ORDER BY t.created_at, t.id), '[]')
    FROM task t WHERE t.project_id = p.id) AS tasks,
  (SELECT coalesce(json_agg(json_build_object(
      'id', d.id, 'projectId', d.project_id, 'predecessorId', d.predecessor_id, 'successorId', d.successor_id,
      'type', d.type, 'lagDays', d.lag_days)), '[]')
    FROM dependency d WHERE d.project_id = p.id) AS links,
  (SELECT coalesce(json_agg(json_build_object('id', m.id, 'territoryId', m.territory_id)), '[]')
    FROM milestone m WHERE m.project_id = p.id) AS milestones,
  (SELECT coalesce(json_agg(json_build_object('id', r.id, 'calendarCode', r.calendar_code)), '[]')
    FROM territory r WHERE r.project_id = p.id) AS territories,
  (SELECT coalesce(json_agg(json_build_object('id', s.id, 'name', s.name, 'sequence', s.sequence) ORDER BY s.sequence), '[]')
    FROM stage s WHERE s.project_id = p.id) AS stages
FROM project p WHERE p.id = $1`;

/**
 * Links alone are checked for cycles when they are added; a cycle the engine still finds normally
 * runs through the stage order (a task of an earlier stage following one of a later stage).
 */
function stageCycleRefusal(error: DependencyCycleError, tasks: Pick<Task, 'id' | 'name'>[], stages: Pick<Stage, 'id' | 'name'>[]): DomainError {
  const taskNames = new Map(tasks.map((t) => [t.id, t.name]));
  const stageNames = new Map(stages.map((s) => [s.id, s.name]));
  // A run of stage finishes is one step: a finish carried through stages without tasks.
  const steps = error.steps.filter((step, i) => 'taskId' in step || !(i > 0 && 'stageFinishOf' in error.steps[i - 1]));
  const words = steps.map((step) => ('taskId' in step ? `"${taskNames.get(step.taskId)}"` : `(end of stage "${stageNames.get(step.stageFinishOf)}")`));
  const around = [...words, words[0]].join(' → ');
  const message = steps.length === error.cycle.length
    ? `The links form a cycle: ${around}`
    : `The links and the stage order form a cycle: ${around}. Stages run in sequence, so a task of an earlier stage cannot ` +
      'follow a task of a later one; remove or change that link, or move the task to another stage';
  return new DomainError(ErrorCode.DEPENDENCY_CYCLE, message, { cycle: error.cycle });
}
