import { resolve } from 'node:path';
import { CalendarRegistry, loadCalendarDefinitions } from '../../calendar/calendar-registry';
import { WorkCalendar } from '../../calendar/work-calendar';
import { DependencyCycleError, findCycleIfLinked, LinkType, scheduleNetwork, ScheduleTaskInput } from './scheduler';

const registry = new CalendarRegistry(loadCalendarDefinitions(resolve('templates/calendars')));
const STANDARD = registry.get('STANDARD')!;
const RU = registry.get('RU')!;
/** Monday–Saturday: Saturday is a working day. */
const SIX_DAY = new WorkCalendar({ code: 'SIX', name: 'Six-day week', weeklyRestDays: [0], holidays: [], extraWorkingDays: [] });

const task = (id: string, durationDays: number, calendar: WorkCalendar = STANDARD, startNoEarlierThan?: string): ScheduleTaskInput =>
  ({ id, name: id, durationDays, calendar, startNoEarlierThan });
const staged = (stageId: string, id: string, durationDays: number, calendar: WorkCalendar = STANDARD): ScheduleTaskInput =>
  ({ ...task(id, durationDays, calendar), stageId });
const link = (predecessorId: string, successorId: string, type: LinkType = 'FS', lagDays = 0) => ({ predecessorId, successorId, type, lagDays });
const dates = (result: ReturnType<typeof scheduleNetwork>, id: string) => {
  const t = result.tasks.get(id)!;
  return [t.start, t.finish];
};

describe('scheduler: forward pass', () => {
  // P runs Mon 5 – Fri 9 January 2026 (SCHEDULING.md).
  const P = task('P', 5);

  it.each([
    ['FS lag 0', link('P', 'S', 'FS', 0), 1, ['2026-01-12', '2026-01-12']],
    ['FS lag 2', link('P', 'S', 'FS', 2), 1, ['2026-01-14', '2026-01-14']],
    ['SS lag 1', link('P', 'S', 'SS', 1), 1, ['2026-01-06', '2026-01-06']],
    ['FF lag 0, 3 days', link('P', 'S', 'FF', 0), 3, ['2026-01-07', '2026-01-09']],
    ['FS lag −2', link('P', 'S', 'FS', -2), 1, ['2026-01-08', '2026-01-08']],
    ['SS lag −1 is held at the project start', link('P', 'S', 'SS', -1), 2, ['2026-01-05', '2026-01-06']],
    ['FF lag 2, 2 days', link('P', 'S', 'FF', 2), 2, ['2026-01-12', '2026-01-13']],
    ['FF lag −1, 2 days', link('P', 'S', 'FF', -1), 2, ['2026-01-07', '2026-01-08']],
    ['SF lag 0, 2 days: finishes the day before P starts, held at the start', link('P', 'S', 'SF', 0), 2, ['2026-01-05', '2026-01-06']],
    ['SF lag 3, 2 days', link('P', 'S', 'SF', 3), 2, ['2026-01-06', '2026-01-07']],
    ['FS lag 0 over a weekend with a 3-day successor', link('P', 'S', 'FS', 0), 3, ['2026-01-12', '2026-01-14']],
  ])('%s', (_label, l, duration, expected) => {
    const result = scheduleNetwork({ projectStart: '2026-01-05', tasks: [P, task('S', duration as number)], links: [l] });
    expect(dates(result, 'P')).toEqual(['2026-01-05', '2026-01-09']);
    expect(dates(result, 'S')).toEqual(expected);
  });

  it('SF with a negative lag: a 2-day task finishes no earlier than a day before P starts, minus one', () => {
    // P starts Fri 9 Jan (point 4); s + 2 ≥ 4 − 1 → s = 1: Tue 6 – Wed 7 Jan.
    const result = scheduleNetwork({ projectStart: '2026-01-05', tasks: [task('P', 5, STANDARD, '2026-01-09'), task('S', 2)], links: [link('P', 'S', 'SF', -1)] });
    expect(dates(result, 'S')).toEqual(['2026-01-06', '2026-01-07']);
  });

  it('holds every task at the project start, moved to a working day', () => {
    const result = scheduleNetwork({ projectStart: '2026-01-03', tasks: [task('A', 2)], links: [] });
    expect(dates(result, 'A')).toEqual(['2026-01-05', '2026-01-06']);
  });

  it('honours start-no-earlier-than, on a weekend moved to Monday', () => {
    const result = scheduleNetwork({ projectStart: '2026-01-05', tasks: [task('A', 1, STANDARD, '2026-01-17')], links: [] });
    expect(dates(result, 'A')).toEqual(['2026-01-19', '2026-01-19']);
  });

  it('a constraint earlier than a predecessor does not pull the task back', () => {
    const result = scheduleNetwork({ projectStart: '2026-01-05', tasks: [task('P', 5), task('A', 1, STANDARD, '2026-01-06')], links: [link('P', 'A')] });
    expect(dates(result, 'A')).toEqual(['2026-01-12', '2026-01-12']);
  });

  it('0-day markers: start = finish; a successor FS 0 starts the same day', () => {
    const result = scheduleNetwork({ projectStart: '2026-01-05', tasks: [task('P', 5), task('M', 0), task('S', 2)], links: [link('P', 'M'), link('M', 'S')] });
    expect(dates(result, 'M')).toEqual(['2026-01-12', '2026-01-12']);
    expect(dates(result, 'S')).toEqual(['2026-01-12', '2026-01-13']);
  });

  it('across calendars: a STANDARD predecessor finishing Friday 2 January, an RU successor starts 12 January', () => {
    const result = scheduleNetwork({ projectStart: '2025-12-29', tasks: [task('P', 5, STANDARD), task('S', 2, RU)], links: [link('P', 'S')] });
    expect(dates(result, 'P')).toEqual(['2025-12-29', '2026-01-02']);
    expect(dates(result, 'S')).toEqual(['2026-01-12', '2026-01-13']);
  });

  it('across calendars: an RU predecessor finishing 30 December, a STANDARD successor starts 31 December', () => {
    const result = scheduleNetwork({ projectStart: '2026-12-28', tasks: [task('P', 3, RU), task('S', 1, STANDARD)], links: [link('P', 'S')] });
    expect(dates(result, 'P')).toEqual(['2026-12-28', '2026-12-30']);
    expect(dates(result, 'S')).toEqual(['2026-12-31', '2026-12-31']);
  });

  it('across calendars: a Friday finish lets a six-day-week successor start on Saturday; its lag counts its own days', () => {
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      tasks: [task('P', 5, STANDARD), task('S', 1, SIX_DAY), task('L', 1, SIX_DAY)],
      links: [link('P', 'S'), link('P', 'L', 'FS', 2)],
    });
    expect(dates(result, 'S')).toEqual(['2026-01-10', '2026-01-10']);
    expect(dates(result, 'L')).toEqual(['2026-01-13', '2026-01-13']);
  });

  it('RU 2026: a 247-working-day task from 1 January runs 12 January – 30 December', () => {
    const result = scheduleNetwork({ projectStart: '2026-01-01', tasks: [task('Year', 247, RU)], links: [] });
    expect(dates(result, 'Year')).toEqual(['2026-01-12', '2026-12-30']);
  });

  it('RU holidays and transfers: 5 days from Wednesday 6 May 2026 skip Monday 11 May', () => {
    const result = scheduleNetwork({ projectStart: '2026-05-06', tasks: [task('A', 5, RU)], links: [] });
    expect(dates(result, 'A')).toEqual(['2026-05-06', '2026-05-13']);
  });
});

describe('scheduler: backward pass, float and critical path', () => {
  /*
   * Computed by hand (Mon–Fri, start Mon 2 March 2026):
   *   A 3d: 2–4 Mar.  B 2d after A: 5–6 Mar.  C 1d after A: 5 Mar.  D 2d after B and C: 9–10 Mar.
   *   E 1d, FS −1 after B (starts 6 Mar), nothing after it: late finish = project finish 10 Mar.
   *   Late: D 9–10, B 5–6 (float 0), C late 6 Mar (float 1), A 2–4 (float 0), E late 10 Mar (float 2).
   */
  const result = scheduleNetwork({
    projectStart: '2026-03-02',
    tasks: [task('A', 3), task('B', 2), task('C', 1), task('D', 2), task('E', 1)],
    links: [link('A', 'B'), link('A', 'C'), link('B', 'D'), link('C', 'D'), link('B', 'E', 'FS', -1)],
  });
  const view = (id: string) => {
    const t = result.tasks.get(id)!;
    return [t.start, t.finish, t.lateStart, t.lateFinish, t.totalFloatDays, t.critical];
  };

  it('computes late dates and float', () => {
    expect(view('A')).toEqual(['2026-03-02', '2026-03-04', '2026-03-02', '2026-03-04', 0, true]);
    expect(view('B')).toEqual(['2026-03-05', '2026-03-06', '2026-03-05', '2026-03-06', 0, true]);
    expect(view('C')).toEqual(['2026-03-05', '2026-03-05', '2026-03-06', '2026-03-06', 1, false]);
    expect(view('D')).toEqual(['2026-03-09', '2026-03-10', '2026-03-09', '2026-03-10', 0, true]);
    expect(view('E')).toEqual(['2026-03-06', '2026-03-06', '2026-03-10', '2026-03-10', 2, false]);
  });

  it('lists the critical path by start, finish and name, and the finish date', () => {
    expect(result.criticalPath).toEqual(['A', 'B', 'D']);
    expect(result.finishDate).toBe('2026-03-10');
  });

  it('reads SS, FF and SF links backwards', () => {
    // P 5d Mon 2 – Fri 6 Mar; S SS+2 3d (4–6 Mar); F FF+1 2d (6–9 Mar); T SF+3 1d (5 Mar).
    const r = scheduleNetwork({
      projectStart: '2026-03-02',
      tasks: [task('P', 5), task('S', 3), task('F', 2), task('T', 1)],
      links: [link('P', 'S', 'SS', 2), link('P', 'F', 'FF', 1), link('P', 'T', 'SF', 3)],
    });
    const t = (id: string) => r.tasks.get(id)!;
    expect([t('F').start, t('F').finish, t('F').totalFloatDays]).toEqual(['2026-03-06', '2026-03-09', 0]);
    expect([t('P').lateFinish, t('P').totalFloatDays]).toEqual(['2026-03-06', 0]);
    expect([t('S').start, t('S').lateFinish, t('S').totalFloatDays]).toEqual(['2026-03-04', '2026-03-09', 1]);
    expect([t('T').start, t('T').lateFinish, t('T').totalFloatDays]).toEqual(['2026-03-04', '2026-03-09', 3]);
  });

  it('a 0-day marker may sit as late as the project finish point: the end of Friday is the start of Monday', () => {
    // A ends Fri 6 Mar: the project's finish is point 5, the start of Mon 9 Mar.
    const r = scheduleNetwork({ projectStart: '2026-03-02', tasks: [task('A', 5), task('M', 0)], links: [] });
    expect([r.tasks.get('M')!.lateStart, r.tasks.get('M')!.lateFinish, r.tasks.get('M')!.totalFloatDays]).toEqual(['2026-03-09', '2026-03-09', 5]);
    // Constrained to start no earlier than Fri 6 Mar it keeps one day of float and is not critical.
    const pinned = scheduleNetwork({ projectStart: '2026-03-02', tasks: [task('A', 5), { ...task('M', 0), startNoEarlierThan: '2026-03-06' }], links: [] });
    expect([pinned.tasks.get('M')!.totalFloatDays, pinned.tasks.get('M')!.critical]).toEqual([1, false]);
    expect(pinned.criticalPath).toEqual(['A']);
  });

  it('an empty plan has no finish date', () => {
    const result = scheduleNetwork({ projectStart: '2026-03-02', tasks: [], links: [] });
    expect({ ...result, tasks: new Map(result.tasks) }).toEqual({ tasks: new Map(), finishDate: null, criticalPath: [] });
    expect(result.tasks.size).toBe(0);
    expect(result.tasks.get('anything')).toBeUndefined();
  });
});

describe('scheduler: stages run in sequence', () => {
  const view = (result: ReturnType<typeof scheduleNetwork>, id: string) => {
    const t = result.tasks.get(id)!;
    return [t.start, t.finish, t.lateStart, t.lateFinish, t.totalFloatDays, t.critical];
  };

  it('a task added to a later stage, with no links, starts after the earlier stage finishes', () => {
    // Mon–Fri from Mon 5 Jan 2026. Analysis: A1 5d 5–9 Jan, A2 3d after it 12–14 Jan. Design: D1 2d
    // after A2 (15–16 Jan) and N 4d with no links: Analysis finishes at the end of Wed 14 Jan, so N
    // runs Thu 15 – Tue 20 Jan (without stages it would start on 5 Jan). A task added to the first
    // stage, F 1d, has no stage before it and starts on the project start.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      stageOrder: ['ANALYSIS', 'DESIGN'],
      tasks: [staged('ANALYSIS', 'A1', 5), staged('ANALYSIS', 'A2', 3), staged('DESIGN', 'D1', 2), staged('DESIGN', 'N', 4), staged('ANALYSIS', 'F', 1)],
      links: [link('A1', 'A2'), link('A2', 'D1')],
    });
    expect(dates(result, 'D1')).toEqual(['2026-01-15', '2026-01-16']);
    expect(dates(result, 'N')).toEqual(['2026-01-15', '2026-01-20']);
    expect(dates(result, 'F')).toEqual(['2026-01-05', '2026-01-05']);
    expect(result.finishDate).toBe('2026-01-20');
    const unstaged = scheduleNetwork({ projectStart: '2026-01-05', tasks: [task('A1', 5), task('N', 4)], links: [] });
    expect(dates(unstaged, 'N')).toEqual(['2026-01-05', '2026-01-08']);
  });

  it('the stage order decides, not the stages\' names or the tasks\' order', () => {
    // Second, then First: F (First, 2d) waits for S (Second, 3d: Mon 5 – Wed 7 Jan) and runs 8–9 Jan.
    const result = scheduleNetwork({
      projectStart: '2026-01-05', stageOrder: ['Second', 'First'], tasks: [staged('First', 'F', 2), staged('Second', 'S', 3)], links: [],
    });
    expect(dates(result, 'S')).toEqual(['2026-01-05', '2026-01-07']);
    expect(dates(result, 'F')).toEqual(['2026-01-08', '2026-01-09']);
  });

  it('a stage without tasks carries the earlier stage\'s finish; an empty first stage constrains nothing', () => {
    // S0 empty; S1: A 3d Mon 5 – Wed 7 Jan (at the project start); S2 empty; S3: C 2d Thu 8 – Fri 9 Jan.
    const result = scheduleNetwork({
      projectStart: '2026-01-05', stageOrder: ['S0', 'S1', 'S2', 'S3'], tasks: [staged('S1', 'A', 3), staged('S3', 'C', 2)], links: [],
    });
    expect(dates(result, 'A')).toEqual(['2026-01-05', '2026-01-07']);
    expect(dates(result, 'C')).toEqual(['2026-01-08', '2026-01-09']);
  });

  it('the finish is the latest of the stage\'s tasks, and a 0-day marker\'s finish is its start', () => {
    // S1: A 5d Mon 5 – Fri 9 Jan, B 2d Mon 5 – Tue 6 Jan, M 0d pinned to Wed 14 Jan (finish instant:
    // the start of 14 Jan). S2: C 1d starts on Wed 14 Jan, not on Mon 12 Jan nor on Thu 15 Jan.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      stageOrder: ['S1', 'S2'],
      tasks: [staged('S1', 'A', 5), staged('S1', 'B', 2), { ...staged('S1', 'M', 0), startNoEarlierThan: '2026-01-14' }, staged('S2', 'C', 1)],
      links: [],
    });
    expect(dates(result, 'C')).toEqual(['2026-01-14', '2026-01-14']);
  });

  it('reads the constraint backwards: late dates, float and the critical path', () => {
    /*
     * Mon–Fri from Mon 5 Jan. S1: A 5d 5–9 Jan, B 2d 5–6 Jan. S2: C 3d 12–14 Jan. Project finish: end of 14 Jan.
     * C is critical; S1 must finish by the start of Mon 12 Jan (C's late start): A late 5–9 (float 0,
     * critical), B late 8–9 Jan (float 3). Without stages A would have float 3 and B 6.
     */
    const result = scheduleNetwork({
      projectStart: '2026-01-05', stageOrder: ['S1', 'S2'], tasks: [staged('S1', 'A', 5), staged('S1', 'B', 2), staged('S2', 'C', 3)], links: [],
    });
    expect(view(result, 'A')).toEqual(['2026-01-05', '2026-01-09', '2026-01-05', '2026-01-09', 0, true]);
    expect(view(result, 'B')).toEqual(['2026-01-05', '2026-01-06', '2026-01-08', '2026-01-09', 3, false]);
    expect(view(result, 'C')).toEqual(['2026-01-12', '2026-01-14', '2026-01-12', '2026-01-14', 0, true]);
    expect(result.criticalPath).toEqual(['A', 'C']);
  });

  it('reads the constraint backwards through a stage without tasks, next to work outside stages', () => {
    /*
     * S1: A 2d Mon 5 – Tue 6 Jan. S2 empty. S3: C 3d Wed 7 – Fri 9 Jan. X 10d outside stages,
     * Mon 5 – Fri 16 Jan, sets the project finish (end of 16 Jan): X critical; C late 14–16 Jan
     * (float 5); A must finish before C's late start, Wed 14 Jan: late 12–13 Jan (float 5).
     */
    const result = scheduleNetwork({
      projectStart: '2026-01-05', stageOrder: ['S1', 'S2', 'S3'], tasks: [staged('S1', 'A', 2), staged('S3', 'C', 3), task('X', 10)], links: [],
    });
    expect(view(result, 'A')).toEqual(['2026-01-05', '2026-01-06', '2026-01-12', '2026-01-13', 5, false]);
    expect(view(result, 'C')).toEqual(['2026-01-07', '2026-01-09', '2026-01-14', '2026-01-16', 5, false]);
    expect(view(result, 'X')).toEqual(['2026-01-05', '2026-01-16', '2026-01-05', '2026-01-16', 0, true]);
    expect(result.criticalPath).toEqual(['X']);
  });

  it('tasks outside stages are not constrained, neither forwards nor backwards', () => {
    /*
     * S1: A 5d Mon 5 – Fri 9 Jan. S2: B 1d Mon 12 Jan. Y 2d outside stages starts on the project
     * start, 5–6 Jan, and may finish as late as the project (end of 12 Jan): late 9–12 Jan, float 4.
     * Z 1d outside stages after A (FS) follows only its link: Mon 12 Jan, float 0.
     */
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      stageOrder: ['S1', 'S2'],
      tasks: [staged('S1', 'A', 5), staged('S2', 'B', 1), task('Y', 2), task('Z', 1)],
      links: [link('A', 'Z')],
    });
    expect(view(result, 'Y')).toEqual(['2026-01-05', '2026-01-06', '2026-01-09', '2026-01-12', 4, false]);
    expect(view(result, 'Z')).toEqual(['2026-01-12', '2026-01-12', '2026-01-12', '2026-01-12', 0, true]);
    expect(view(result, 'B')).toEqual(['2026-01-12', '2026-01-12', '2026-01-12', '2026-01-12', 0, true]);
  });

  it('across calendars, as an FS lag 0 link: a Friday finish lets a six-day-week task of the next stage start on Saturday', () => {
    // S1: P 5d STANDARD Mon 5 – Fri 9 Jan. S2: S 1d SIX_DAY on Sat 10 Jan. Backwards, P must finish
    // by the start of Sat 10 Jan: its late finish is Fri 9 Jan, float 0.
    const result = scheduleNetwork({
      projectStart: '2026-01-05', stageOrder: ['S1', 'S2'], tasks: [staged('S1', 'P', 5), staged('S2', 'S', 1, SIX_DAY)], links: [],
    });
    expect(view(result, 'S')).toEqual(['2026-01-10', '2026-01-10', '2026-01-10', '2026-01-10', 0, true]);
    expect(view(result, 'P')).toEqual(['2026-01-05', '2026-01-09', '2026-01-05', '2026-01-09', 0, true]);
  });

  it('across calendars: an RU task of the next stage waits for the New Year holidays', () => {
    // S1: P 5d STANDARD Mon 29 Dec 2025 – Fri 2 Jan 2026. S2: S 2d RU: 12–13 Jan 2026 (RU rests until 11 Jan).
    const result = scheduleNetwork({
      projectStart: '2025-12-29', stageOrder: ['S1', 'S2'], tasks: [staged('S1', 'P', 5), staged('S2', 'S', 2, RU)], links: [],
    });
    expect(dates(result, 'S')).toEqual(['2026-01-12', '2026-01-13']);
  });

  it('a link from a task of a later stage to one of an earlier stage closes a cycle through the stage\'s finish', () => {
    let error: unknown;
    try {
      scheduleNetwork({
        projectStart: '2026-01-05', stageOrder: ['S1', 'S2'], tasks: [staged('S2', 'X', 1), staged('S1', 'Y', 1)], links: [link('X', 'Y')],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    // Y → (finish of S1) → X → Y, starting at a task.
    const { steps, cycle } = error as DependencyCycleError;
    const rotations = [
      [[{ taskId: 'Y' }, { stageFinishOf: 'S1' }, { taskId: 'X' }], ['Y', 'X']],
      [[{ taskId: 'X' }, { taskId: 'Y' }, { stageFinishOf: 'S1' }], ['X', 'Y']],
    ];
    expect(rotations).toContainEqual([steps, cycle]);
  });

  it('refuses a task naming a stage outside the stage order', () => {
    expect(() => scheduleNetwork({ projectStart: '2026-01-05', stageOrder: ['S1'], tasks: [staged('S9', 'A', 1)], links: [] })).toThrow(/S9/);
  });
});

describe('scheduler: cycles', () => {
  it('refuses a network with a cycle, naming it in link order', () => {
    let error: unknown;
    try {
      scheduleNetwork({ projectStart: '2026-03-02', tasks: [task('A', 1), task('B', 1), task('C', 1), task('X', 1)], links: [link('X', 'A'), link('A', 'B'), link('B', 'C'), link('C', 'A')] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DependencyCycleError);
    const cycle = (error as DependencyCycleError).cycle;
    expect(cycle).toHaveLength(3);
    // A rotation of A → B → C.
    expect([...cycle, ...cycle].join('')).toContain('ABC');
  });

  it('says whether a new link would close a cycle, and which', () => {
    const links = [link('A', 'B'), link('B', 'C'), link('X', 'C')];
    expect(findCycleIfLinked(['A', 'B', 'C', 'X'], links, { predecessorId: 'C', successorId: 'A' })).toEqual(['A', 'B', 'C']);
    expect(findCycleIfLinked(['A', 'B', 'C', 'X'], links, { predecessorId: 'C', successorId: 'X' })).toEqual(['X', 'C']);
    expect(findCycleIfLinked(['A', 'B', 'C', 'X'], links, { predecessorId: 'A', successorId: 'X' })).toBeNull();
  });
});

describe('scheduler: the tasks of a result read as a map', () => {
  const calendar = STANDARD;
  const result = scheduleNetwork({
    projectStart: '2026-03-02',
    tasks: [
      { id: 'a', name: 'A', durationDays: 2, calendar },
      { id: 'b', name: 'B', durationDays: 1, calendar },
    ],
    links: [{ predecessorId: 'a', successorId: 'b', type: 'FS', lagDays: 0 }],
  });

  it('by id, in input order, the same row each time it is read', () => {
    expect(result.tasks.size).toBe(2);
    expect(result.tasks.has('a')).toBe(true);
    expect(result.tasks.has('c')).toBe(false);
    expect(result.tasks.get('c')).toBeUndefined();
    expect(result.tasks.get('b')).toMatchObject({ start: '2026-03-04', finish: '2026-03-04', critical: true });
    expect(result.tasks.get('a')).toBe(result.tasks.get('a'));
    expect([...result.tasks.keys()]).toEqual(['a', 'b']);
    expect([...result.tasks.values()].map((t) => t.start)).toEqual(['2026-03-02', '2026-03-04']);
    expect([...result.tasks].map(([id, t]) => `${id} ${t.finish}`)).toEqual(['a 2026-03-03', 'b 2026-03-04']);
    const seen: string[] = [];
    result.tasks.forEach((t, id, map) => seen.push(`${id} ${t.totalFloatDays} ${map === result.tasks}`));
    expect(seen).toEqual(['a 0 true', 'b 0 true']);
  });
});
