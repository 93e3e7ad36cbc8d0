import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../common/dataloaders/request-loaders';
import { ScheduleService } from '../schedule/schedule.service';
import { Stage } from '../plan/entities/stage.entity';

@Injectable()
export class StageService {
  constructor(private readonly schedules: ScheduleService) {}

  loader(ctx: RequestContext) {
    return byIdLoader(ctx, 'stages', (ids) => ctx.manager.findBy(Stage, { id: In([...ids]) }), (s) => s.id);
  }

  byProject(ctx: RequestContext, projectId: string): Promise<Stage[]> {
    return byParentLoader(ctx, 'stagesByProject',
      (ids) => ctx.manager.find(Stage, { where: { projectId: In([...ids]) }, order: { sequence: 'ASC' } }),
      (s) => s.projectId).load(projectId);
  }

  /** Earliest start and latest finish of the stage's tasks; null while it has none. */
  async plannedWindow(ctx: RequestContext, stage: Stage): Promise<{ start: string; finish: string } | null> {
    return this.schedules.stageWindow(await this.schedules.forProject(ctx, stage.projectId), stage.id);
  }
}
