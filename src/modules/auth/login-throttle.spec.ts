import { LOGIN_THROTTLE, lockedUntil } from './login-throttle';

const minutes = (n: number) => n * 60_000;
const at = (base: Date, offsetMinutes: number) => new Date(base.getTime() + minutes(offsetMinutes));

describe('login throttling', () => {
  const start = new Date('2026-03-02T09:00:00Z');
  const burst = (count: number, spacingMinutes: number) =>
    Array.from({ length: count }, (_, i) => at(start, i * spacingMinutes)).reverse();

  it('does not lock before the tenth failure', () => {
    expect(lockedUntil(burst(9, 1), at(start, 9))).toBeNull();
  });

  it('locks for 15 minutes after ten failures within 15 minutes', () => {
    const failures = burst(10, 1); // 09:00 … 09:09
    expect(lockedUntil(failures, at(start, 10))).toEqual(at(start, 9 + 15));
    expect(lockedUntil(failures, at(start, 9 + 15))).toBeNull();
  });

  it('does not lock when the ten failures are spread over more than 15 minutes', () => {
    expect(lockedUntil(burst(10, 2), at(start, 19))).toBeNull(); // 09:00 … 09:18
  });

  it('uses the configured limits', () => {
    expect(LOGIN_THROTTLE).toEqual({ maxFailures: 10, windowMs: minutes(15), lockMs: minutes(15) });
  });
});
