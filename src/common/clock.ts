/** Today's calendar date in UTC, "YYYY-MM-DD": actual dates are recorded as dates, not instants. */
export const todayIso = (now: Date = new Date()): string => now.toISOString().slice(0, 10);
