import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context';
import type { EntityManager } from 'typeorm';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { CalendarService } from '../calendar/calendar.service';
import type { WorkCalendar } from '../calendar/work-calendar';
import { Milestone } from '../milestone/entities/milestone.entity';
import { Project } from '../project/entities/project.entity';
import { Territory } from '../project/entities/territory.entity';
import { Stage } from '../stage/entities/stage.entity';
import { Dependency } from './entities/dependency.entity';
import { Task } from './entities/task.entity';
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

export interface ProjectSchedule {
  project: Project;
  tasks: Task[];
  links: Dependency[];
  dates: Map<string, TaskDates>;
  /** The calendar each milestone (and so each of its tasks) works to. */
  milestoneCalendars: Map<string, WorkCalendar>;
  projectCalendar: WorkCalendar;
  start: string;
  finishDate: string;
  criticalPath: string[];
}

/**
 * The plan's dates, computed on read from tasks, links and calendars. Scheduling is linear and a
 * few milliseconds for a real project, so no stored dates can go stale; the result is memoised
 * per request so that every field of one response reads the same schedule.
 */
@Injectable()
export class ScheduleService {
  constructor(private readonly calendars: CalendarService) {}

  forProject(ctx: RequestContext, projectId: string): Promise<ProjectSchedule> {
    return ctx.memoize(`schedule:${projectId}`, () => this.compute(ctx, projectId));
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
   * The plan's rows as one snapshot. Inside a mutation they come from its transaction; on a read,
   * from one read-only REPEATABLE READ transaction, so a change committed between two of the
   * queries (a milestone's tasks and their links) cannot be half seen.
   */
  private async loadPlan(ctx: RequestContext, projectId: string) {
    const load = async (em: EntityManager) => {
      const project = await em.findOne(Project, { where: { id: projectId } });
      if (!project) throw notFound('Project', projectId);
      // One after another: a transaction has a single connection.
      const tasks = await em.find(Task, { where: { projectId }, order: { createdAt: 'ASC', id: 'ASC' } });
      const links = await em.find(Dependency, { where: { projectId } });
      const milestones = await em.find(Milestone, { where: { projectId }, select: { id: true, territoryId: true } });
      const territories = await em.find(Territory, { where: { projectId }, select: { id: true, calendarCode: true } });
      const stages = await em.find(Stage, { where: { projectId }, select: { id: true, name: true, sequence: true }, order: { sequence: 'ASC' } });
      return { project, tasks, links, milestones, territories, stages };
    };
    if (ctx.manager.queryRunner?.isTransactionActive) return load(ctx.manager);
    return ctx.manager.connection.transaction('REPEATABLE READ', async (em) => {
      await em.query('SET TRANSACTION READ ONLY');
      return load(em);
    });
  }

  /**
   * The engine's answer; a plan running outside the calendars' years, or going round in a circle
   * through the stage order, is a refusal, not a crash.
   */
  private schedule(input: Parameters<typeof scheduleNetwork>[0], names: { tasks: Task[]; stages: Stage[] }): ReturnType<typeof scheduleNetwork> {
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

    const result = this.schedule({
      projectStart: project.startDate,
      tasks: tasks.map((task) => ({
        id: task.id,
        name: task.name,
        durationDays: task.durationDays,
        startNoEarlierThan: task.startNoEarlierThan,
        calendar: calendarOf(task),
        stageId: task.stageId,
      })),
      links: links.map((link) => ({
        predecessorId: link.predecessorId,
        successorId: link.successorId,
        type: link.type,
        lagDays: link.lagDays,
      })),
      stageOrder: stages.map((stage) => stage.id),
    }, { tasks, stages });
    const dates = new Map<string, TaskDates>();
    let start: string | null = null;
    for (const [id, d] of result.tasks) {
      dates.set(id, d);
      if (start === null || d.start < start) start = d.start;
    }
    return {
      project,
      tasks,
      links,
      dates,
      milestoneCalendars,
      projectCalendar,
      start: start ?? project.startDate,
      finishDate: result.finishDate ?? project.startDate,
      criticalPath: result.criticalPath,
    };
  }
}

/**
 * Links alone are checked for cycles when they are added; a cycle the engine still finds normally
 * runs through the stage order (a task of an earlier stage following one of a later stage).
 */
function stageCycleRefusal(error: DependencyCycleError, tasks: Task[], stages: Stage[]): DomainError {
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
