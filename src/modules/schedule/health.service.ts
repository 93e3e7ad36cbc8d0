import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../common/context/request-context';
import { Rag, worstRag } from '../reporting/rag.enum';
import { Project } from '../project/entities/project.entity';
import { BaselineService } from './baseline.service';
import { ProjectHealth } from './dto/project-health.type';
import { scheduleRag, varianceDays } from './engine/rollups';
import { ScheduleService } from './schedule.service';

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
    const [schedule, baselineFinish] = await Promise.all([
      this.schedules.forProject(ctx, project.id, project),
      known ? project.latestBaselineFinish ?? null : this.baselines.latest(ctx, project.id).then((b) => b?.finishDate ?? null),
    ]);
    const calendar = schedule.projectCalendar;
    const forecastFinish = schedule.finishDate;
    const scheduleRating = scheduleRag(forecastFinish, baselineFinish, project.timeToleranceDays, calendar);
    return {
      schedule: scheduleRating as Rag,
      // Schedule is the only dimension rated from data so far; the others come with status reports.
      overall: worstRag([scheduleRating as Rag]),
      forecastFinish,
      baselineFinish,
      varianceDays: baselineFinish ? varianceDays(calendar, baselineFinish, forecastFinish) : null,
    };
  }
}
