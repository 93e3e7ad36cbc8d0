import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Project } from '../project/entities/project.entity';
import { Task } from '../schedule/entities/task.entity';
import { Milestone } from '../plan/entities/milestone.entity';
import { MilestoneService } from './milestone.service';

@Resolver(() => Project)
export class ProjectMilestonesResolver {
  constructor(private readonly milestones: MilestoneService) {}

  @ResolveField('milestones', () => [Milestone])
  milestones_(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Milestone[]> {
    return this.milestones.byProject(ctx, project.id);
  }
}

@Resolver(() => Task)
export class TaskMilestoneResolver {
  constructor(private readonly milestones: MilestoneService) {}

  @ResolveField('milestone', () => Milestone, { nullable: true })
  async milestone(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<Milestone | null> {
    return task.milestoneId ? ((await this.milestones.loader(ctx).load(task.milestoneId)) ?? null) : null;
  }
}
