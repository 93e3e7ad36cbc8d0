/** After this many failed sign-ins for one email within the window, the email is locked. */
export const LOGIN_THROTTLE = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

/**
 * The instant until which sign-in is locked, or null: locked for `lockMs` after the failure that
 * made `maxFailures` within `windowMs`. `failures` are the most recent failures, newest first.
 */
export function lockedUntil(failures: readonly Date[], now: Date, rule = LOGIN_THROTTLE): Date | null {
  if (failures.length < rule.maxFailures) return null;
  const newest = failures[0];
  const oldestOfBurst = failures[rule.maxFailures - 1];
  if (newest.getTime() - oldestOfBurst.getTime() > rule.windowMs) return null;
  const until = new Date(newest.getTime() + rule.lockMs);
  return until > now ? until : null;
}
