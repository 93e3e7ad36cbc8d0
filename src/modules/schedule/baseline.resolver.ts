import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { BaselineService } from './baseline.service';
import { Baseline } from './entities/baseline.entity';

@Resolver(() => Baseline)
export class BaselineResolver {
  constructor(private readonly baselines: BaselineService) {}

  @Transaction()
  @Mutation(() => Baseline)
  captureBaseline(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('name') name: string,
  ): Promise<Baseline> {
    return this.baselines.capture(ctx, projectId, name);
  }
}
