import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { Milestone } from '../plan/entities/milestone.entity';
import { Project } from '../project/entities/project.entity';
import { CalendarFeedService } from './calendar-feed.service';
import { MilestoneReadiness } from './dto/milestone-readiness.type';
import { TrainingSession } from './entities/training-session.entity';
import { ReadinessService } from './readiness.service';
import { TrainingService } from './training.service';

@Resolver(() => Project)
export class ProjectTrainingResolver {
  constructor(
    private readonly training: TrainingService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @ResolveField('trainingSessions', () => [TrainingSession])
  trainingSessions(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<TrainingSession[]> {
    return this.training.byProject(ctx, project.id);
  }

  @ResolveField('trainingCalendarUrl', () => String, {
    description: 'iCalendar feed of the sessions; works without a login header. Personal: it stops working when you leave the project, when it is revoked, or after TRAINING_FEED_TTL_DAYS (180 by default)',
  })
  trainingCalendarUrl(@Ctx() ctx: RequestContext, @Parent() project: Project): string {
    return this.feeds.urlFor(ctx, project);
  }

  @Transaction()
  @Mutation(() => Project, { description: 'Replaces the project’s feed secret: every trainingCalendarUrl issued so far stops working' })
  revokeTrainingCalendarUrl(@Ctx() ctx: RequestContext, @Args('projectId', { type: () => ID }) projectId: string): Promise<Project> {
    return this.feeds.revoke(ctx, projectId);
  }
}

@Resolver(() => Milestone)
export class MilestoneReadinessResolver {
  constructor(private readonly readiness: ReadinessService) {}

  @ResolveField('readiness', () => MilestoneReadiness)
  readiness_(@Ctx() ctx: RequestContext, @Parent() milestone: Milestone): Promise<MilestoneReadiness> {
    return this.readiness.forMilestone(ctx, milestone);
  }
}
