import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { TOO_COMPLEX } from '../graphql/query-limits';
import { refusalFromDatabase, withoutQuery } from './database-errors';
import { DomainError } from './domain-error';
import { ErrorCode } from './error-codes';

const CONTRACT_CODES = new Set<string>(Object.values(ErrorCode));
const logger = new Logger('GraphQL');

/** Apollo's own codes for requests that never reached a resolver. */
const APOLLO_INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

function fromHttpException(error: HttpException): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
  const status = error.getStatus();
  const response = error.getResponse() as { message?: string | string[] } | string;
  const messages = typeof response === 'string' ? [response] : [response.message ?? error.message].flat();
  const code = status === 401 ? ErrorCode.UNAUTHENTICATED : status === 403 ? ErrorCode.FORBIDDEN
    : status === 404 ? ErrorCode.NOT_FOUND : status === 429 ? ErrorCode.TOO_MANY_REQUESTS : ErrorCode.BAD_USER_INPUT;
  return { code, message: messages.map(String).join('; ') };
}

/**
 * The field a variable's value was refused for, named as the DTOs' own refusals name it: graphql-js
 * says `Variable "$i" got invalid value … at "i.startDate"` (the field of an input object) or just
 * `Variable "$startDate" got invalid value …` (a whole argument).
 */
export function fieldOfVariableError(message: string): string | undefined {
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value/.exec(message);
  if (!variable) return undefined;
  const at = / at "([^"]+)"/.exec(message.slice(variable[0].length, variable[0].length + 300));
  if (!at) return variable[1];
  // graphql-js writes list positions as [n]: "ids[2]" names ids, "i.lines[0].name" lines.name.
  return at[1].replace(/\[\d+\]/g, '').split('.').slice(1).join('.') || variable[1];
}

/**
 * graphql-js ends some messages with a guess at what was meant (`Did you mean "projects"?`), which
 * names parts of the schema; outside development the sentence is dropped, so that the message still
 * reads as a sentence. It is always last: a client's value quoted earlier cannot be cut.
 */
export const withoutSuggestion = (message: string): string => message.replace(/ ?Did you mean [^?]*\?$/, '');

/**
 * The one place that turns whatever a request threw into the contract's error shape: a code
 * from API.graphql, a message a person can act on, details in extensions, and no stack trace
 * or SQL outside development.
 */
export function createGraphQLErrorFormatter(isDevelopment: boolean) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const original = raw instanceof GraphQLError ? (raw.originalError ?? raw) : raw;
    const base = { message: isDevelopment ? formatted.message : withoutSuggestion(formatted.message), locations: formatted.locations, path: formatted.path };
    const debug = (error: unknown) =>
      isDevelopment && error instanceof Error ? { stacktrace: error.stack?.split('\n') } : {};

    if (original instanceof DomainError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details, ...debug(original) } };
    }
    if (original instanceof HttpException) {
      const mapped = fromHttpException(original);
      return { ...base, message: mapped.message, extensions: { code: mapped.code, ...debug(original) } };
    }
    // Field resolvers run without Nest's exception filters: database errors are mapped here too.
    const refusal = refusalFromDatabase(original);
    if (refusal) return { ...base, message: refusal.message, extensions: { code: refusal.code, ...refusal.details, ...debug(original) } };
    if (formatted.extensions?.[TOO_COMPLEX]) {
      return { ...base, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CONTRACT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _omit, ...rest } = formatted.extensions ?? {};
      const field = rest.field ?? fieldOfVariableError(base.message);
      return { ...base, extensions: { ...rest, code, ...(field ? { field } : {}), ...debug(original) } };
    }
    if (APOLLO_INPUT_CODES.has(code)) {
      const message = code === 'PERSISTED_QUERY_NOT_SUPPORTED' ? 'Persisted queries are not supported; send the query text'
        // Apollo's own wording tells the client to reconfigure the server.
        : /introspection is not allowed/i.test(base.message) ? 'Introspection is off on this service (GRAPHQL_INTROSPECTION=false); read schema.gql instead'
        : base.message;
      return { ...base, message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason: code } };
    }
    const logged = original instanceof QueryFailedError ? withoutQuery(original) : original;
    logger.error(logged instanceof Error ? (logged.stack ?? logged.message) : String(logged));
    return {
      ...base,
      message: isDevelopment ? formatted.message : 'Internal server error; the incident was logged',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...debug(original) },
    };
  };
}
