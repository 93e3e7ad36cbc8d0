import { QueryFailedError } from 'typeorm';
import { busy } from '../database/write-gate';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_CHECK_VIOLATION = '23514';
const PG_INVALID_TEXT = '22P02';
const PG_STRING_TOO_LONG = '22001';
const PG_LOCK_NOT_AVAILABLE = '55P03';
const PG_QUERY_CANCELED = '57014';

/** What `pg` says when the server did not answer a query in time (query_timeout) or the pool had no connection in time. */
const CLIENT_TIMEOUTS = /^(Query read timeout|timeout exceeded when trying to connect|Connection terminated due to connection timeout)$/;

/**
 * The database was too slow or too busy for this request: a lock wait past lock_timeout, a
 * statement past statement_timeout, no answer or no free connection in time. Nothing was
 * changed (the transaction rolls back), so the client may send it again.
 */
export function busyFromDatabase(error: unknown): DomainError | null {
  if (!(error instanceof Error)) return null;
  const code = (error as Error & { code?: string }).code;
  if (code === PG_LOCK_NOT_AVAILABLE) {
    return busy('Another change holds what this one needs (its project or a person it names); nothing was changed; try again');
  }
  if (code === PG_QUERY_CANCELED || CLIENT_TIMEOUTS.test(error.message)) {
    return busy('The database did not answer in time (it may be busy); nothing was changed; try again');
  }
  return null;
}

/**
 * A database refusal that a client's request can cause (mostly two requests racing past a
 * service's own check) as the refusal it is. The message never repeats the database's detail:
 * that names tables and columns and quotes the values.
 */
export function refusalFromDatabase(error: unknown): DomainError | null {
  const tooBusy = busyFromDatabase(error);
  if (tooBusy) return tooBusy;
  if (!(error instanceof QueryFailedError)) return null;
  switch ((error as QueryFailedError & { code?: string }).code) {
    case PG_UNIQUE_VIOLATION:
      return new DomainError(ErrorCode.DUPLICATE, 'This already exists (another request may just have created it); reload and try again');
    case PG_FOREIGN_KEY_VIOLATION:
      return new DomainError(ErrorCode.NOT_FOUND, 'A referenced record does not exist (it may just have been removed)');
    case PG_CHECK_VIOLATION:
    case PG_INVALID_TEXT:
      return new DomainError(ErrorCode.BAD_USER_INPUT, 'A value is out of its allowed range or format');
    case PG_STRING_TOO_LONG:
      return new DomainError(ErrorCode.BAD_USER_INPUT, 'A value is longer than its field allows');
    default:
      return null;
  }
}

/**
 * Any other database failure without the SQL text and bound parameters TypeORM attaches (they can
 * hold password hashes or tokens): what is logged and reported keeps the message and the code.
 */
export function withoutQuery(error: QueryFailedError & { code?: string }): Error {
  const clean = new Error(`Database error${error.code ? ` ${error.code}` : ''}: ${error.message}`);
  clean.stack = `${clean.message}\n${(error.stack ?? '').split('\n').slice(1).join('\n')}`;
  return clean;
}
