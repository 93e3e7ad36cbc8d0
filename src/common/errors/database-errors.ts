import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_CHECK_VIOLATION = '23514';
const PG_INVALID_TEXT = '22P02';
const PG_STRING_TOO_LONG = '22001';

/**
 * A database refusal that a client's request can cause (mostly two requests racing past a
 * service's own check) as the refusal it is. The message never repeats the database's detail:
 * that names tables and columns and quotes the values.
 */
export function refusalFromDatabase(error: unknown): DomainError | null {
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
