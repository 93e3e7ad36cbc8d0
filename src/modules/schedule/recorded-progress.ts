import { MilestonePhase } from './schedule.enums';
import type { TaskProgress } from './progress-rules';

/** A task's recorded progress and its dates in the current schedule. */
export interface ScheduledProgress {
  start: string;
  finish: string;
  actualStart: string | null;
  actualFinish: string | null;
  percentComplete: number;
}

// ISO dates compare as strings.
const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The progress a task's work is recorded with once it is done, on the day `doneBy` at the
 * latest (today, or a go-live): its planned dates, never later than `doneBy` — progress is
 * recorded, not planned. An actual start already recorded stays (the finish is then no earlier
 * than it); a task already finished keeps its actuals (null: nothing to record). Work scheduled
 * to start after `doneBy` is recorded started and finished on `doneBy`: whoever declares the
 * work done (the gate closing the stage, the go-live) says it happened by then.
 */
export function progressWhenDone(task: ScheduledProgress, doneBy: string): TaskProgress | null {
  if (task.actualFinish) return null;
  const actualStart = task.actualStart ?? earlier(task.start, doneBy);
  const actualFinish = later(actualStart, earlier(task.finish, doneBy));
  return { actualStart, actualFinish, percentComplete: 100 };
}

/**
 * The progress a milestone's own task is recorded with when the milestone goes live on `goLive`
 * (no later than today): preparation is done by the go-live; the go-live marker happened on the
 * go-live itself, whatever the plan said; hypercare has started on it. Recorded progress stays
 * (null: nothing to record).
 */
export function progressAtGoLive(task: ScheduledProgress, phase: MilestonePhase, goLive: string): TaskProgress | null {
  switch (phase) {
    case MilestonePhase.PREPARE:
      return progressWhenDone(task, goLive);
    case MilestonePhase.LAUNCH:
      return progressWhenDone({ ...task, start: goLive, finish: goLive }, goLive);
    case MilestonePhase.HYPERCARE:
      if (task.actualStart) return null;
      return { actualStart: goLive, actualFinish: null, percentComplete: task.percentComplete };
  }
}
