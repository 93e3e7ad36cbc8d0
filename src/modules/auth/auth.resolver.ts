import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { AuthService } from './auth.service';
import { AuthPayload } from './dto/auth-payload.type';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload)
  login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayload> {
    return this.auth.login(email, password);
  }

  // Runs its own transaction (AuthService.changePassword): a refusal still records the failure.
  @Mutation(() => AuthPayload, { description: 'Revokes every token issued before; returns a fresh one' })
  changePassword(
    @Ctx() ctx: RequestContext,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayload> {
    return this.auth.changePassword(ctx, currentPassword, newPassword);
  }
}
