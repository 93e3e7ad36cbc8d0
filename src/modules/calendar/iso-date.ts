const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a strict "YYYY-MM-DD" date, or null when it is not a real date. */
function toDayNumber(value: string): number | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to 2 March: a real date survives the round trip unchanged.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export const isValidIsoDate = (value: string): boolean => toDayNumber(value) !== null;

/** Days since 1970-01-01; throws on anything but a real calendar date "YYYY-MM-DD". */
export function parseIsoDate(value: string): number {
  const day = toDayNumber(value);
  if (day === null) throw new Error(`"${value}" is not a calendar date in the form YYYY-MM-DD`);
  return day;
}

/** Plans reuse a few thousand dates over and over; formatting through Date dominated scheduling. */
const formatted = new Map<number, string>();

export function formatIsoDate(dayNumber: number): string {
  let text = formatted.get(dayNumber);
  if (text === undefined) {
    text = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(dayNumber, text);
  }
  return text;
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export const weekdayOf = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;
