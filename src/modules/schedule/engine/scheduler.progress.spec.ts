import { resolve } from 'node:path';
import { CalendarRegistry, loadCalendarDefinitions } from '../../calendar/calendar-registry';
import { WorkCalendar } from '../../calendar/work-calendar';
import { LinkType, scheduleNetwork, ScheduleTaskInput } from './scheduler';

const registry = new CalendarRegistry(loadCalendarDefinitions(resolve('templates/calendars')));
const STANDARD = registry.get('STANDARD')!;
const RU = registry.get('RU')!;

type Progress = Pick<ScheduleTaskInput, 'actualStart' | 'actualFinish' | 'percentComplete' | 'stageId'>;
const task = (id: string, durationDays: number, progress: Progress = {}, calendar: WorkCalendar = STANDARD, startNoEarlierThan?: string): ScheduleTaskInput =>
  ({ id, name: id, durationDays, calendar, startNoEarlierThan, ...progress });
const link = (predecessorId: string, successorId: string, type: LinkType = 'FS', lagDays = 0) => ({ predecessorId, successorId, type, lagDays });
const view = (result: ReturnType<typeof scheduleNetwork>, id: string) => {
  const t = result.tasks.get(id)!;
  return { start: t.start, finish: t.finish, lateStart: t.lateStart, lateFinish: t.lateFinish, float: t.totalFloatDays, critical: t.critical };
};

describe('scheduler: progress as of a status date (REPORTING.md)', () => {
  it('RU across a holiday: 30 % of 10 days left on Friday 6 March finish from Tuesday 10 March (9 March is a holiday); an FS successor follows', () => {
    // r = ⌈10 × 30 / 100⌉ = 3: 10, 11, 12 March (the plan alone: 2–16 March). B (2 days) 13 and 16 March.
    const result = scheduleNetwork({
      projectStart: '2026-03-02',
      statusDate: '2026-03-06',
      tasks: [task('A', 10, { actualStart: '2026-03-02', percentComplete: 70 }, RU), task('B', 2, {}, RU)],
      links: [link('A', 'B')],
    });
    expect(view(result, 'A')).toEqual({ start: '2026-03-02', finish: '2026-03-12', lateStart: '2026-03-02', lateFinish: '2026-03-12', float: 0, critical: true });
    expect(view(result, 'B')).toEqual({ start: '2026-03-13', finish: '2026-03-16', lateStart: '2026-03-13', lateFinish: '2026-03-16', float: 0, critical: true });
    expect(result.finishDate).toBe('2026-03-16');
    expect(result.criticalPath).toEqual(['A', 'B']);
  });

  it('in progress at 50 % with an FS successor: half of 6 days left on Tuesday 6 January runs 7–9 January; the successor starts Monday 12', () => {
    // The plan alone would run A 5–12 January and B on 13 January.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-06',
      tasks: [task('A', 6, { actualStart: '2026-01-05', percentComplete: 50 }), task('B', 1)],
      links: [link('A', 'B')],
    });
    expect(view(result, 'A')).toEqual({ start: '2026-01-05', finish: '2026-01-09', lateStart: '2026-01-05', lateFinish: '2026-01-09', float: 0, critical: true });
    expect(view(result, 'B')).toEqual({ start: '2026-01-12', finish: '2026-01-12', lateStart: '2026-01-12', lateFinish: '2026-01-12', float: 0, critical: true });
    expect(result.tasks.get('A')).toMatchObject({ startPoint: STANDARD.startPoint('2026-01-05'), finishPoint: STANDARD.endPoint('2026-01-09') });
  });

  it('remaining work rounds up and is at least a day: 99 % of 10 days leaves 1, 0 % leaves all 10', () => {
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-09',
      tasks: [task('Nearly', 10, { actualStart: '2026-01-05', percentComplete: 99 }), task('Barely', 10, { actualStart: '2026-01-09', percentComplete: 0 }), task('Third', 4, { actualStart: '2026-01-06', percentComplete: 30 })],
      links: [],
    });
    expect(view(result, 'Nearly').finish).toBe('2026-01-12');
    expect(view(result, 'Barely').finish).toBe('2026-01-23');
    // ⌈4 × 70 / 100⌉ = ⌈2.8⌉ = 3: 12, 13, 14 January.
    expect(view(result, 'Third').finish).toBe('2026-01-14');
  });

  it('a finished task sits on its actual dates whatever its predecessors say; its successors follow them; float 0, never critical', () => {
    // P planned 5 days from 5 January, actually 5–14 January. S = Wed 14 January.
    // R, FS lag 3 after P: from the end of 14 January, 3 working days on: Tue 20 January.
    // Q, FS after P, 3 days: 15, 16, 19 January. O, P's predecessor, not started: 15–16 January,
    // and P (finished) puts no late date on it: it may finish as late as the project, 20 January.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-14',
      tasks: [task('O', 2), task('P', 5, { actualStart: '2026-01-05', actualFinish: '2026-01-14', percentComplete: 100 }), task('Q', 3), task('R', 1)],
      links: [link('O', 'P'), link('P', 'Q'), link('P', 'R', 'FS', 3)],
    });
    expect(view(result, 'P')).toEqual({ start: '2026-01-05', finish: '2026-01-14', lateStart: '2026-01-05', lateFinish: '2026-01-14', float: 0, critical: false });
    expect(view(result, 'R')).toEqual({ start: '2026-01-20', finish: '2026-01-20', lateStart: '2026-01-20', lateFinish: '2026-01-20', float: 0, critical: true });
    expect(view(result, 'Q')).toEqual({ start: '2026-01-15', finish: '2026-01-19', lateStart: '2026-01-16', lateFinish: '2026-01-20', float: 1, critical: false });
    expect(view(result, 'O')).toEqual({ start: '2026-01-15', finish: '2026-01-16', lateStart: '2026-01-19', lateFinish: '2026-01-20', float: 2, critical: false });
    expect(result.criticalPath).toEqual(['R']);
    expect(result.finishDate).toBe('2026-01-20');
  });

  it('a finished task that is the last one is the forecast finish, and still not critical', () => {
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-20',
      tasks: [task('A', 3, { actualStart: '2026-01-05', actualFinish: '2026-01-20' })],
      links: [],
    });
    expect(result.finishDate).toBe('2026-01-20');
    expect(result.criticalPath).toEqual([]);
  });

  it('not started: starts no earlier than the first working day after S (Friday 9 January → Monday 12); a later constraint still holds', () => {
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-09',
      tasks: [task('A', 3), task('B', 1, {}, STANDARD, '2026-01-07'), task('C', 1, {}, STANDARD, '2026-01-20')],
      links: [],
    });
    expect([view(result, 'A').start, view(result, 'A').finish]).toEqual(['2026-01-12', '2026-01-14']);
    expect(view(result, 'B').start).toBe('2026-01-12');
    expect(view(result, 'C').start).toBe('2026-01-20');
  });

  it('RU: the first working day after the status date is read in the task\'s own calendar', () => {
    // S = Wed 31 December 2025: STANDARD resumes Thursday 1 January, RU on Monday 12 January.
    const result = scheduleNetwork({
      projectStart: '2025-12-29',
      statusDate: '2025-12-31',
      tasks: [task('Std', 1), task('Ru', 1, {}, RU)],
      links: [],
    });
    expect(view(result, 'Std').start).toBe('2026-01-01');
    expect(view(result, 'Ru').start).toBe('2026-01-12');
  });

  it('in progress: an FF predecessor not yet started holds the finish later than the remaining work alone', () => {
    // S = Fri 9 January. Y (not started, 10 days) 12–23 January. X: 50 % of 4 left = 2 days,
    // 12–13 January alone; FF lag 0 after Y: finishes 23 January. An FS predecessor of X, not
    // finished, does not move X's actual start.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-09',
      tasks: [task('W', 2), task('Y', 10), task('X', 4, { actualStart: '2026-01-06', percentComplete: 50 })],
      links: [link('W', 'X'), link('Y', 'X', 'FF')],
    });
    expect(view(result, 'Y')).toMatchObject({ start: '2026-01-12', finish: '2026-01-23', float: 0 });
    expect(view(result, 'X')).toMatchObject({ start: '2026-01-06', finish: '2026-01-23', float: 0, critical: true });
    // W is X's FS predecessor: X has started, so W's late finish is the project's (float 8: 14–23 January).
    expect(view(result, 'W')).toMatchObject({ start: '2026-01-12', finish: '2026-01-13', lateFinish: '2026-01-23', float: 8 });
  });

  it('0-day tasks: a marker not started sits on the first working day after S; a finished marker is read at the start of its date; one in progress reaches its finish after S', () => {
    // S = Wed 7 January. M (not started) on Thu 8 January. F finished on 7 January: G, FS lag 2,
    // counts from the start of 7 January: Fri 9 January. H, started 5 January, no finish: 8 January.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-07',
      tasks: [task('M', 0), task('F', 0, { actualStart: '2026-01-07', actualFinish: '2026-01-07' }), task('G', 1), task('H', 0, { actualStart: '2026-01-05' })],
      links: [link('F', 'G', 'FS', 2)],
    });
    expect([view(result, 'M').start, view(result, 'M').finish]).toEqual(['2026-01-08', '2026-01-08']);
    expect(view(result, 'F')).toMatchObject({ start: '2026-01-07', finish: '2026-01-07', float: 0, critical: false });
    expect([view(result, 'G').start, view(result, 'G').finish]).toEqual(['2026-01-09', '2026-01-09']);
    expect([view(result, 'H').start, view(result, 'H').finish]).toEqual(['2026-01-05', '2026-01-08']);
  });

  it('stages in sequence: the next stage waits for the forecast finish of the work in progress; a task that started early keeps its start and does not constrain the earlier stage', () => {
    // S = Wed 14 January. Stage 1: A finished 5–13 January; B started 12 January, nothing done,
    // 3 days from 15 January: 15, 16, 19. Stage 2: C (2 days) after stage 1: 20–21 January;
    // D started 13 January ahead of the stage order, 1 day left: 15 January, float 4 (16–21).
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-14',
      stageOrder: ['s1', 's2'],
      tasks: [
        task('A', 5, { stageId: 's1', actualStart: '2026-01-05', actualFinish: '2026-01-13' }),
        task('B', 3, { stageId: 's1', actualStart: '2026-01-12', percentComplete: 0 }),
        task('C', 2, { stageId: 's2' }),
        task('D', 1, { stageId: 's2', actualStart: '2026-01-13' }),
      ],
      links: [],
    });
    expect(view(result, 'A')).toMatchObject({ start: '2026-01-05', finish: '2026-01-13', critical: false });
    expect(view(result, 'B')).toEqual({ start: '2026-01-12', finish: '2026-01-19', lateStart: '2026-01-12', lateFinish: '2026-01-19', float: 0, critical: true });
    expect(view(result, 'C')).toEqual({ start: '2026-01-20', finish: '2026-01-21', lateStart: '2026-01-20', lateFinish: '2026-01-21', float: 0, critical: true });
    expect(view(result, 'D')).toEqual({ start: '2026-01-13', finish: '2026-01-15', lateStart: '2026-01-19', lateFinish: '2026-01-21', float: 4, critical: false });
    expect(result.criticalPath).toEqual(['B', 'C']);
  });

  it('out of sequence: a task started before its FS predecessor keeps its start and its remaining work, and puts no negative float on the predecessor', () => {
    // S = Fri 9 January. P (not started, 3 days) 12–14 January. X started 7 January ahead of P,
    // 50 % of 4 days left: 12–13 January. P's late finish is the project's, 14 January: float 0.
    const result = scheduleNetwork({
      projectStart: '2026-01-05',
      statusDate: '2026-01-09',
      tasks: [task('P', 3), task('X', 4, { actualStart: '2026-01-07', percentComplete: 50 })],
      links: [link('P', 'X')],
    });
    expect(view(result, 'X')).toMatchObject({ start: '2026-01-07', finish: '2026-01-13', float: 1, critical: false });
    expect(view(result, 'P')).toEqual({ start: '2026-01-12', finish: '2026-01-14', lateStart: '2026-01-12', lateFinish: '2026-01-14', float: 0, critical: true });
  });

  it('without a status date, progress is ignored: the plan reads exactly as without it', () => {
    const plain = [task('A', 5), task('B', 3), task('C', 0)];
    const withProgress = [
      task('A', 5, { actualStart: '2026-01-05', actualFinish: '2026-01-20' }),
      task('B', 3, { actualStart: '2026-01-21', percentComplete: 50 }),
      task('C', 0),
    ];
    const links = [link('A', 'B'), link('B', 'C')];
    expect(scheduleNetwork({ projectStart: '2026-01-05', tasks: withProgress, links, statusDate: null }))
      .toEqual(scheduleNetwork({ projectStart: '2026-01-05', tasks: plain, links }));
  });
});
