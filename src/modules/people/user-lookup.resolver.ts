import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { MaxChars } from '../../common/validation/bounded-args';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { User } from '../auth/entities/user.entity';
import { UserService } from './user.service';

/** Who is signed in, and the people look-up: finding a colleague's id to add them as a member. */
@Resolver(() => User)
export class UserLookupResolver {
  constructor(private readonly userService: UserService) {}

  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: RequestContext): Promise<User | null> {
    return ctx.user ? this.userService.findById(ctx, ctx.user.id) : Promise.resolve(null);
  }

  @Query(() => [User], { description: 'People whose name or email contains search (2 characters or more), for adding members: administrators and project managers only' })
  users(
    @Ctx() ctx: RequestContext,
    @Args('search', MaxChars('search', INPUT_LIMITS.maxNameLength)) search: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<User[]> {
    return this.userService.search(ctx, search, first ?? 20);
  }
}
