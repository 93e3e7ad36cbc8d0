import { checkTaskProgress } from './progress-rules';
import { progressAtGoLive, progressWhenDone, type ScheduledProgress } from './recorded-progress';
import { MilestonePhase } from './schedule.enums';

const TODAY = '2026-03-16';
const planned = (start: string, finish: string, recorded: Partial<ScheduledProgress> = {}): ScheduledProgress =>
  ({ start, finish, actualStart: null, actualFinish: null, percentComplete: 0, ...recorded });

describe('progress recorded when work is declared done (closing a stage, a go-live)', () => {
  it('work not yet recorded takes its scheduled dates, 100 %', () => {
    expect(progressWhenDone(planned('2026-03-02', '2026-03-06'), TODAY))
      .toEqual({ actualStart: '2026-03-02', actualFinish: '2026-03-06', percentComplete: 100 });
  });

  it('work in progress keeps its actual start and gets its scheduled finish', () => {
    expect(progressWhenDone(planned('2026-03-02', '2026-03-10', { actualStart: '2026-03-04', percentComplete: 40 }), TODAY))
      .toEqual({ actualStart: '2026-03-04', actualFinish: '2026-03-10', percentComplete: 100 });
  });

  it('a finish scheduled before a later actual start finishes on that start (start ≤ finish)', () => {
    expect(progressWhenDone(planned('2026-03-02', '2026-03-03', { actualStart: '2026-03-09', percentComplete: 10 }), TODAY))
      .toEqual({ actualStart: '2026-03-09', actualFinish: '2026-03-09', percentComplete: 100 });
  });

  it('a finish scheduled after the day is recorded on the day: never in the future', () => {
    expect(progressWhenDone(planned('2026-03-12', '2026-03-20'), TODAY))
      .toEqual({ actualStart: '2026-03-12', actualFinish: TODAY, percentComplete: 100 });
  });

  it('work scheduled to start after the day is recorded started and finished on the day', () => {
    expect(progressWhenDone(planned('2026-03-18', '2026-03-25'), TODAY))
      .toEqual({ actualStart: TODAY, actualFinish: TODAY, percentComplete: 100 });
  });

  it('a finished task keeps its actuals', () => {
    expect(progressWhenDone(planned('2026-03-02', '2026-03-06', { actualStart: '2026-03-03', actualFinish: '2026-03-09', percentComplete: 100 }), TODAY)).toBeNull();
  });

  it('a 0-day task finishes on its start', () => {
    expect(progressWhenDone(planned('2026-03-06', '2026-03-06'), TODAY))
      .toEqual({ actualStart: '2026-03-06', actualFinish: '2026-03-06', percentComplete: 100 });
  });
});

describe('progress recorded at a go-live', () => {
  const GO_LIVE = '2026-03-11';

  it('preparation is done by the go-live, on its scheduled dates capped at it', () => {
    expect(progressAtGoLive(planned('2026-02-23', '2026-03-06'), MilestonePhase.PREPARE, GO_LIVE))
      .toEqual({ actualStart: '2026-02-23', actualFinish: '2026-03-06', percentComplete: 100 });
    expect(progressAtGoLive(planned('2026-03-02', '2026-03-13'), MilestonePhase.PREPARE, GO_LIVE))
      .toEqual({ actualStart: '2026-03-02', actualFinish: GO_LIVE, percentComplete: 100 });
  });

  it('the go-live marker happened on the go-live, early or late against the plan', () => {
    expect(progressAtGoLive(planned('2026-03-13', '2026-03-13'), MilestonePhase.LAUNCH, GO_LIVE))
      .toEqual({ actualStart: GO_LIVE, actualFinish: GO_LIVE, percentComplete: 100 });
    expect(progressAtGoLive(planned('2026-03-06', '2026-03-06'), MilestonePhase.LAUNCH, GO_LIVE))
      .toEqual({ actualStart: GO_LIVE, actualFinish: GO_LIVE, percentComplete: 100 });
  });

  it('hypercare has started on the go-live, with its share done kept; a recorded start stays', () => {
    expect(progressAtGoLive(planned('2026-03-12', '2026-03-25'), MilestonePhase.HYPERCARE, GO_LIVE))
      .toEqual({ actualStart: GO_LIVE, actualFinish: null, percentComplete: 0 });
    expect(progressAtGoLive(planned('2026-03-12', '2026-03-25', { actualStart: '2026-03-12', percentComplete: 20 }), MilestonePhase.HYPERCARE, GO_LIVE)).toBeNull();
  });

  it('recorded progress stays', () => {
    const finished = { actualStart: '2026-03-02', actualFinish: '2026-03-05', percentComplete: 100 };
    expect(progressAtGoLive(planned('2026-03-02', '2026-03-06', finished), MilestonePhase.PREPARE, GO_LIVE)).toBeNull();
    expect(progressAtGoLive(planned(GO_LIVE, GO_LIVE, { actualStart: GO_LIVE, actualFinish: GO_LIVE, percentComplete: 100 }), MilestonePhase.LAUNCH, GO_LIVE)).toBeNull();
  });
});

describe('what is recorded always keeps the progress rules', () => {
  it('for any scheduled window and day (property, exhaustive over a small range)', () => {
    const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
    for (let s = 1; s <= 12; s++) {
      for (let f = s; f <= 12; f++) {
        for (const actualStart of [null, ...[1, 4, 8].map(day)]) {
          for (let by = 2; by <= 10; by++) {
            if (actualStart && actualStart > day(by)) continue;
            const task = planned(day(s), day(f), { actualStart, percentComplete: actualStart ? 30 : 0 });
            const results = [progressWhenDone(task, day(by)), ...Object.values(MilestonePhase).map((p) => progressAtGoLive(task, p, day(by)))];
            // Only a hypercare already started has nothing to record.
            expect(results.filter((r) => r === null)).toHaveLength(actualStart ? 1 : 0);
            for (const progress of results.filter((r) => r !== null)) {
              expect(checkTaskProgress(progress, day(by))).toEqual({ ok: true, progress });
              if (actualStart) expect(progress.actualStart).toBe(actualStart);
            }
          }
        }
      }
    }
  });
});
