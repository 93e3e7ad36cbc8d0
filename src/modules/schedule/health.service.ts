import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { Milestone } from '../milestone/entities/milestone.entity';
import { Rag, worstRag } from '../reporting/rag.enum';
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
  actualGoLive: string | null;
}

/** The schedule rating with everything it was measured from. */
export interface ScheduleMeasure extends ScheduleRating {
  forecastFinish: string;
  baselineFinish: string | null;
  /** Forecast minus baseline finish, working days of the project calendar; null without a baseline. */
  finishVarianceDays: number | null;
  /** Every milestone of the project, by name. */
  milestones: MilestoneGoLive[];
}

@Injectable()
export class HealthService {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly baselines: BaselineService,
  ) {}

  async forProject(ctx: RequestContext, project: Project): Promise<ProjectHealth> {
    // Read with the project's row when it came through the ORM outside a mutation (a row read
    // before this request's own writes may predate a baseline it captured).
    const known = project.latestBaselineFinish !== undefined && !ctx.hasWritten;
    const schedule = await this.schedules.forProject(ctx, project.id, project);
    const measure = await this.measure(ctx, schedule, project.timeToleranceDays, known ? project.latestBaselineFinish ?? null : undefined);
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
   * both rate through here. Two statements per request and project at most (baseline entries of
   * the milestones, the milestones), batched across projects.
   */
  async measure(ctx: RequestContext, schedule: ProjectSchedule, toleranceDays: number, knownBaselineFinish?: string | null): Promise<ScheduleMeasure> {
    const projectId = schedule.project.id;
    const latest = await this.baselines.latest(ctx, projectId);
    const baselineFinish = knownBaselineFinish !== undefined ? knownBaselineFinish : latest?.finishDate ?? null;
    const [milestones, goLives] = await Promise.all([this.milestonesOf(ctx, projectId), latest ? this.baselineGoLives(ctx, latest) : new Map<string, string | null>()]);
    const calendar = schedule.projectCalendar;
    const forecastFinish = schedule.finishDate;
    const finishVarianceDays = baselineFinish ? varianceDays(calendar, baselineFinish, forecastFinish) : null;
    const rows: MilestoneGoLive[] = milestones.map((m) => {
      const forecastGoLive = this.schedules.milestoneWindow(schedule, m.id)?.goLive ?? null;
      const baselineGoLive = goLives.get(m.id) ?? null;
      const own = schedule.milestoneCalendars.get(m.id) ?? calendar;
      return {
        milestoneId: m.id, name: m.name, actualGoLive: m.actualGoLive, baselineGoLive, forecastGoLive,
        varianceDays: baselineGoLive && forecastGoLive ? varianceDays(own, baselineGoLive, forecastGoLive) : null,
      };
    });
    const rating = rateSchedule({ toleranceDays, forecastFinish, baselineFinish, finishVarianceDays, milestones: rows });
    return { ...rating, forecastFinish, baselineFinish, finishVarianceDays, milestones: rows };
  }

  /** The project's milestones by name; one statement for every project of the request. */
  milestonesOf(ctx: RequestContext, projectId: string): Promise<Milestone[]> {
    return byParentLoader(ctx, 'healthMilestonesByProject',
      (ids) => ctx.manager.find(Milestone, { where: { projectId: In([...ids]) }, order: { name: 'ASC', id: 'ASC' } }),
      (m) => m.projectId).load(projectId);
  }

  /** Each milestone's go-live in the baseline; one statement for all baselines asked for in the request. */
  private async baselineGoLives(ctx: RequestContext, baseline: Baseline): Promise<Map<string, string | null>> {
    const entries = await byParentLoader(ctx, 'baselineMilestoneEntries',
      (ids) => ctx.manager.find(BaselineEntry, { where: { baselineId: In([...ids]), milestoneId: Not(IsNull()) }, select: { baselineId: true, milestoneId: true, finish: true } }),
      (e) => e.baselineId).load(baseline.id);
    return new Map(entries.filter((e) => e.milestoneId).map((e) => [e.milestoneId!, e.finish]));
  }
}
