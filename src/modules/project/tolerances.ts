import { badInput } from '../../common/errors/domain-error';

/** PRINCE2 tolerances a project starts with (REPORTING.md "Tolerances"). */
export const DEFAULT_TOLERANCES = { timeToleranceDays: 10, currency: 'RUB', costTolerancePercent: 10 } as const;
export const MAX_TIME_TOLERANCE_DAYS = 1000;
export const MAX_COST_TOLERANCE_PERCENT = 100;

/** The budget column is numeric(18,2): 16 digits before the point, 2 after (minor units). */
export const BUDGET_INTEGER_DIGITS = 16;
export const BUDGET_FRACTION_DIGITS = 2;

/** Active ISO 4217 codes, from the ICU data Node ships (historic codes such as RUR are not among them). */
const ISO_4217 = new Set(Intl.supportedValuesOf('currency'));

/**
 * A budget as stored and read back: a positive amount in plain decimal notation (the Decimal scalar
 * checked the notation), leading zeros dropped and padded to two fraction digits, exactly as
 * PostgreSQL's numeric(18,2) gives it back, so the answer to a change equals every later read.
 * More than two fraction digits are refused, never rounded: money is not silently changed.
 */
export function normaliseBudget(value: string, field = 'budget'): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw badInput(`${field} "${value.slice(0, 100)}" is not a decimal amount, e.g. "1250000.00"`, field);
  const [, minus, digits, fraction = ''] = match;
  const integer = digits.replace(/^0+(?=\d)/, '');
  if (fraction.length > BUDGET_FRACTION_DIGITS) {
    throw badInput(`${field} ${value} has ${fraction.length} digits after the point; amounts are kept to ${BUDGET_FRACTION_DIGITS} (minor units), so round it yourself`, field);
  }
  const amount = `${integer}.${fraction.padEnd(BUDGET_FRACTION_DIGITS, '0')}`;
  if (minus || /^[0.]+$/.test(amount)) {
    throw badInput(`${field} must be more than 0 (it was ${value}); send null to leave the project without a budget`, field);
  }
  if (integer.length > BUDGET_INTEGER_DIGITS) {
    throw badInput(`${field} ${value} is too large: at most ${BUDGET_INTEGER_DIGITS} digits before the point`, field);
  }
  return amount;
}

/** An ISO 4217 code in upper case ("rub" is taken as RUB); anything else is refused naming the field. */
export function normaliseCurrency(value: string, field = 'currency'): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !ISO_4217.has(code)) {
    throw badInput(`currency "${value.slice(0, 100)}" is not an active ISO 4217 currency code, e.g. RUB, EUR, USD, KZT`, field);
  }
  return code;
}

/** A whole number within [0, max], or BAD_USER_INPUT naming the field. */
export function requireToleranceWithin(value: number, max: number, field: string, unit: string): number {
  if (!Number.isInteger(value) || value < 0 || value > max) throw badInput(`${field} must be a whole number of ${unit} from 0 to ${max} (it was ${value})`, field);
  return value;
}
