import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, Observable } from 'rxjs';
import { WriteGate } from '../database/write-gate';
import { requestContextOf } from './ctx.decorator';

@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  constructor(private readonly gate: WriteGate) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = requestContextOf(context);
    // The project the access guard found the operation acting in (none for e.g. createProject).
    const projectId = ctx.projectOfOperation(GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().path.key);
    return from(this.gate.run(projectId, () => ctx.inTransaction(() => lastValueFrom(next.handle()))));
  }
}

/** One mutation, one transaction: a refusal anywhere rolls back everything it wrote. */
export const Transaction = (): MethodDecorator & ClassDecorator => UseInterceptors(TransactionInterceptor);
