import { resolve } from 'node:path';
import { CalendarRegistry, loadCalendarDefinitions } from './calendar-registry';
import { formatIsoDate, isValidIsoDate, parseIsoDate } from './iso-date';
import { WorkCalendar } from './work-calendar';

const registry = new CalendarRegistry(loadCalendarDefinitions(resolve('templates/calendars')));
const RU = registry.get('RU')!;
const STANDARD = registry.get('STANDARD')!;

const workingDaysIn = (calendar: WorkCalendar, year: number) => calendar.startPoint(`${year + 1}-01-01`) - calendar.startPoint(`${year}-01-01`);

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    expect(['2026-01-31', '2028-02-29'].map(isValidIsoDate)).toEqual([true, true]);
    expect(['2026-02-30', '2027-02-29', '2026-13-01', '2026-1-5', '05.01.2026', ''].map(isValidIsoDate)).toEqual([false, false, false, false, false, false]);
    expect(() => parseIsoDate('2026-02-30')).toThrow('not a calendar date');
  });

  it('round-trips through day numbers', () => {
    expect(formatIsoDate(parseIsoDate('2026-03-02'))).toBe('2026-03-02');
    expect(parseIsoDate('1970-01-02')).toBe(1);
  });
});

describe('work calendars', () => {
  it('loads STANDARD and RU with their sources', () => {
    expect(registry.list().map((c) => c.code).sort()).toEqual(['RU', 'STANDARD']);
    expect(RU.source).toMatch(/Government/);
  });

  it('counts points as SCHEDULING.md defines them', () => {
    // Mon 5 – Fri 9 January 2026 on STANDARD.
    expect(STANDARD.endPoint('2026-01-05') - STANDARD.startPoint('2026-01-05')).toBe(1);
    expect(STANDARD.startPoint('2026-01-10')).toBe(STANDARD.startPoint('2026-01-12'));
    expect(STANDARD.endPoint('2026-01-09')).toBe(STANDARD.startPoint('2026-01-12'));
    expect(STANDARD.dateOfWorkingDay(STANDARD.startPoint('2026-01-10'))).toBe('2026-01-12');
    expect(STANDARD.isWorkingDay('2026-01-10')).toBe(false);
  });

  it('RU 2026 has 247 working days: 1–9 January off, 31 December off', () => {
    expect(workingDaysIn(RU, 2026)).toBe(247);
    expect(['2026-01-09', '2026-03-09', '2026-05-11', '2026-12-31'].map((d) => RU.isWorkingDay(d))).toEqual([false, false, false, false]);
    expect(RU.dateOfWorkingDay(RU.startPoint('2026-01-01'))).toBe('2026-01-12');
  });

  it('RU 2027 (provisional) follows art. 112 and the draft: 5 November off, Saturday 13 November worked', () => {
    expect(RU.isWorkingDay('2027-11-05')).toBe(false);
    expect(RU.isWorkingDay('2027-11-13')).toBe(true);
    expect(['2027-05-03', '2027-05-10', '2027-06-14'].map((d) => RU.isWorkingDay(d))).toEqual([false, false, false]);
    expect(workingDaysIn(RU, 2027)).toBe(249);
  });

  it('an extra working day counts, a holiday does not', () => {
    const calendar = new WorkCalendar({ code: 'X', name: 'X', weeklyRestDays: [0, 6], holidays: ['2026-03-09'], extraWorkingDays: ['2026-03-07'] });
    expect(calendar.isWorkingDay('2026-03-07')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-09')).toBe(false);
    expect(calendar.workingDaysBetween('2026-03-02', '2026-03-16')).toBe(10);
  });

  it('refuses dates outside what it covers', () => {
    expect(() => STANDARD.startPoint('2300-01-01')).toThrow(RangeError);
  });

  it('refuses a malformed calendar file, naming it', () => {
    expect(() => new CalendarRegistry(loadCalendarDefinitions(resolve('test/fixtures/bad-calendars')))).toThrow(/bad-calendars\/BROKEN\.json[\s\S]*holidays/);
  });
});
