import { checkTaskProgress, todayUtc } from './progress-rules';

const TODAY = '2026-03-16';

describe('progress rules (REPORTING.md)', () => {
  it('accepts no progress, a start with a share done, and a finished task', () => {
    expect(checkTaskProgress({}, TODAY)).toEqual({ ok: true, progress: { actualStart: null, actualFinish: null, percentComplete: 0 } });
    expect(checkTaskProgress({ actualStart: '2026-03-02', percentComplete: 40 }, TODAY))
      .toEqual({ ok: true, progress: { actualStart: '2026-03-02', actualFinish: null, percentComplete: 40 } });
    expect(checkTaskProgress({ actualStart: '2026-03-02', actualFinish: TODAY }, TODAY))
      .toEqual({ ok: true, progress: { actualStart: '2026-03-02', actualFinish: TODAY, percentComplete: 100 } });
  });

  it('an actual finish sets percentComplete to 100, whatever share was given', () => {
    const check = checkTaskProgress({ actualStart: '2026-03-02', actualFinish: '2026-03-02', percentComplete: 30 }, TODAY);
    expect(check).toEqual({ ok: true, progress: { actualStart: '2026-03-02', actualFinish: '2026-03-02', percentComplete: 100 } });
  });

  it.each([
    ['an actual start in the future', { actualStart: '2026-03-17' }, 'actualStart', /later than today \(2026-03-16, UTC\)/],
    ['an actual finish in the future', { actualStart: '2026-03-02', actualFinish: '2026-03-17' }, 'actualFinish', /later than today/],
    ['a finish before the start', { actualStart: '2026-03-10', actualFinish: '2026-03-09' }, 'actualFinish', /before actualStart 2026-03-10/],
    ['a finish without a start', { actualFinish: '2026-03-09' }, 'actualFinish', /needs an actualStart/],
    ['a share done without a start', { percentComplete: 10 }, 'percentComplete', /needs an actualStart/],
    ['a share above 100', { actualStart: '2026-03-02', percentComplete: 101 }, 'percentComplete', /0 to 100/],
    ['a negative share', { actualStart: '2026-03-02', percentComplete: -1 }, 'percentComplete', /0 to 100/],
    ['a fractional share', { actualStart: '2026-03-02', percentComplete: 12.5 }, 'percentComplete', /whole number/],
    ['a date that does not exist', { actualStart: '2026-02-30' }, 'actualStart', /not a calendar date/],
  ])('refuses %s, naming the field', (_label, input, field, message) => {
    const check = checkTaskProgress(input, TODAY);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.violation.field).toBe(field);
    expect(check.violation.message).toMatch(message);
  });

  it('today is the UTC date: late evening in Moscow is still the previous day there', () => {
    expect(todayUtc(new Date('2026-03-16T23:30:00+03:00'))).toBe('2026-03-16');
    expect(todayUtc(new Date('2026-03-17T02:30:00+03:00'))).toBe('2026-03-16');
  });
});
