import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ErrorCode } from '../errors/error-codes';
import { echo } from '../validation/input-limits';

/**
 * Plain decimal notation only: an optional minus, digits, optionally a point and digits. No
 * exponent, sign "+", spaces, separators or bare point ("1e3", "+5", "1 000", ".5", "5."): money
 * written any other way is a mistake more often than not, and is refused rather than guessed.
 */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
/** Far beyond any amount the service stores (numeric(18,2)); keeps a refusal's echo short too. */
const MAX_DECIMAL_LENGTH = 40;

const refuse = (value: unknown): GraphQLError =>
  new GraphQLError(
    typeof value === 'number'
      ? `${echo(value)} is a number; send a decimal amount as a string, e.g. "1250000.00", so that no digit is lost to floating point`
      : `"${echo(value)}" is not a decimal amount; write digits with an optional minus and decimal point, e.g. "1250000.00" (no exponent, spaces or separators)`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT } },
  );

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_DECIMAL_LENGTH || !DECIMAL_PATTERN.test(value)) throw refuse(value);
  return value;
}

/**
 * An exact decimal amount, held as a string end to end: PostgreSQL `numeric` arrives from `pg` as
 * a string and goes out unchanged, so no amount ever passes through a float.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount as a string, e.g. "1250000.00"',
  serialize: (value) => {
    // Only strings: a number here would already have passed through a float.
    if (typeof value !== 'string' || !DECIMAL_PATTERN.test(value)) throw new GraphQLError('Invalid Decimal value');
    return value;
  },
  parseValue: (value) => parseDecimal(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) throw refuse(Number(ast.value));
    if (ast.kind !== Kind.STRING) throw refuse('non-string literal');
    return parseDecimal(ast.value);
  },
});
