import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../../../common/context/request-context';
import { Milestone } from '../../plan/entities/milestone.entity';
import { FunctionArea } from '../../project/entities/function-area.entity';
import { Territory } from '../../project/entities/territory.entity';
import { Baseline } from '../../schedule/entities/baseline.entity';
import { BaselineEntry } from '../../schedule/entities/baseline-entry.entity';
import { ScheduleService, type ProjectSchedule } from '../../schedule/schedule.service';

/** Everything the plan workbook shows, read in a handful of statements whatever the plan's size. */
export interface PlanData {
  schedule: ProjectSchedule;
  milestones: Milestone[];
  areas: FunctionArea[];
  territories: Territory[];
  baseline: Baseline | null;
  baselineEntries: BaselineEntry[];
}

@Injectable()
export class PlanDataLoader {
  constructor(private readonly schedules: ScheduleService) {}

  /** The plan through the schedule read path (cached per plan version), plus what its rows name. */
  async load(ctx: RequestContext, projectId: string): Promise<PlanData> {
    const schedule = await this.schedules.forProject(ctx, projectId);
    const em = ctx.manager;
    const [milestones, areas, territories, baseline] = await Promise.all([
      em.find(Milestone, { where: { projectId } }),
      em.find(FunctionArea, { where: { projectId }, order: { name: 'ASC' } }),
      em.find(Territory, { where: { projectId }, order: { name: 'ASC' } }),
      em.findOne(Baseline, { where: { projectId }, order: { capturedAt: 'DESC', id: 'DESC' } }),
    ]);
    const baselineEntries = baseline ? await em.find(BaselineEntry, { where: { baselineId: baseline.id } }) : [];
    return { schedule, milestones, areas, territories, baseline, baselineEntries };
  }
}
