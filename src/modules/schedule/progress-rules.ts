import { isValidIsoDate } from '../calendar/iso-date';

/** A task's progress as it would stand after a change (REPORTING.md "Progress and the status date"). */
export interface TaskProgressInput {
  actualStart?: string | null;
  actualFinish?: string | null;
  percentComplete?: number | null;
}

/** Progress that keeps the rules: `percentComplete` is 100 whenever `actualFinish` is set. */
export interface TaskProgress {
  actualStart: string | null;
  actualFinish: string | null;
  percentComplete: number;
}

/** The field to name in the BAD_USER_INPUT refusal, and a message a person can act on. */
export interface ProgressViolation {
  field: 'actualStart' | 'actualFinish' | 'percentComplete';
  message: string;
}

export type ProgressCheck = { ok: true; progress: TaskProgress } | { ok: false; violation: ProgressViolation };

/** Today's date in UTC, "YYYY-MM-DD": actual dates may be no later. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

const refuse = (field: ProgressViolation['field'], message: string): ProgressCheck => ({ ok: false, violation: { field, message } });

/**
 * Checks a task's progress as it would stand after a change (the caller merges the changed fields
 * into the stored ones first), against REPORTING.md: actual dates are real dates no later than
 * today (UTC) — progress is recorded, not planned; an actual finish needs an actual start no later
 * than it, and sets percentComplete to 100; percentComplete is a whole number 0–100, and above 0
 * needs an actual start. Returns the progress to store, or the first rule broken.
 */
export function checkTaskProgress(input: TaskProgressInput, today: string = todayUtc()): ProgressCheck {
  const actualStart = input.actualStart ?? null;
  const actualFinish = input.actualFinish ?? null;
  const percentComplete = input.percentComplete ?? 0;
  for (const [field, value] of [['actualStart', actualStart], ['actualFinish', actualFinish]] as const) {
    if (value === null) continue;
    if (!isValidIsoDate(value)) return refuse(field, `${field} "${value}" is not a calendar date in the form YYYY-MM-DD`);
    // ISO dates compare as strings.
    if (value > today) return refuse(field, `${field} ${value} is later than today (${today}, UTC): record progress once it has happened`);
  }
  if (!Number.isInteger(percentComplete) || percentComplete < 0 || percentComplete > 100) {
    return refuse('percentComplete', `percentComplete must be a whole number from 0 to 100, not ${percentComplete}`);
  }
  if (actualFinish !== null) {
    if (actualStart === null) return refuse('actualFinish', `actualFinish ${actualFinish} needs an actualStart: record when the task started first`);
    if (actualFinish < actualStart) return refuse('actualFinish', `actualFinish ${actualFinish} is before actualStart ${actualStart}`);
    return { ok: true, progress: { actualStart, actualFinish, percentComplete: 100 } };
  }
  if (percentComplete > 0 && actualStart === null) {
    return refuse('percentComplete', `percentComplete ${percentComplete} needs an actualStart: record when the task started`);
  }
  return { ok: true, progress: { actualStart, actualFinish: null, percentComplete } };
}
