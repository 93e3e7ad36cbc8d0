import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { requestContextOf } from '../../common/context/ctx.decorator';
import { DomainError, forbidden } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from './access.service';
import { OPERATION_POLICIES } from './operation-policies';
import { AuthService } from './auth.service';
import { namedProject, resolveProjectScope } from './project-scope';
import { IS_PUBLIC } from './public.decorator';

const signInFirst = () =>
  new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>" from the login mutation');

/**
 * Enforces OPERATION_POLICIES for every root GraphQL operation before it runs: sign-in, the
 * administrator's right, and the caller's role in the project the operation's arguments name
 * (nested fields inherit the access their root checked). Plain HTTP routes are refused unless
 * marked @Public().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
      throw signInFirst();
    }
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const root = info.parentType.name;
    if (root !== 'Query' && root !== 'Mutation') return true;
    const policy = OPERATION_POLICIES[root][info.fieldName];
    if (!policy) throw forbidden(`${root}.${info.fieldName} has no access policy and is refused`);
    const ctx = requestContextOf(context);
    // The session's user is read with the operation's first statement: for an operation on a
    // project named in its arguments, with the caller's roles there and (a query only: a
    // mutation reads its rows inside its transaction) the project row.
    const projectId = typeof policy === 'object' ? namedProject(policy.scope, gql.getArgs()) : null;
    await this.auth.settleSession(ctx, projectId ? { projectId, project: root === 'Query' } : undefined);
    if (policy === 'public') return true;
    if (!ctx.user) throw signInFirst();
    if (policy === 'signedIn') return true;
    if (policy === 'admin') {
      if (!ctx.user.isAdmin) throw forbidden('Only an administrator may do this');
      return true;
    }
    if (policy === 'memberManagers') {
      if (!(await this.access.managesMembersAnywhere(ctx))) {
        throw forbidden('Only administrators and project managers look people up (to add them as members)');
      }
      return true;
    }
    const subject = await resolveProjectScope(ctx, policy.scope, gql.getArgs());
    await this.access.assertCan(ctx, subject.projectId, policy.project, subject);
    ctx.recordProjectOfOperation(info.path.key, subject.projectId);
    return true;
  }
}
