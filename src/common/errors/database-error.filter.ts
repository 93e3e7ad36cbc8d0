import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { refusalFromDatabase, withoutQuery } from './database-errors';
import { DomainErrorFilter } from './domain-error.filter';
import { ErrorCode } from './error-codes';

const logger = new Logger('Database');

/**
 * Database errors never reach Nest's default handler, which logs the whole error object: the SQL
 * and its bound parameters (password hashes, token secrets). A refusal goes on as a DomainError;
 * anything else goes on, and is logged, without the query.
 */
@Catch(QueryFailedError)
export class DatabaseErrorFilter implements ExceptionFilter {
  private readonly refusals = new DomainErrorFilter();

  catch(error: QueryFailedError, host: ArgumentsHost): unknown {
    const refusal = refusalFromDatabase(error);
    if (refusal) return this.refusals.catch(refusal, host);
    const clean = withoutQuery(error);
    if (host.getType<string>() !== 'http') return clean;
    logger.error(clean.stack);
    host.switchToHttp().getResponse<Response>().status(HttpStatus.INTERNAL_SERVER_ERROR)
      .json({ code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error; the incident was logged' });
    return undefined;
  }
}
