import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { todayIso } from '../../common/clock';
import type { RequestContext } from '../../common/context/request-context';
import { Task } from './entities/task.entity';
import { progressAtGoLive, progressWhenDone, type ScheduledProgress } from './recorded-progress';
import type { TaskProgress } from './progress-rules';
import { MilestonePhase } from './schedule.enums';
import { ScheduleService } from './schedule.service';
import { scheduleNetwork } from './engine/scheduler';

type PlannedDates = ReadonlyMap<string, { start: string; finish: string }>;

/**
 * Records the progress that a stage closing or a milestone going live implies for their tasks
 * (recorded-progress.ts), so that neither leaves its tasks at 0 % with planned dates in the past.
 * Runs inside the close's or launch's transaction, after its plan lock (the project's row); the
 * tasks' writes bump the plan version like any plan edit, and the plan must still schedule.
 */
@Injectable()
export class RecordedProgressService {
  constructor(private readonly schedules: ScheduleService) {}

  /** The closing stage's tasks are done by `closedOn` (today): see `progressWhenDone`. */
  async finishStageWork(ctx: RequestContext, projectId: string, stageId: string, closedOn: string = todayIso()): Promise<Task[]> {
    const tasks = await ctx.manager.find(Task, { where: { projectId, stageId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return this.record(ctx, projectId, tasks, (task) => progressWhenDone(task, closedOn));
  }

  /**
   * The milestone went live on `goLive` (its actual go-live), or, when none is recorded, on its
   * planned go-live if that has passed, else today: its own prepare, go-live and hypercare tasks
   * record it (`progressAtGoLive`). Other tasks of the milestone report their own progress.
   */
  async recordGoLive(ctx: RequestContext, projectId: string, milestoneId: string, goLive: string | null): Promise<Task[]> {
    const tasks = await ctx.manager.find(Task, { where: { milestoneId, milestonePhase: In(Object.values(MilestonePhase)) } });
    if (!tasks.length) return [];
    const planned = await this.plannedDates(ctx, projectId);
    const today = todayIso();
    const launch = tasks.find((task) => task.milestonePhase === MilestonePhase.LAUNCH);
    const plannedGoLive = (launch && planned.get(launch.id)?.finish) ?? today;
    const on = goLive ?? (plannedGoLive < today ? plannedGoLive : today);
    return this.record(ctx, projectId, tasks, (task, phase) => progressAtGoLive(task, phase!, on), planned);
  }

  private async record(
    ctx: RequestContext,
    projectId: string,
    tasks: Task[],
    rule: (task: ScheduledProgress, phase: Task['milestonePhase']) => TaskProgress | null,
    known?: PlannedDates,
  ): Promise<Task[]> {
    if (!tasks.length) return [];
    const planned = known ?? (await this.plannedDates(ctx, projectId));
    const changed: Task[] = [];
    for (const task of tasks) {
      const dates = planned.get(task.id)!;
      const progress = rule({ start: dates.start, finish: dates.finish, actualStart: task.actualStart, actualFinish: task.actualFinish, percentComplete: task.percentComplete }, task.milestonePhase);
      if (progress) changed.push(Object.assign(task, progress));
    }
    if (!changed.length) return [];
    const saved = await ctx.manager.save(changed);
    await this.schedules.assertSchedulable(ctx, projectId);
    return saved;
  }

  /**
   * The tasks' dates in the plan as this transaction sees it (a change earlier in it included),
   * read without the status date: work not recorded is taken to have happened as planned. As of
   * a status date, work not recorded would sit after it, which is what recording it corrects.
   */
  private async plannedDates(ctx: RequestContext, projectId: string): Promise<PlannedDates> {
    this.schedules.invalidate(ctx, projectId);
    const schedule = await this.schedules.forProject(ctx, projectId);
    if (!schedule.input.statusDate) return schedule.dates;
    return scheduleNetwork({ ...schedule.input, statusDate: null }).tasks;
  }
}
