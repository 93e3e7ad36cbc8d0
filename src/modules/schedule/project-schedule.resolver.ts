import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Project } from '../project/entities/project.entity';
import { BaselineService } from './baseline.service';
import { ProjectHealth } from './dto/project-health.type';
import { ScheduleType } from './dto/schedule.type';
import { Baseline } from './entities/baseline.entity';
import { HealthService } from './health.service';
import { Task } from './entities/task.entity';
import { ScheduleService } from './schedule.service';

/** The plan as seen from its project. */
@Resolver(() => Project)
export class ProjectScheduleResolver {
  constructor(
    private readonly schedules: ScheduleService,
    private readonly baselines: BaselineService,
    private readonly health_: HealthService,
  ) {}

  @ResolveField('baselines', () => [Baseline], { description: 'Newest first' })
  baselines_(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Baseline[]> {
    return this.baselines.byProject(ctx, project.id);
  }

  @ResolveField('health', () => ProjectHealth)
  health(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<ProjectHealth> {
    return this.health_.forProject(ctx, project);
  }

  @ResolveField('tasks', () => [Task])
  async tasks(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Task[]> {
    return (await this.schedules.forProject(ctx, project.id, project)).inDateOrder();
  }

  @ResolveField('schedule', () => ScheduleType)
  async schedule(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<ScheduleType> {
    const schedule = await this.schedules.forProject(ctx, project.id, project);
    return {
      start: schedule.start,
      finishDate: schedule.finishDate,
      criticalPath: schedule.criticalPath.map((id) => schedule.dates.get(id)!),
    };
  }
}
