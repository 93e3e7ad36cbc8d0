import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { IsNull } from 'typeorm';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { MaxChars } from '../../common/validation/bounded-args';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { Criterion } from '../criterion/entities/criterion.entity';
import { CriterionService } from '../criterion/criterion.service';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { Project } from '../project/entities/project.entity';
import { AcceptanceLogService } from './acceptance-log.service';
import { AcceptanceEvent } from './dto/acceptance-event.type';
import { ChangeProjectStatusInput } from './dto/change-project-status.input';
import { GateDecision } from './entities/gate-decision.entity';
import { Stage } from '../plan/entities/stage.entity';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { GateOutcome } from '../plan/stage.enums';
import { StageService } from './stage.service';

@Resolver(() => Project)
export class ProjectLifecycleResolver {
  constructor(
    private readonly lifecycle: ProjectLifecycleService,
    private readonly log: AcceptanceLogService,
  ) {}

  @Transaction()
  @Mutation(() => GateDecision, { description: 'A client-side steering committee member records the decision to move into support' })
  decideSupportTransition(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('outcome', { type: () => GateOutcome }) outcome: GateOutcome,
    @Args('conditions', { type: () => String, nullable: true }, MaxChars('conditions', INPUT_LIMITS.maxTextLength)) conditions: string | null,
  ): Promise<GateDecision> {
    return this.lifecycle.decideSupportTransition(ctx, projectId, outcome, conditions);
  }

  @Transaction()
  @Mutation(() => Project, { description: 'Project managers; IN_SUPPORT needs the completion criteria and the client’s approval' })
  changeProjectStatus(@Ctx() ctx: RequestContext, @Args('input') input: ChangeProjectStatusInput): Promise<Project> {
    return this.lifecycle.changeStatus(ctx, input);
  }

  @ResolveField('acceptanceLog', () => [AcceptanceEvent], { description: 'Confirmer assignments, confirmations, waivers and gate decisions, oldest first' })
  acceptanceLog(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<AcceptanceEvent[]> {
    return this.log.forProject(ctx, project.id);
  }

  @ResolveField('supportTransitionDecision', () => GateDecision, { nullable: true, description: 'The client’s latest decision on the move to support' })
  supportTransitionDecision(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<GateDecision | null> {
    return ctx.manager.findOne(GateDecision, { where: { projectId: project.id, stageId: IsNull() }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }
}

@Resolver(() => AcceptanceEvent)
export class AcceptanceEventResolver {
  constructor(
    private readonly users: UserService,
    private readonly stages: StageService,
    private readonly criteria: CriterionService,
  ) {}

  @ResolveField('user', () => User, { nullable: true, description: 'Who decided; null for a change the service made itself (the comment says why)' })
  user(@Ctx() ctx: RequestContext, @Parent() event: AcceptanceEvent): Promise<User> | null {
    return event.userId ? this.users.getById(ctx, event.userId) : null;
  }

  @ResolveField('stage', () => Stage, { nullable: true })
  async stage(@Ctx() ctx: RequestContext, @Parent() event: AcceptanceEvent): Promise<Stage | null> {
    return event.stageId ? ((await this.stages.loader(ctx).load(event.stageId)) ?? null) : null;
  }

  @ResolveField('criterion', () => Criterion, { nullable: true })
  async criterion(@Ctx() ctx: RequestContext, @Parent() event: AcceptanceEvent): Promise<Criterion | null> {
    return event.criterionId ? ((await this.criteria.loader(ctx).load(event.criterionId)) ?? null) : null;
  }

  @ResolveField('confirmers', () => [User], { nullable: true, description: 'For CONFIRMERS_SET: the confirmers the criterion needs from then on' })
  async confirmers(@Ctx() ctx: RequestContext, @Parent() event: AcceptanceEvent): Promise<User[] | null> {
    return event.confirmerIds ? Promise.all(event.confirmerIds.map((id) => this.users.getById(ctx, id))) : null;
  }
}
