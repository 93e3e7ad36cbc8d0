import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { MaxItems } from '../../common/validation/bounded-args';
import { ConfirmationDecision } from './criterion.enums';
import { CriterionCommandService } from './criterion-commands.service';
import { AddCriterionInput, MAX_CONFIRMERS } from './dto/add-criterion.input';
import { BulkConfirmersResult, SetConfirmersInBulkInput } from './dto/set-confirmers-in-bulk.input';
import { Criterion } from './entities/criterion.entity';

@Resolver(() => Criterion)
export class CriterionCommandsResolver {
  constructor(private readonly commands: CriterionCommandService) {}

  @Transaction()
  @Mutation(() => Criterion)
  addCriterion(@Ctx() ctx: RequestContext, @Args('input') input: AddCriterionInput): Promise<Criterion> {
    return this.commands.add(ctx, input);
  }

  @Transaction()
  @Mutation(() => Criterion, { description: 'Replaces the confirmers of a criterion (project managers)' })
  setCriterionConfirmers(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('confirmerIds', { type: () => [ID] }, MaxItems('confirmerIds', MAX_CONFIRMERS)) confirmerIds: string[],
  ): Promise<Criterion> {
    return this.commands.setConfirmers(ctx, id, version, confirmerIds);
  }

  @Transaction()
  @Mutation(() => BulkConfirmersResult, {
    description: 'Project managers: confirmers for many criteria that are not final in one call — a stage’s exit criteria, or the acceptance criteria of a function area’s ' +
      '(and/or territory’s) milestones; no versions. Each person is added where eligible and reported in `skipped` elsewhere; someone eligible for none is refused (BAD_USER_INPUT)',
  })
  setConfirmersInBulk(@Ctx() ctx: RequestContext, @Args('input') input: SetConfirmersInBulkInput): Promise<BulkConfirmersResult> {
    return this.commands.setInBulk(ctx, input);
  }

  @Transaction()
  @Mutation(() => Criterion)
  confirmCriterion(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
  ): Promise<Criterion> {
    return this.commands.decide(ctx, id, ConfirmationDecision.CONFIRMED, comment);
  }

  @Transaction()
  @Mutation(() => Criterion)
  rejectCriterion(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('comment') comment: string,
  ): Promise<Criterion> {
    return this.commands.decide(ctx, id, ConfirmationDecision.REJECTED, comment);
  }

  @Transaction()
  @Mutation(() => Criterion)
  waiveCriterion(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<Criterion> {
    return this.commands.waive(ctx, id, reason);
  }
}
