import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requestContextOf } from '../../common/context/ctx.decorator';
import { DomainError, forbidden } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { OPERATION_POLICIES } from './operation-policies';
import { IS_PUBLIC } from './public.decorator';

const signInFirst = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>" from the login mutation');

/**
 * Reads OPERATION_POLICIES for every root GraphQL operation (nested fields inherit the access
 * their root checked); plain HTTP routes are refused unless marked @Public().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
      throw signInFirst();
    }
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    const root = info.parentType.name;
    if (root !== 'Query' && root !== 'Mutation') return true;
    const policy = OPERATION_POLICIES[root][info.fieldName];
    if (!policy) throw forbidden(`${root}.${info.fieldName} has no access policy and is refused`);
    if (policy === 'public') return true;
    const user = requestContextOf(context).user;
    if (!user) throw signInFirst();
    if (policy === 'admin' && !user.isAdmin) throw forbidden('Only an administrator may do this');
    return true;
  }
}
