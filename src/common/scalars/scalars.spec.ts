import { Kind } from 'graphql';
import { DateScalar } from './date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { DecimalScalar } from './decimal.scalar';

const refusal = (parse: () => unknown): { message: string; code: unknown } => {
  try {
    parse();
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions: Record<string, unknown> };
    return { message, code: extensions.code };
  }
  throw new Error('expected a refusal');
};

describe('Date scalar', () => {
  it('accepts calendar dates from 1900 to 2100', () => {
    expect(DateScalar.parseValue('2026-03-02')).toBe('2026-03-02');
    expect(DateScalar.parseValue('1900-01-01')).toBe('1900-01-01');
    expect(DateScalar.parseValue('2100-12-31')).toBe('2100-12-31');
  });

  it.each(['2026-02-30', '2026-3-2', '02.03.2026', '2026-03-02T00:00:00Z', 20260302])('refuses %p as BAD_USER_INPUT', (value) => {
    expect(refusal(() => DateScalar.parseValue(value))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('is not a calendar date') });
  });

  it('refuses years it cannot plan in, naming the accepted range', () => {
    expect(refusal(() => DateScalar.parseValue('1899-12-31'))).toEqual({ code: 'BAD_USER_INPUT', message: '1899-12-31 is outside the dates the planner accepts, 1900-01-01 to 2100-12-31' });
    expect(refusal(() => DateScalar.parseValue('2101-01-01')).code).toBe('BAD_USER_INPUT');
  });

  it('repeats at most 100 characters of a refused value', () => {
    const { message } = refusal(() => DateScalar.parseValue('x'.repeat(5_000)));
    expect(message).toBe(`"${'x'.repeat(100)}…" is not a calendar date; use YYYY-MM-DD, e.g. 2026-03-02`);
  });

  it('refuses a literal that is not a string', () => {
    expect(refusal(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20260302' })).code).toBe('BAD_USER_INPUT');
  });

  it('serialises a real date, again and again, and never one that is not', () => {
    for (let i = 0; i < 3; i++) expect(DateScalar.serialize('2026-03-02')).toBe('2026-03-02');
    for (let i = 0; i < 2; i++) {
      for (const value of ['2026-02-30', '2026-3-2', null, 20260302]) expect(refusal(() => DateScalar.serialize(value)).code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('DateTime scalar', () => {
  it('accepts instants with an offset and keeps the instant', () => {
    expect((DateTimeScalar.parseValue('2026-03-02T10:00:00+03:00') as Date).toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect((DateTimeScalar.parseValue('2026-03-02T10:00Z') as Date).toISOString()).toBe('2026-03-02T10:00:00.000Z');
  });

  it.each(['2026-03-02T10:00:00', '2026-02-30T10:00:00Z', '2026-03-02', 'tomorrow'])('refuses %p as BAD_USER_INPUT', (value) => {
    expect(refusal(() => DateTimeScalar.parseValue(value)).code).toBe('BAD_USER_INPUT');
  });

  it('repeats at most 100 characters of a refused value', () => {
    const { message } = refusal(() => DateTimeScalar.parseValue('y'.repeat(5_000)));
    expect(message.startsWith(`"${'y'.repeat(100)}…" is not an ISO 8601 instant`)).toBe(true);
  });
});

describe('Decimal scalar', () => {
  it.each(['12345678901234.56', '1250000.00', '0', '-3.5', '0.01', '007'])('keeps %p exactly as sent', (value) => {
    expect(DecimalScalar.parseValue(value)).toBe(value);
    expect(DecimalScalar.parseLiteral({ kind: Kind.STRING, value })).toBe(value);
  });

  it.each(['1e3', '1E-2', '+5', '1 000', '1,5', '.5', '5.', '', ' 1', 'NaN', 'Infinity', '0x10', '1.2.3'])('refuses %p as BAD_USER_INPUT', (value) => {
    expect(refusal(() => DecimalScalar.parseValue(value))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('is not a decimal amount') });
  });

  it('refuses numbers, which have passed through a float, saying to send a string', () => {
    expect(refusal(() => DecimalScalar.parseValue(1250000.5))).toEqual({ code: 'BAD_USER_INPUT', message: expect.stringContaining('send a decimal amount as a string') });
    expect(refusal(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '1250000.5' })).code).toBe('BAD_USER_INPUT');
    expect(refusal(() => DecimalScalar.parseLiteral({ kind: Kind.INT, value: '1000' })).code).toBe('BAD_USER_INPUT');
  });

  it('refuses more than 40 characters, repeating at most 100 of them', () => {
    expect(refusal(() => DecimalScalar.parseValue('1'.repeat(41))).code).toBe('BAD_USER_INPUT');
    const { message } = refusal(() => DecimalScalar.parseValue('9'.repeat(5_000)));
    expect(message.startsWith(`"${'9'.repeat(100)}…"`)).toBe(true);
  });

  it('serializes the string PostgreSQL numeric arrives as, unchanged, and nothing else', () => {
    expect(DecimalScalar.serialize('12345678901234.56')).toBe('12345678901234.56');
    expect(() => DecimalScalar.serialize(12.5)).toThrow('Invalid Decimal value');
    expect(() => DecimalScalar.serialize('1e3')).toThrow('Invalid Decimal value');
  });
});
