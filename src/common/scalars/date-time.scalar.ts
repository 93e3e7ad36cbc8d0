import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { echo } from '../validation/input-limits';
import { ErrorCode } from '../errors/error-codes';

/** An instant must say which offset it is in: a training at "10:00" means nothing across time zones. */
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const refuse = (value: unknown): GraphQLError =>
  new GraphQLError(
    `"${echo(value)}" is not an ISO 8601 instant with an offset, e.g. 2026-03-02T10:00:00+03:00`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT } },
  );

function parseInstant(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) throw refuse(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw refuse(value);
  // Reject rolled-over dates such as 2026-02-30T10:00Z, which Date would silently accept.
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw refuse(value);
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with an offset',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('Invalid DateTime value');
    return date.toISOString();
  },
  parseValue: (value) => parseInstant(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw refuse('non-string literal');
    return parseInstant(ast.value);
  },
});
