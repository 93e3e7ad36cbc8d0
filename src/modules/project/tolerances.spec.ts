import { DomainError } from '../../common/errors/domain-error';
import { normaliseBudget, normaliseCurrency, requireToleranceWithin } from './tolerances';

const refusal = (run: () => unknown): { code: string; field: unknown; message: string } => {
  try {
    run();
  } catch (error) {
    const e = error as DomainError;
    return { code: e.code, field: e.details.field, message: e.message };
  }
  throw new Error('expected a refusal');
};

describe('budget', () => {
  it.each([
    ['12345678901234.56', '12345678901234.56'],
    ['1250000', '1250000.00'],
    ['1250000.5', '1250000.50'],
    ['000125.10', '125.10'],
    ['0.01', '0.01'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('%p is kept as %p, the form numeric(18,2) reads back', (given, stored) => {
    expect(normaliseBudget(given)).toBe(stored);
  });

  it.each(['-1', '-0.01', '0', '0.00', '000'])('refuses %p: a budget is more than 0', (value) => {
    expect(refusal(() => normaliseBudget(value))).toEqual({ code: 'BAD_USER_INPUT', field: 'budget', message: expect.stringContaining('must be more than 0') });
  });

  it('refuses a third fraction digit rather than rounding money', () => {
    expect(refusal(() => normaliseBudget('100.005'))).toEqual({ code: 'BAD_USER_INPUT', field: 'budget', message: expect.stringContaining('3 digits after the point') });
  });

  it('refuses more than 16 digits before the point', () => {
    expect(refusal(() => normaliseBudget('12345678901234567')).message).toContain('too large');
    expect(normaliseBudget('00001234567890123456')).toBe('1234567890123456.00');
  });

  it('refuses what is not plain decimal notation', () => {
    expect(refusal(() => normaliseBudget('1e3')).field).toBe('budget');
  });
});

describe('currency', () => {
  it.each([['RUB', 'RUB'], ['eur', 'EUR'], [' KZT ', 'KZT'], ['USD', 'USD']])('%p is %p', (given, code) => {
    expect(normaliseCurrency(given)).toBe(code);
  });

  it.each(['RUR', 'ABC', 'XXX', 'RU', 'RUBL', 'R1B', '', '₽'])('refuses %p, which is not an active ISO 4217 code', (value) => {
    expect(refusal(() => normaliseCurrency(value))).toEqual({ code: 'BAD_USER_INPUT', field: 'currency', message: expect.stringContaining('ISO 4217') });
  });
});

describe('tolerance bounds', () => {
  it('accepts whole numbers from 0 to the maximum and refuses the rest, naming the field', () => {
    expect(requireToleranceWithin(0, 100, 'costTolerancePercent', 'percent')).toBe(0);
    expect(requireToleranceWithin(100, 100, 'costTolerancePercent', 'percent')).toBe(100);
    expect(refusal(() => requireToleranceWithin(101, 100, 'costTolerancePercent', 'percent')).field).toBe('costTolerancePercent');
    expect(refusal(() => requireToleranceWithin(-1, 1000, 'timeToleranceDays', 'working days')).field).toBe('timeToleranceDays');
  });
});
