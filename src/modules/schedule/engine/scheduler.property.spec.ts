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

/**
 * A random acyclic network: links only run from a lower to a higher task number. With stages, one
 * task in four is outside stages and the others' ranks in the stage order never decrease with the
 * task number (so the implicit stage constraints cannot close a cycle); the stage ids are shuffled
 * against the order, and some stages have no tasks.
 */
const network = (calendarCount: number, withStages = false) =>
  fc.integer({ min: 150, max: 300 }).chain((n) =>
    fc.record({
      stages: withStages
        ? fc.record({
          order: fc.shuffledSubarray(['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7'], { minLength: 1 }),
          used: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
          ranks: fc.array(fc.option(fc.nat(), { freq: 3 }), { minLength: n, maxLength: n }),
        })
        : fc.constant(null),
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
    }).map(({ stages, tasks, links }) => {
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
      if (!stages) return { tasks: taskInputs, links: unique, stageOrder: [] };
      // Ranks drawn among the stages in use, then sorted, go to the staged tasks in task order.
      const inUse = stages.order.map((_, rank) => rank).filter((rank) => stages.used[rank]);
      const ranks = stages.ranks.flatMap((r) => (r === null || !inUse.length ? [] : [inUse[r % inUse.length]])).sort((a, b) => a - b);
      let next = 0;
      stages.ranks.forEach((r, i) => {
        if (r !== null && inUse.length) taskInputs[i].stageId = stages.order[ranks[next++]];
      });
      return { tasks: taskInputs, links: unique, stageOrder: stages.order };
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

/**
 * SCHEDULING.md's stage rule written out the long way, as FS lag 0 links: every task of a stage
 * after every task of the nearest earlier stage that has tasks.
 */
function stageLinks(tasks: ScheduleTaskInput[], stageOrder: string[]): ScheduleLinkInput[] {
  const byStage = new Map(stageOrder.map((id) => [id, tasks.filter((t) => t.stageId === id)]));
  const implicit: ScheduleLinkInput[] = [];
  let previous: ScheduleTaskInput[] = [];
  for (const id of stageOrder) {
    const own = byStage.get(id)!;
    for (const p of previous) for (const s of own) implicit.push({ predecessorId: p.id, successorId: s.id, type: 'FS', lagDays: 0 });
    if (own.length) previous = own;
  }
  return implicit;
}

function check({ tasks, links, stageOrder }: { tasks: ScheduleTaskInput[]; links: ScheduleLinkInput[]; stageOrder: string[] }, singleCalendar: boolean) {
  const result = scheduleNetwork({ projectStart: PROJECT_START, tasks, links, stageOrder });
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const incomingOf = new Map<string, ScheduleLinkInput[]>(tasks.map((t) => [t.id, []]));
  const outgoingOf = new Map<string, ScheduleLinkInput[]>(tasks.map((t) => [t.id, []]));
  // The real links and the stage order's implicit ones: the early and late checks below hold for both.
  for (const l of [...links, ...stageLinks(tasks, stageOrder)]) {
    incomingOf.get(l.successorId)!.push(l);
    outgoingOf.get(l.predecessorId)!.push(l);
  }
  const es = (id: string) => result.tasks.get(id)!.startPoint;
  const ls = (id: string) => es(id) + result.tasks.get(id)!.totalFloatDays;
  const floor = (t: ScheduleTaskInput) => Math.max(
    t.calendar.startPointOfDay(parseIsoDate(PROJECT_START)),
    t.startNoEarlierThan ? t.calendar.startPointOfDay(parseIsoDate(t.startNoEarlierThan)) : -Infinity,
  );
  const projectFinish = Math.max(...tasks.map((t) => instants(t.calendar, t.durationDays, es(t.id)).finish));

  for (const t of tasks) {
    const incoming = incomingOf.get(t.id)!;
    const bounds = incoming.map((l) => bound(l, byId.get(l.predecessorId)!, es(l.predecessorId), t));
    // Every link holds, and the task is as early as possible: one of its bounds is tight.
    expect(bounds.every((b) => es(t.id) >= b)).toBe(true);
    expect(es(t.id)).toBe(Math.max(floor(t), ...bounds));
    // Float is never negative, and the late dates keep every link too.
    expect(result.tasks.get(t.id)!.totalFloatDays).toBeGreaterThanOrEqual(0);
    expect(incoming.filter((l) => ls(t.id) < bound(l, byId.get(l.predecessorId)!, ls(l.predecessorId), t))).toEqual([]);
    // As late as possible: within the project's finish point, and one day later would break a
    // successor's late dates or pass that finish.
    const finishPoint = t.calendar.startPointOfDay(projectFinish);
    const lf = ls(t.id) + t.durationDays;
    expect(lf).toBeLessThanOrEqual(finishPoint);
    const outgoing = outgoingOf.get(t.id)!;
    const oneLaterBreaks = lf + 1 > finishPoint || outgoing.some((l) => bound(l, t, ls(t.id) + 1, byId.get(l.successorId)!) > ls(l.successorId));
    expect(oneLaterBreaks).toBe(true);
  }
  // Stages do not overlap: each stage's tasks start no earlier than every task of every earlier stage finishes.
  let earlierFinish = -Infinity;
  for (const stageId of stageOrder) {
    const own = tasks.filter((t) => t.stageId === stageId).map((t) => instants(t.calendar, t.durationDays, es(t.id)));
    expect(Math.min(...own.map((at) => at.start))).toBeGreaterThanOrEqual(earlierFinish);
    earlierFinish = Math.max(earlierFinish, ...own.map((at) => at.finish));
  }
  // Some critical task finishes when the project does.
  const finishOf = (id: string) => result.tasks.get(id)!.finish;
  expect(tasks.some((t) => result.tasks.get(t.id)!.critical && finishOf(t.id) === result.finishDate)).toBe(true);
  if (singleCalendar) {
    // Critical tasks form chains back to the start: a critical task after the start has a critical,
    // tight predecessor.
    for (const t of tasks.filter((x) => result.tasks.get(x.id)!.critical && es(x.id) > floor(x))) {
      const drivers = incomingOf.get(t.id)!.filter((l) => bound(l, byId.get(l.predecessorId)!, es(l.predecessorId), t) === es(t.id));
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

  it('single calendar with stages in sequence: stages do not overlap, links and stage order hold, as early and as late as possible, critical chains', () => {
    fc.assert(fc.property(network(1, true), (n) => check(n, true)), { numRuns: 40, seed: 20261124 });
  });

  it('two calendars with stages in sequence: stages do not overlap, links and stage order hold early and late, as early and as late as possible', () => {
    fc.assert(fc.property(network(2, true), (n) => check(n, false)), { numRuns: 40, seed: 20261125 });
  });
});
