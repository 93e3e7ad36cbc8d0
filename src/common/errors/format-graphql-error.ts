import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { TOO_COMPLEX } from '../graphql/query-limits';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));
const logger = new Logger('GraphQL');

/** Apollo's own codes for requests that never reached a resolver. */
const APOLLO_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

const PG_UNIQUE_VIOLATION = '23505';
const PG_FOREIGN_KEY_VIOLATION = '23503';
const PG_CHECK_VIOLATION = '23514';
const PG_INVALID_TEXT = '22P02';
const PG_STRING_TOO_LONG = '22001';

function fromHttpException(error: HttpException): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
  const status = error.getStatus();
  const response = error.getResponse() as { message?: string | string[] } | string;
  const messages = typeof response === 'string' ? [response] : [response.message ?? error.message].flat();
  const code = status === 401 ? ErrorCode.UNAUTHENTICATED : status === 403 ? ErrorCode.FORBIDDEN
    : status === 404 ? ErrorCode.NOT_FOUND : status === 429 ? ErrorCode.TOO_MANY_REQUESTS : ErrorCode.BAD_USER_INPUT;
  return { code, message: messages.map(String).join('; ') };
}

function fromDatabaseError(error: QueryFailedError & { code?: string; detail?: string }) {
  switch (error.code) {
    case PG_UNIQUE_VIOLATION:
      return { code: ErrorCode.DUPLICATE, message: `Already exists: ${error.detail ?? 'a unique value is taken'}` };
    case PG_FOREIGN_KEY_VIOLATION:
      return { code: ErrorCode.NOT_FOUND, message: 'A referenced record does not exist' };
    case PG_CHECK_VIOLATION:
    case PG_INVALID_TEXT:
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value is out of its allowed range or format' };
    case PG_STRING_TOO_LONG:
      return { code: ErrorCode.BAD_USER_INPUT, message: 'A value is longer than its field allows' };
    default:
      return null;
  }
}

/**
 * The one place that turns whatever a request threw into the contract's error shape: a code
 * from API.graphql, a message a person can act on, details in extensions, and no stack trace
 * or SQL outside development.
 */
export function createGraphQLErrorFormatter(isDevelopment: boolean) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = raw instanceof GraphQLError ? (raw.originalError ?? raw) : raw;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    const debug = (error: unknown) =>
      isDevelopment && error instanceof Error ? { stacktrace: error.stack?.split('\n') } : {};

    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details, ...debug(original) } };
    }
    if (original instanceof HttpException) {
      const mapped = fromHttpException(original);
      return { ...base, message: mapped.message, extensions: { code: mapped.code, ...debug(original) } };
    }
    if (original instanceof QueryFailedError) {
      const mapped = fromDatabaseError(original as QueryFailedError & { code?: string });
      if (mapped) return { ...base, message: mapped.message, extensions: { code: mapped.code, ...debug(original) } };
    }
    if (formatted.extensions?.[TOO_COMPLEX]) {
      return { ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CONTRACT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _omit, ...rest } = formatted.extensions ?? {};
      return { ...base, extensions: { ...rest, code, ...debug(original) } };
    }
    if (APOLLO_INPUT_CODES.has(code)) {
      return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    return {
      ...base,
      message: isDevelopment ? formatted.message : 'Internal server error; the incident was logged',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...debug(original) },
    };
  };
}
