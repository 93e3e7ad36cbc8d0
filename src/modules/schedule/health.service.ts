import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { Milestone } from '../plan/entities/milestone.entity';
import { Rag, worstRag } from './rag.enum';
import { Project } from '../project/entities/project.entity';
import { BaselineService } from './baseline.service';
import { ProjectHealth } from './dto/project-health.type';
import { BaselineEntry } from './entities/baseline-entry.entity';
import { Baseline } from './entities/baseline.entity';
import { varianceDays } from './engine/rollups';
import { MilestoneVariance, rateSchedule, ScheduleRating } from './engine/schedule-rating';
import { ProjectSchedule, ScheduleService } from './schedule.service';

/** A milestone's go-live dates as a schedule reads them against the latest baseline. */
export interface MilestoneGoLive extends MilestoneVariance {
  milestoneId: string;
}

/** The schedule rating with everything it was measured from. */
export interface ScheduleMeasure extends ScheduleRating {
  forecastFinish: string;
  baselineFinish: string | null;
  /** Forecast minus baseline finish, working days of the project calendar; null without a baseline. */
  finishVarianceDays: number | null;
  /** The milestones given, in their order. */
  milestones: MilestoneGoLive[];
}

/** What the schedule is measured against: the latest baseline's finish and milestone go-lives. */
export interface BaselineDates {
  finishDate: string;
  goLives: ReadonlyMap<string, string | null>;
}

@Injectable()
export class HealthService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly baselines: BaselineService,
  ) {}

  async forProject(ctx: RequestContext, project: Project): Promise<ProjectHealth> {
    const schedule = await this.schedules.forProject(ctx, project.id, project);
    // Read with the project's row when it came through the ORM outside a mutation (a row read
    // before this request's own writes may predate a baseline it captured).
    const known = project.latestBaselineFinish !== undefined && project.latestBaselineGoLives !== undefined && !ctx.hasWritten;
    const baseline = known
      ? project.latestBaselineFinish ? { finishDate: project.latestBaselineFinish, goLives: new Map(Object.entries(project.latestBaselineGoLives ?? {})) } : null
      : await this.latestBaseline(ctx, project.id);
    // Names only make the basis, which health does not show: the schedule knows every milestone's id.
    const milestones = [...schedule.milestoneCalendars.keys()].map((id) => ({ id, name: id }));
    const measure = this.measure(schedule, project.timeToleranceDays, baseline, milestones);
    return {
      schedule: measure.rating as Rag,
      // Schedule is the only dimension rated from the plan alone; the others are the status reports'.
      overall: worstRag([measure.rating as Rag]),
      forecastFinish: measure.forecastFinish,
      baselineFinish: measure.baselineFinish,
      varianceDays: measure.finishVarianceDays,
    };
  }

  /**
   * The schedule rating of a schedule (as of whatever status date it was computed for) against
   * the latest baseline (REPORTING.md "Computed ratings"): Project.health and status reports
   * both rate through here. Each milestone's variance is in its own calendar.
   */
  measure(schedule: ProjectSchedule, toleranceDays: number, baseline: BaselineDates | null, milestones: readonly { id: string; name: string }[]): ScheduleMeasure {
    const calendar = schedule.projectCalendar;
    const forecastFinish = schedule.finishDate;
    const baselineFinish = baseline?.finishDate ?? null;
    const finishVarianceDays = baselineFinish ? varianceDays(calendar, baselineFinish, forecastFinish) : null;
    const rows: MilestoneGoLive[] = milestones.map((m) => {
      const forecastGoLive = this.schedules.milestoneWindow(schedule, m.id)?.goLive ?? null;
      const baselineGoLive = baseline?.goLives.get(m.id) ?? null;
      const own = schedule.milestoneCalendars.get(m.id) ?? calendar;
      return {
        milestoneId: m.id, name: m.name, baselineGoLive, forecastGoLive,
        varianceDays: baselineGoLive && forecastGoLive ? varianceDays(own, baselineGoLive, forecastGoLive) : null,
      };
    });
    const rating = rateSchedule({ toleranceDays, forecastFinish, baselineFinish, finishVarianceDays, milestones: rows });
    return { ...rating, forecastFinish, baselineFinish, finishVarianceDays, milestones: rows };
  }

  /** The latest baseline with its milestone go-lives, or null; batched across projects of a request. */
  async latestBaseline(ctx: RequestContext, projectId: string): Promise<(BaselineDates & { baseline: Baseline }) | null> {
    const latest = await this.baselines.latest(ctx, projectId);
    if (!latest) return null;
    const entries = await byParentLoader(ctx, 'baselineMilestoneEntries',
      (ids) => ctx.manager.find(BaselineEntry, { where: { baselineId: In([...ids]), milestoneId: Not(IsNull()) }, select: { baselineId: true, milestoneId: true, finish: true } }),
      (e) => e.baselineId).load(latest.id);
    return { baseline: latest, finishDate: latest.finishDate, goLives: new Map(entries.map((e) => [e.milestoneId!, e.finish])) };
  }

  /** The project's milestones by name; one statement for every project of the request. */
  milestonesOf(ctx: RequestContext, projectId: string): Promise<Milestone[]> {
    return byParentLoader(ctx, 'healthMilestonesByProject',
      (ids) => ctx.manager.find(Milestone, { where: { projectId: In([...ids]) }, order: { name: 'ASC', id: 'ASC' } }),
      (m) => m.projectId).load(projectId);
  }
}
