import { Kind } from 'graphql';
import { DateScalar } from './date.scalar';
import { DateTimeScalar } from './date-time.scalar';

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
