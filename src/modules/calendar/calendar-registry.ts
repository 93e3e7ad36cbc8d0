import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidIsoDate } from './iso-date';
import { CalendarDefinition, WorkCalendar } from './work-calendar';

const isDateList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && isValidIsoDate(item));

function validate(raw: unknown, file: string): CalendarDefinition {
  const problems: string[] = [];
  const value = (raw ?? {}) as Record<string, unknown>;
  if (typeof value.code !== 'string' || !/^[A-Z0-9_-]{2,40}$/.test(value.code)) problems.push('code: 2–40 capital letters, digits, "-" or "_"');
  if (typeof value.name !== 'string' || !value.name.trim()) problems.push('name: required');
  if (value.source !== undefined && typeof value.source !== 'string') problems.push('source: text');
  const rest = value.weeklyRestDays ?? [0, 6];
  if (!Array.isArray(rest) || !rest.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) problems.push('weeklyRestDays: weekdays 0 (Sunday) … 6 (Saturday)');
  for (const key of ['holidays', 'extraWorkingDays']) {
    if (value[key] !== undefined && !isDateList(value[key])) problems.push(`${key}: a list of dates YYYY-MM-DD`);
  }
  if (problems.length) throw new Error(`Invalid work calendar ${file}:\n  - ${problems.join('\n  - ')}`);
  return {
    code: value.code as string,
    name: (value.name as string).trim(),
    source: value.source as string | undefined,
    weeklyRestDays: rest as number[],
    holidays: (value.holidays as string[] | undefined) ?? [],
    extraWorkingDays: (value.extraWorkingDays as string[] | undefined) ?? [],
  };
}

/** Every *.json calendar in the folder; adding a country is adding a file. */
export function loadCalendarDefinitions(dir: string): CalendarDefinition[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (!files.length) throw new Error(`No work calendars (*.json) in ${dir}`);
  const definitions = files.map((file) => {
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`Work calendar ${path} is not valid JSON: ${(error as Error).message}`);
    }
    return validate(raw, path);
  });
  const codes = definitions.map((d) => d.code);
  const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
  if (repeated) throw new Error(`Two work calendars in ${dir} have the code ${repeated}`);
  return definitions;
}

/** The calendars, each built once. */
export class CalendarRegistry {
  private readonly calendars: Map<string, WorkCalendar>;

  constructor(definitions: CalendarDefinition[]) {
    this.calendars = new Map(definitions.map((d) => [d.code, new WorkCalendar(d)]));
  }

  get(code: string): WorkCalendar | undefined {
    return this.calendars.get(code);
  }

  has(code: string): boolean {
    return this.calendars.has(code);
  }

  list(): { code: string; name: string }[] {
    return [...this.calendars.values()].map((c) => ({ code: c.code, name: c.name }));
  }
}
