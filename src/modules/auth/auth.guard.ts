import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { requestContextOf } from '../../common/context/ctx.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { IS_PUBLIC } from './public.decorator';

/** Every operation needs a valid token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (context.getType<string>() !== 'graphql') {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    }
    if (!requestContextOf(context).user) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first: send "Authorization: Bearer <token>" from the login mutation');
    }
    return true;
  }
}
