import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { echo } from '../validation/input-limits';
import { isValidIsoDate } from '../../modules/calendar/iso-date';
import { ErrorCode } from '../errors/error-codes';

const refuse = (value: unknown): GraphQLError =>
  new GraphQLError(`"${echo(value)}" is not a calendar date; use YYYY-MM-DD, e.g. 2026-03-02`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  });

/**
 * Dates a client sends are kept to years the planner can schedule from: the work calendars run
 * to 2199, leaving a century for plans that start by 2100 to run on.
 */
const FIRST_INPUT = '1900-01-01';
const LAST_INPUT = '2100-12-31';

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isValidIsoDate(value)) throw refuse(value);
  return value;
}

function parseInputDate(value: unknown): string {
  const date = parseDate(value);
  if (date < FIRST_INPUT || date > LAST_INPUT) {
    throw new GraphQLError(`${date} is outside the dates the planner accepts, ${FIRST_INPUT} to ${LAST_INPUT}`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  }
  return date;
}

/** A calendar date without time or zone, "YYYY-MM-DD"; held as that string end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseInputDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw refuse('non-string literal');
    return parseInputDate(ast.value);
  },
});
