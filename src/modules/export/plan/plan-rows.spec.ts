import { join, resolve } from 'node:path';
import { CalendarRegistry, loadCalendarDefinitions } from '../../calendar/calendar-registry';
import { buildPlanRows, planRows, predecessorText, type PlanInput, type PlanTask } from './plan-rows';

const calendar = new CalendarRegistry(loadCalendarDefinitions(join(resolve('templates'), 'calendars'))).get('STANDARD')!;
const task = (id: string, over: Partial<PlanTask>): PlanTask => ({
  id, name: id, stageId: null, milestoneId: null, milestonePhase: null, durationDays: 5, start: '2026-03-02', finish: '2026-03-06',
  totalFloatDays: 0, critical: true, percentComplete: 0, actualStart: null, actualFinish: null, ...over,
});

function plan(over: Partial<PlanInput> = {}): PlanInput {
  return {
    calendar,
    stages: [{ id: 's2', name: 'Build', sequence: 2 }, { id: 's1', name: 'Analysis', sequence: 1 }],
    milestones: [{ id: 'm1', name: 'Go-live HQ', functionAreaId: 'a1', territoryId: 't1' }],
    tasks: [
      task('build', { stageId: 's2', start: '2026-03-09', finish: '2026-03-13' }),
      task('interviews', { stageId: 's1', percentComplete: 100, actualStart: '2026-03-02', actualFinish: '2026-03-06' }),
      task('prepare', { milestoneId: 'm1', milestonePhase: 'PREPARE', start: '2026-03-16', finish: '2026-03-20', critical: false, totalFloatDays: 4 }),
      task('launch', { milestoneId: 'm1', milestonePhase: 'LAUNCH', durationDays: 0, start: '2026-03-23', finish: '2026-03-23', critical: false }),
      task('loose', { start: '2026-03-02', finish: '2026-03-03', durationDays: 2, critical: false }),
    ],
    links: [
      { predecessorId: 'interviews', successorId: 'build', type: 'FS', lagDays: 0 },
      { predecessorId: 'build', successorId: 'prepare', type: 'FS', lagDays: 2 },
      { predecessorId: 'interviews', successorId: 'prepare', type: 'SS', lagDays: 0 },
    ],
    areaNames: new Map([['a1', 'Order intake']]),
    territoryNames: new Map([['t1', 'Head office']]),
    baselineEntries: [
      { taskId: 'build', milestoneId: null, start: '2026-03-09', finish: '2026-03-11' },
      { taskId: null, milestoneId: 'm1', start: '2026-03-16', finish: '2026-03-23' },
      // Of a task and a milestone no longer in the plan: no row shows them, and the chart does not reach for them.
      { taskId: 'removed', milestoneId: null, start: '2025-01-06', finish: '2025-01-10' },
      { taskId: null, milestoneId: 'removed', start: '2027-01-04', finish: '2027-01-08' },
    ],
    groupNames: { rollout: 'Rollout milestones', other: 'Other work' },
    dayUnit: 'd',
    ...over,
  };
}

describe('plan rows', () => {
  it('orders stages by sequence, then milestones outside stages, then other work, with WBS numbers and outline levels', () => {
    const rows = buildPlanRows(plan());
    expect(rows.map((r) => [r.wbs, r.name, r.kind, r.level])).toEqual([
      ['1', 'Analysis', 'stage', 1],
      ['1.1', 'interviews', 'task', 2],
      ['2', 'Build', 'stage', 1],
      ['2.1', 'build', 'task', 2],
      ['3', 'Rollout milestones', 'stage', 1],
      ['3.1', 'Go-live HQ', 'milestone', 2],
      ['3.1.1', 'prepare', 'task', 3],
      ['3.1.2', 'launch', 'task', 3],
      ['4', 'Other work', 'stage', 1],
      ['4.1', 'loose', 'task', 2],
    ]);
  });

  it('writes predecessors by WBS number as MS Project does, in outline order', () => {
    const rows = buildPlanRows(plan());
    expect(rows.find((r) => r.name === 'build')!.predecessors).toBe('1.1');
    expect(rows.find((r) => r.name === 'prepare')!.predecessors).toBe('1.1SS; 2.1FS+2d');
    expect(predecessorText('3', 'FF', -1, 'дн')).toBe('3FF-1дн');
  });

  it('leaves out a predecessor that is not in the plan, whether one or three are linked', () => {
    const links = (ids: string[]) => ids.map((predecessorId) => ({ predecessorId, successorId: 'loose', type: 'FF', lagDays: 1 }));
    const predecessors = (ids: string[]) => buildPlanRows(plan({ links: links(ids) })).find((r) => r.name === 'loose')!.predecessors;
    expect(predecessors(['gone', 'build'])).toBe('2.1FF+1d');
    expect(predecessors(['prepare', 'gone'])).toBe('3.1.1FF+1d');
    expect(predecessors(['gone', 'missing'])).toBe('');
    expect(predecessors(['launch', 'gone', 'interviews'])).toBe('1.1FF+1d; 3.1.2FF+1d');
  });

  it('rolls summaries up and measures variance in working days against the baseline', () => {
    const rows = buildPlanRows(plan());
    const build = rows.find((r) => r.name === 'build')!;
    expect(build).toMatchObject({ baselineFinish: '2026-03-11', varianceDays: 2, critical: true });
    const milestone = rows.find((r) => r.kind === 'milestone')!;
    expect(milestone).toMatchObject({ start: '2026-03-16', finish: '2026-03-23', goLive: '2026-03-23', baselineFinish: '2026-03-23', varianceDays: 0, area: 'Order intake', territory: 'Head office', totalFloatDays: 0 });
    expect(rows.find((r) => r.name === 'launch')).toMatchObject({ goLive: '2026-03-23', area: 'Order intake' });
    const analysis = rows.find((r) => r.name === 'Analysis')!;
    expect(analysis).toMatchObject({ percentComplete: 100, done: true, actualStart: '2026-03-02', actualFinish: '2026-03-06', durationDays: 5 });
  });

  it('reaches the baseline of the tasks and milestones still in the plan only', () => {
    expect(planRows(plan()).baselineSpan).toEqual({ start: '2026-03-09', finish: '2026-03-23' });
    expect(planRows(plan({ baselineEntries: [] })).baselineSpan).toEqual({ start: null, finish: null });
  });
});
