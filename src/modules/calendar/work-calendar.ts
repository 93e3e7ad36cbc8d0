import { formatIsoDate, parseIsoDate, weekdayOf } from './iso-date';

export interface CalendarDefinition {
  code: string;
  name: string;
  /** Where the dated days come from (a decree, a standard). */
  source?: string;
  /** 0 = Sunday … 6 = Saturday. */
  weeklyRestDays: number[];
  /** Non-working dates. */
  holidays: string[];
  /** Dates worked although they are weekly rest days (a Saturday worked for a bridge day). */
  extraWorkingDays: string[];
}

/** The dates every calendar covers; a plan outside them is refused rather than silently wrong. */
const FIRST_DAY = parseIsoDate('1900-01-01');
const LAST_DAY = parseIsoDate('2199-12-31');

/**
 * Working days numbered in order, with O(1) conversions between dates and points
 * (SCHEDULING.md): startPoint(D) = working days before D, endPoint(D) = working days on or
 * before D, dateOfWorkingDay(k) = the date of working day k. Built once from prefix counts.
 */
export class WorkCalendar {
  readonly code: string;
  readonly name: string;
  readonly source?: string;
  /** before[i]: working days before FIRST_DAY + i (length = days + 1). */
  private readonly before: Int32Array;
  /** The day numbers of the working days, in order. */
  private readonly workingDays: Int32Array;

  constructor(definition: CalendarDefinition) {
    this.code = definition.code;
    this.name = definition.name;
    this.source = definition.source;
    const rest = new Set(definition.weeklyRestDays);
    const holidays = new Set(definition.holidays.map(parseIsoDate));
    const extra = new Set(definition.extraWorkingDays.map(parseIsoDate));
    const span = LAST_DAY - FIRST_DAY + 1;
    this.before = new Int32Array(span + 1);
    const working: number[] = [];
    for (let i = 0; i < span; i++) {
      const day = FIRST_DAY + i;
      const isWorking = extra.has(day) || (!rest.has(weekdayOf(day)) && !holidays.has(day));
      if (isWorking) working.push(day);
      this.before[i + 1] = this.before[i] + (isWorking ? 1 : 0);
    }
    if (working.length === 0) throw new Error(`Calendar ${definition.code} has no working days`);
    this.workingDays = Int32Array.from(working);
  }

  get workingDayCount(): number {
    return this.workingDays.length;
  }

  /** Working days before the day (a day number). */
  startPointOfDay(day: number): number {
    return this.before[this.index(day)];
  }

  /** The day number of working day k. */
  dayOfWorkingDay(k: number): number {
    if (k < 0 || k >= this.workingDays.length) {
      throw new RangeError(`Working day ${k} of calendar ${this.code} is outside ${formatIsoDate(FIRST_DAY)} … ${formatIsoDate(LAST_DAY)}`);
    }
    return this.workingDays[k];
  }

  startPoint(date: string): number {
    return this.startPointOfDay(parseIsoDate(date));
  }

  endPoint(date: string): number {
    return this.startPointOfDay(parseIsoDate(date) + 1);
  }

  dateOfWorkingDay(k: number): string {
    return formatIsoDate(this.dayOfWorkingDay(k));
  }

  isWorkingDay(date: string): boolean {
    const day = parseIsoDate(date);
    return this.startPointOfDay(day + 1) > this.startPointOfDay(day);
  }

  /** Working days from a up to b (b excluded); negative when b is earlier. */
  workingDaysBetween(a: string, b: string): number {
    return this.startPoint(b) - this.startPoint(a);
  }

  private index(day: number): number {
    if (day < FIRST_DAY || day > LAST_DAY + 1) {
      throw new RangeError(`${formatIsoDate(day)} is outside the dates calendar ${this.code} covers`);
    }
    return day - FIRST_DAY;
  }
}
