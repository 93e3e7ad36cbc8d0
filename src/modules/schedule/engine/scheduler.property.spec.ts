import fc from 'fast-check';
import { resolve } from 'node:path';
import { CalendarRegistry, loadCalendarDefinitions } from '../../calendar/calendar-registry';
import { formatIsoDate, parseIsoDate } from '../../calendar/iso-date';
import type { WorkCalendar } from '../../calendar/work-calendar';
import { LinkType, scheduleNetwork, ScheduleLinkInput, ScheduleTaskInput } from './scheduler';

const registry = new CalendarRegistry(loadCalendarDefinitions(resolve('templates/calendars')));
const CALENDARS = [registry.get('STANDARD')!, registry.get('RU')!];
const PROJECT_START = '2026-01-01';
const TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];

/** A random acyclic network: links only run from a lower to a higher task number. */
const network = (calendarCount: number) =>
  fc.integer({ min: 150, max: 300 }).chain((n) =>
    fc.record({
      tasks: fc.array(fc.record({
        d: fc.integer({ min: 0, max: 20 }),
        cal: fc.integer({ min: 0, max: calendarCount - 1 }),
        // One task in five has a start-no-earlier-than within the first months (weekends and holidays included).
        snet: fc.option(fc.integer({ min: 0, max: 120 }), { freq: 4 }),
      }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({ a: fc.integer({ min: 0, max: n - 1 }), b: fc.integer({ min: 0, max: n - 1 }), type: fc.constantFrom(...TYPES), lag: fc.integer({ min: -5, max: 10 }) }),
        { minLength: n, maxLength: 2 * n },
      ),
    }).map(({ tasks, links }) => {
      const seen = new Set<string>();
      const unique: ScheduleLinkInput[] = [];
      for (const l of links) {
        if (l.a === l.b) continue;
        const [p, s] = l.a < l.b ? [l.a, l.b] : [l.b, l.a];
        if (seen.has(`${p}-${s}`)) continue;
        seen.add(`${p}-${s}`);
        unique.push({ predecessorId: `t${p}`, successorId: `t${s}`, type: l.type, lagDays: l.lag });
      }
      const taskInputs: ScheduleTaskInput[] = tasks.map((t, i) => ({
        id: `t${i}`, name: `t${i}`, durationDays: t.d, calendar: CALENDARS[t.cal],
        startNoEarlierThan: t.snet === null ? undefined : formatIsoDate(parseIsoDate(PROJECT_START) + t.snet),
      }));
      return { tasks: taskInputs, links: unique };
    }),
  );

/** Start and finish instants (day numbers, start of day) of a task placed at point s. */
const instants = (cal: WorkCalendar, d: number, s: number) => ({
  start: cal.dayOfWorkingDay(s),
  finish: d === 0 ? cal.dayOfWorkingDay(s) : cal.dayOfWorkingDay(s + d - 1) + 1,
});

/** The lower bound a link puts on the successor's start point, for a predecessor placed at pStart. */
function bound(link: ScheduleLinkInput, p: ScheduleTaskInput, pStart: number, s: ScheduleTaskInput): number {
  const at = instants(p.calendar, p.durationDays, pStart);
  const instant = link.type === 'FS' || link.type === 'FF' ? at.finish : at.start;
  const point = s.calendar.startPointOfDay(instant) + link.lagDays;
  return link.type === 'FF' || link.type === 'SF' ? point - s.durationDays : point;
}

function check({ tasks, links }: { tasks: ScheduleTaskInput[]; links: ScheduleLinkInput[] }, singleCalendar: boolean) {
  const result = scheduleNetwork({ projectStart: PROJECT_START, tasks, links });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const es = (id: string) => result.tasks.get(id)!.startPoint;
  const ls = (id: string) => es(id) + result.tasks.get(id)!.totalFloatDays;
  const floor = (t: ScheduleTaskInput) => Math.max(
    t.calendar.startPointOfDay(parseIsoDate(PROJECT_START)),
    t.startNoEarlierThan ? t.calendar.startPointOfDay(parseIsoDate(t.startNoEarlierThan)) : -Infinity,
  );
  const projectFinish = Math.max(...tasks.map((t) => instants(t.calendar, t.durationDays, es(t.id)).finish));

  for (const t of tasks) {
    const incoming = links.filter((l) => l.successorId === t.id);
    const bounds = incoming.map((l) => bound(l, byId.get(l.predecessorId)!, es(l.predecessorId), t));
    // Every link holds, and the task is as early as possible: one of its bounds is tight.
    expect(bounds.every((b) => es(t.id) >= b)).toBe(true);
    expect(es(t.id)).toBe(Math.max(floor(t), ...bounds));
    // Float is never negative, and the late dates keep every link too.
    expect(result.tasks.get(t.id)!.totalFloatDays).toBeGreaterThanOrEqual(0);
    for (const l of incoming) expect(ls(t.id)).toBeGreaterThanOrEqual(bound(l, byId.get(l.predecessorId)!, ls(l.predecessorId), t));
    // As late as possible: within the project's finish point, and one day later would break a
    // successor's late dates or pass that finish.
    const finishPoint = t.calendar.startPointOfDay(projectFinish);
    const lf = ls(t.id) + t.durationDays;
    expect(lf).toBeLessThanOrEqual(finishPoint);
    const outgoing = links.filter((l) => l.predecessorId === t.id);
    const oneLaterBreaks = lf + 1 > finishPoint || outgoing.some((l) => bound(l, t, ls(t.id) + 1, byId.get(l.successorId)!) > ls(l.successorId));
    expect(oneLaterBreaks).toBe(true);
  }
  // Some critical task finishes when the project does.
  const finishOf = (id: string) => result.tasks.get(id)!.finish;
  expect(tasks.some((t) => result.tasks.get(t.id)!.critical && finishOf(t.id) === result.finishDate)).toBe(true);
  if (singleCalendar) {
    // Critical tasks form chains back to the start: a critical task after the start has a critical,
    // tight predecessor.
    for (const t of tasks.filter((x) => result.tasks.get(x.id)!.critical && es(x.id) > floor(x))) {
      const drivers = links.filter((l) => l.successorId === t.id && bound(l, byId.get(l.predecessorId)!, es(l.predecessorId), t) === es(t.id));
      expect(drivers.some((l) => result.tasks.get(l.predecessorId)!.critical)).toBe(true);
    }
  }
}

describe('scheduler properties on random acyclic networks', () => {
  it('single calendar: links hold, tasks are as early as possible, float ≥ 0, critical tasks form chains', () => {
    fc.assert(fc.property(network(1), (n) => check(n, true)), { numRuns: 40, seed: 20261122 });
  });

  it('two calendars (STANDARD and RU) across links: links hold early and late, tasks as early as possible, float ≥ 0', () => {
    fc.assert(fc.property(network(2), (n) => check(n, false)), { numRuns: 40, seed: 20261123 });
  });
});
