import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isValidIsoDate } from '../../modules/calendar/iso-date';
import { ErrorCode } from '../errors/error-codes';

const refuse = (value: unknown): GraphQLError =>
  new GraphQLError(`"${String(value)}" is not a calendar date; use YYYY-MM-DD, e.g. 2026-03-02`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) throw refuse(value);
  return value;
}

/** A calendar date without time or zone, "YYYY-MM-DD"; held as that string end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw refuse('non-string literal');
    return parseDate(ast.value);
  },
});
