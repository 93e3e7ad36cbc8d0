import { formatIsoDate, parseIsoDate, weekdayOf } from '../../calendar/iso-date';

/** Weeks up to this many; a longer plan is drawn in months (EXPORTS.md: "per month past two years"). */
export const MAX_WEEK_COLUMNS = 104;

/** The Gantt chart's time axis: one column per week (from Monday) or per month. */
export interface GanttScale {
  unit: 'week' | 'month';
  columns: number;
  /** The column (0-based) holding a date; clamped to the axis. */
  indexOf(date: string): number;
  /** The first day of a column. */
  startOf(index: number): string;
}

export function ganttScale(from: string, to: string): GanttScale {
  const scale = axis(from, to);
  // A plan's rows share a few hundred dates: each is placed once.
  const placed = new Map<string, number>();
  const indexOf = scale.indexOf;
  return {
    ...scale,
    indexOf: (date) => {
      let index = placed.get(date);
      if (index === undefined) placed.set(date, (index = indexOf(date)));
      return index;
    },
  };
}

function axis(from: string, to: string): GanttScale {
  const first = parseIsoDate(from);
  const last = Math.max(first, parseIsoDate(to));
  const monday = first - ((weekdayOf(first) + 6) % 7);
  const weeks = Math.floor((last - monday) / 7) + 1;
  if (weeks <= MAX_WEEK_COLUMNS) {
    return {
      unit: 'week', columns: weeks,
      indexOf: (date) => clamp(Math.floor((parseIsoDate(date) - monday) / 7), weeks),
      startOf: (i) => formatIsoDate(monday + 7 * i),
    };
  }
  const [y0, m0] = from.split('-').map(Number);
  const monthIndex = (date: string) => {
    const [y, m] = date.split('-').map(Number);
    return (y - y0) * 12 + (m - m0);
  };
  const months = monthIndex(formatIsoDate(last)) + 1;
  return {
    unit: 'month', columns: months,
    indexOf: (date) => clamp(monthIndex(date), months),
    startOf: (i) => {
      const y = y0 + Math.floor((m0 - 1 + i) / 12);
      const m = ((m0 - 1 + i) % 12) + 1;
      return `${y}-${String(m).padStart(2, '0')}-01`;
    },
  };
}

const clamp = (i: number, n: number) => Math.min(n - 1, Math.max(0, i));
