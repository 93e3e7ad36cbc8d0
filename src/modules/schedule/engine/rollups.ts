import type { WorkCalendar } from '../../calendar/work-calendar';

export interface DatedTask {
  start: string;
  finish: string;
}

/** A stage's planned window: the earliest start and latest finish of its tasks; null without tasks. */
export function stageWindow(tasks: readonly DatedTask[]): { start: string; finish: string } | null {
  if (!tasks.length) return null;
  let start = tasks[0].start;
  let finish = tasks[0].finish;
  for (const t of tasks) {
    if (t.start < start) start = t.start;
    if (t.finish > finish) finish = t.finish;
  }
  return { start, finish };
}

/** A milestone's planned start and go-live: its launch task's finish, else its latest task finish. */
export function milestoneWindow(tasks: readonly DatedTask[], launch: DatedTask | null): { start: string; goLive: string } | null {
  const window = stageWindow(tasks);
  return window ? { start: window.start, goLive: launch?.finish ?? window.finish } : null;
}

/** Planned minus baseline, in working days of the calendar: positive = later than the baseline. */
export function varianceDays(calendar: WorkCalendar, baselineDate: string, plannedDate: string): number {
  return calendar.startPoint(plannedDate) - calendar.startPoint(baselineDate);
}
