import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { GateDecisionInput } from './dto/gate-decision.input';
import { GateDecision } from './entities/gate-decision.entity';
import { Stage } from '../plan/entities/stage.entity';
import { StageLifecycleService } from './stage-lifecycle.service';

@Resolver(() => Stage)
export class StageLifecycleResolver {
  constructor(private readonly lifecycle: StageLifecycleService) {}

  @Transaction()
  @Mutation(() => Stage, { description: 'Project managers; only the first stage not closed, after the previous one closed' })
  startStage(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Stage> {
    return this.lifecycle.start(ctx, id);
  }

  @Transaction()
  @Mutation(() => Stage, { description: 'Project managers: the stage’s work is done, ACTIVE → AWAITING_GATE; a stage already awaiting an undecided gate is answered as it is, one whose gate was approved is refused (INVALID_STAGE_TRANSITION, saying when and by whom)' })
  submitStageForGate(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Stage> {
    return this.lifecycle.submitForGate(ctx, id);
  }

  @Transaction()
  @Mutation(() => Stage, { description: 'Steering committee; approving (with or without conditions) needs every MUST exit criterion confirmed or waived (GATE_CRITERIA_NOT_MET lists the others), rejecting is always possible and sends the stage back to ACTIVE' })
  decideGate(@Ctx() ctx: RequestContext, @Args('input') input: GateDecisionInput): Promise<Stage> {
    return this.lifecycle.decideGate(ctx, input);
  }

  @Transaction()
  @Mutation(() => Stage, { description: 'Project managers; needs every MUST exit criterion confirmed or waived and an approved gate' })
  closeStage(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<Stage> {
    return this.lifecycle.close(ctx, id);
  }

  @ResolveField('gateDecision', () => GateDecision, { nullable: true, description: 'The decision in force: the latest' })
  async gateDecision(@Ctx() ctx: RequestContext, @Parent() stage: Stage): Promise<GateDecision | null> {
    return (await this.decisions(ctx, stage.id)).at(-1) ?? null;
  }

  @ResolveField('gateDecisions', () => [GateDecision], { description: 'Every decision at this gate, oldest first' })
  gateDecisions(@Ctx() ctx: RequestContext, @Parent() stage: Stage): Promise<GateDecision[]> {
    return this.decisions(ctx, stage.id);
  }

  private decisions(ctx: RequestContext, stageId: string): Promise<GateDecision[]> {
    return byParentLoader(ctx, 'gateDecisions',
      (ids) => ctx.manager.find(GateDecision, { where: { stageId: In([...ids]) }, order: { decidedAt: 'ASC', id: 'ASC' } }),
      (d) => d.stageId!).load(stageId);
  }
}

@Resolver(() => GateDecision)
export class GateDecisionResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField('decidedBy', () => User)
  decidedBy(@Ctx() ctx: RequestContext, @Parent() decision: GateDecision): Promise<User> {
    return this.users.getById(ctx, decision.decidedById);
  }
}
