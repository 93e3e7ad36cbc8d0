import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { DateScalar } from '../../common/scalars/date.scalar';
import { Project } from '../project/entities/project.entity';
import { Task } from '../schedule/entities/task.entity';
import { Stage } from '../plan/entities/stage.entity';
import { StageService } from './stage.service';

@Resolver(() => Stage)
export class StageResolver {
  constructor(private readonly stages: StageService) {}

  @ResolveField('plannedStart', () => DateScalar, { nullable: true })
  async plannedStart(@Ctx() ctx: RequestContext, @Parent() stage: Stage): Promise<string | null> {
    return (await this.stages.plannedWindow(ctx, stage))?.start ?? null;
  }

  @ResolveField('plannedFinish', () => DateScalar, { nullable: true })
  async plannedFinish(@Ctx() ctx: RequestContext, @Parent() stage: Stage): Promise<string | null> {
    return (await this.stages.plannedWindow(ctx, stage))?.finish ?? null;
  }
}

@Resolver(() => Project)
export class ProjectStagesResolver {
  constructor(private readonly stages: StageService) {}

  @ResolveField('stages', () => [Stage])
  stages_(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Stage[]> {
    return this.stages.byProject(ctx, project.id);
  }
}

@Resolver(() => Task)
export class TaskStageResolver {
  constructor(private readonly stages: StageService) {}

  @ResolveField('stage', () => Stage, { nullable: true })
  async stage(@Ctx() ctx: RequestContext, @Parent() task: Task): Promise<Stage | null> {
    return task.stageId ? ((await this.stages.loader(ctx).load(task.stageId)) ?? null) : null;
  }
}
