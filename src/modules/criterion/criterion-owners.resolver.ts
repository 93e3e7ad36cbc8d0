import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Milestone } from '../plan/entities/milestone.entity';
import { Project } from '../project/entities/project.entity';
import { Stage } from '../plan/entities/stage.entity';
import { CriterionService } from './criterion.service';
import { Criterion } from './entities/criterion.entity';

/** The criteria seen from what they belong to: a stage, a milestone, the project. */
@Resolver(() => Stage)
export class StageCriteriaResolver {
  constructor(private readonly criteria: CriterionService) {}

  @ResolveField('exitCriteria', () => [Criterion])
  exitCriteria(@Ctx() ctx: RequestContext, @Parent() stage: Stage): Promise<Criterion[]> {
    return this.criteria.byStage(ctx, stage.id);
  }
}

@Resolver(() => Milestone)
export class MilestoneCriteriaResolver {
  constructor(private readonly criteria: CriterionService) {}

  @ResolveField('acceptanceCriteria', () => [Criterion])
  acceptanceCriteria(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<Criterion[]> {
    return this.criteria.byMilestone(ctx, milestone.id);
  }
}

@Resolver(() => Project)
export class ProjectCriteriaResolver {
  constructor(private readonly criteria: CriterionService) {}

  @ResolveField('criteria', () => [Criterion], { description: 'All criteria of the project, its stages and milestones' })
  criteria_(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<Criterion[]> {
    return this.criteria.byProject(ctx, project.id);
  }
}
