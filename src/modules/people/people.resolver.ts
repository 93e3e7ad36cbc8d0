import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { CreateUserInput } from './dto/create-user.input';
import { Membership } from '../auth/entities/membership.entity';
import { User } from '../auth/entities/user.entity';
import { MembershipService } from './membership.service';
import { ProjectRole } from '../auth/auth.enums';
import { UserService } from './user.service';

@Resolver(() => Membership)
export class PeopleResolver {
  constructor(
    private readonly users: UserService,
    private readonly memberships: MembershipService,
  ) {}

  @Transaction()
  @Mutation(() => User, { description: 'Administrators only' })
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: CreateUserInput): Promise<User> {
    return this.users.createUser(ctx, input);
  }

  @Transaction()
  @Mutation(() => Membership)
  addMember(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => ProjectRole }) role: ProjectRole,
  ): Promise<Membership> {
    return this.memberships.addMember(ctx, projectId, userId, role);
  }

  @Transaction()
  @Mutation(() => Boolean, { description: 'Takes one role away; refused for the only project manager, and for a last role while open work names the person' })
  removeMember(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => ProjectRole }) role: ProjectRole,
  ): Promise<boolean> {
    return this.memberships.removeMember(ctx, projectId, userId, role);
  }

  @ResolveField('user', () => User)
  user(@Ctx() ctx: RequestContext, @Parent() membership: Membership): Promise<User> {
    return this.users.getById(ctx, membership.userId);
  }
}
