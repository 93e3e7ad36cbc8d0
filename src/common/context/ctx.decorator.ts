import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { RequestContext } from './request-context';

export interface GraphQLContext {
  req: { headers: Record<string, string | string[] | undefined>; ip?: string };
  ctx: RequestContext;
}

export const requestContextOf = (context: ExecutionContext): RequestContext =>
  GqlExecutionContext.create(context).getContext<GraphQLContext>().ctx;

/** Injects the RequestContext into a resolver method. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext) => requestContextOf(context));
