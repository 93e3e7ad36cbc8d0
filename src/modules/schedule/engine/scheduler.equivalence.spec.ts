import fc from 'fast-check';
import { resolve } from 'node:path';
import { CalendarRegistry, loadCalendarDefinitions } from '../../calendar/calendar-registry';
import { formatIsoDate, parseIsoDate } from '../../calendar/iso-date';
import { WorkCalendar } from '../../calendar/work-calendar';
import { LinkType, scheduleNetwork, ScheduleLinkInput, ScheduleTaskInput } from './scheduler';
import { scheduleNetwork as referenceScheduleNetwork } from './testing/reference-scheduler';

const registry = new CalendarRegistry(loadCalendarDefinitions(resolve('templates/calendars')));
/** Mon–Fri, RU, and a six-day week, so that links cross calendars whose working days differ both ways. */
const CALENDARS = [
  registry.get('STANDARD')!,
  registry.get('RU')!,
  new WorkCalendar({ code: 'SIX', name: 'Six-day week', weeklyRestDays: [0], holidays: [], extraWorkingDays: [] }),
];
const TYPES: LinkType[] = ['FS', 'SS', 'FF', 'SF'];
const STAGES = ['s0', 's1', 's2', 's3', 's4', 's5'];

/**
 * Random networks, cycles allowed: any task may link to any other, tasks fall into stages in any
 * order, a few link to themselves' neighbours both ways. Whatever the reference engine answers —
 * a schedule or a refusal — the typed-array engine must answer the same.
 */
const network = fc.integer({ min: 1, max: 60 }).chain((n) => fc.record({
  projectStart: fc.integer({ min: 0, max: 400 }).map((d) => formatIsoDate(parseIsoDate('2026-01-01') + d)),
  stageOrder: fc.shuffledSubarray(STAGES),
  tasks: fc.array(fc.record({
    d: fc.integer({ min: 0, max: 15 }),
    cal: fc.integer({ min: 0, max: CALENDARS.length - 1 }),
    snet: fc.option(fc.integer({ min: -30, max: 200 }), { freq: 3 }),
    stage: fc.option(fc.integer({ min: 0, max: STAGES.length - 1 }), { freq: 2 }),
    name: fc.constantFrom('a', 'b', 'c'),
    // Progress, which only a status date brings into play: without one it must change nothing.
    progress: fc.option(fc.record({ start: fc.integer({ min: -10, max: 100 }), length: fc.option(fc.integer({ min: 0, max: 20 })), percent: fc.integer({ min: 0, max: 100 }) }), { freq: 2 }),
  }), { minLength: n, maxLength: n }),
  links: fc.array(fc.record({
    a: fc.integer({ min: 0, max: n - 1 }), b: fc.integer({ min: 0, max: n - 1 }), type: fc.constantFrom(...TYPES), lag: fc.integer({ min: -8, max: 12 }),
    forward: fc.boolean(),
  }), { maxLength: 2 * n }),
  cyclic: fc.boolean(),
})).map(({ projectStart, stageOrder, tasks, links, cyclic }) => {
  const taskInputs: ScheduleTaskInput[] = tasks.map((t, i) => ({
    id: `t${i}`, name: t.name, durationDays: t.d, calendar: CALENDARS[t.cal],
    startNoEarlierThan: t.snet === null ? null : formatIsoDate(parseIsoDate(projectStart) + t.snet),
    stageId: t.stage === null || !stageOrder.length ? null : stageOrder[t.stage % stageOrder.length],
    ...(t.progress && {
      actualStart: formatIsoDate(parseIsoDate(projectStart) + t.progress.start),
      actualFinish: t.progress.length === null ? null : formatIsoDate(parseIsoDate(projectStart) + t.progress.start + t.progress.length),
      percentComplete: t.progress.length === null ? t.progress.percent : 100,
    }),
  }));
  const seen = new Set<string>();
  const linkInputs: ScheduleLinkInput[] = [];
  for (const l of links) {
    if (l.a === l.b) continue;
    // Mostly acyclic (low → high), so that most cases schedule; `cyclic` lets links run both ways.
    const [p, s] = cyclic && !l.forward ? [l.b, l.a] : [Math.min(l.a, l.b), Math.max(l.a, l.b)];
    if (seen.has(`${p}-${s}`)) continue;
    seen.add(`${p}-${s}`);
    linkInputs.push({ predecessorId: `t${p}`, successorId: `t${s}`, type: l.type, lagDays: l.lag });
  }
  return { projectStart, tasks: taskInputs, links: linkInputs, stageOrder };
});

/** The answer of an engine, a refusal included (its class, message and cycle). */
function answer(engine: typeof scheduleNetwork, input: Parameters<typeof scheduleNetwork>[0]) {
  try {
    const result = engine(input);
    // The tasks as a plain Map: the engine's result reads as one without being one.
    return { result: { ...result, tasks: new Map(result.tasks) } };
  } catch (error) {
    const e = error as Error & { steps?: unknown; cycle?: unknown };
    return { error: { name: e.name, message: e.message, steps: e.steps, cycle: e.cycle } };
  }
}

describe('the typed-array scheduler gives exactly the answers of the object engine it replaced', () => {
  it('dates, late dates, float, critical path and finish on random networks with stages and three calendars (progress recorded, no status date), and the same refusals for cycles', () => {
    let scheduled = 0;
    let refused = 0;
    fc.assert(fc.property(network, (input) => {
      const expected = answer(referenceScheduleNetwork, input);
      expect(answer(scheduleNetwork, input)).toEqual(expected);
      if (expected.result) scheduled++;
      else refused++;
    }), { numRuns: 400, seed: 20261130 });
    // Both kinds of answer were compared, not only one.
    expect(scheduled).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(20);
  });

  it('the same refusal when the plan runs past the years the calendars cover', () => {
    const calendar = CALENDARS[0];
    const input = {
      projectStart: '2199-06-01',
      tasks: [{ id: 'A', name: 'A', durationDays: 400, calendar }, { id: 'B', name: 'B', durationDays: 1, calendar }],
      links: [{ predecessorId: 'A', successorId: 'B', type: 'FS' as const, lagDays: 0 }],
    };
    const expected = answer(referenceScheduleNetwork, input);
    expect(expected.error?.name).toBe('RangeError');
    expect(answer(scheduleNetwork, input)).toEqual(expected);
  });
});
