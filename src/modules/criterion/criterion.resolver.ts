import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { User } from '../auth/entities/user.entity';
import { UserService } from '../people/user.service';
import { CriterionStatus } from './criterion.enums';
import { CriterionService } from './criterion.service';
import { Confirmation } from './entities/confirmation.entity';
import { Criterion } from './entities/criterion.entity';

@Resolver(() => Criterion)
export class CriterionResolver {
  constructor(
    private readonly criteria: CriterionService,
    private readonly users: UserService,
  ) {}

  @ResolveField('status', () => CriterionStatus)
  status(@Ctx() ctx: RequestContext, @Parent() criterion: Criterion): Promise<CriterionStatus> {
    return this.criteria.status(ctx, criterion);
  }

  @ResolveField('confirmers', () => [User])
  async confirmers(@Ctx() ctx: RequestContext, @Parent() criterion: Criterion): Promise<User[]> {
    const ids = await this.criteria.confirmerIds(ctx, criterion.id);
    return Promise.all(ids.map((id) => this.users.getById(ctx, id)));
  }

  @ResolveField('waivedBy', () => User, { nullable: true })
  waivedBy(@Ctx() ctx: RequestContext, @Parent() criterion: Criterion): Promise<User> | null {
    return criterion.waivedById ? this.users.getById(ctx, criterion.waivedById) : null;
  }

  @ResolveField('confirmations', () => [Confirmation])
  confirmations(@Ctx() ctx: RequestContext, @Parent() criterion: Criterion): Promise<Confirmation[]> {
    return this.criteria.confirmations(ctx, criterion.id);
  }
}

@Resolver(() => Confirmation)
export class ConfirmationResolver {
  constructor(private readonly users: UserService) {}

  @ResolveField('user', () => User)
  user(@Ctx() ctx: RequestContext, @Parent() confirmation: Confirmation): Promise<User> {
    return this.users.getById(ctx, confirmation.userId);
  }
}
