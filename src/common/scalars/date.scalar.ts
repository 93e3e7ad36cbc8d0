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

/**
 * Dates already checked on the way out: a plan read serialises four dates per task, a few thousand
 * distinct ones over and over, and checking each again was a tenth of a 5,000-task read. Bounded.
 */
const servedDates = new Set<string>();
const MAX_SERVED_DATES = 100_000;

function serializeDate(value: unknown): string {
  if (typeof value === 'string' && servedDates.has(value)) return value;
  const date = parseDate(value);
  if (servedDates.size < MAX_SERVED_DATES) servedDates.add(date);
  return date;
}

/** A calendar date without time or zone, "YYYY-MM-DD"; held as that string end to end. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: serializeDate,
  parseValue: (value) => parseInputDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw refuse('non-string literal');
    return parseInputDate(ast.value);
  },
});
