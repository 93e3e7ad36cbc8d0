import { CallHandler, ExecutionContext, Injectable, NestInterceptor, UseInterceptors } from '@nestjs/common';
import { from, lastValueFrom, Observable } from 'rxjs';
import { requestContextOf } from './ctx.decorator';

@Injectable()
export class TransactionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = requestContextOf(context);
    return from(ctx.inTransaction(() => lastValueFrom(next.handle())));
  }
}

/** One mutation, one transaction: a refusal anywhere rolls back everything it wrote. */
export const Transaction = (): MethodDecorator & ClassDecorator => UseInterceptors(TransactionInterceptor);
