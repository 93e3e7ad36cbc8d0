import { renderScheduleRating, slipWords, type ScheduleRatingMessage } from './schedule-rating-phrases';

export { slipWords };

/**
 * The schedule rating (REPORTING.md "Computed ratings"), shared by Project.health and the status
 * reports' schedule dimension so that both say the same. Pure: the caller measures variances in
 * the right calendars (the project's for the finish, each milestone's own for its go-live).
 */

export type Rating = 'GREEN' | 'AMBER' | 'RED';

/** Half the tolerance or less is GREEN, within the tolerance AMBER, beyond it RED. */
export function toleranceBand(measured: number, tolerance: number): Rating {
  if (measured <= tolerance / 2) return 'GREEN';
  return measured <= tolerance ? 'AMBER' : 'RED';
}

export interface MilestoneVariance {
  name: string;
  baselineGoLive: string | null;
  forecastGoLive: string | null;
  /** Forecast minus baseline go-live in working days of the milestone's calendar; null when either is missing. */
  varianceDays: number | null;
}

export interface ScheduleRatingInput {
  toleranceDays: number;
  forecastFinish: string;
  /** The latest baseline's finish; null: no baseline yet. */
  baselineFinish: string | null;
  /** Forecast minus baseline finish in working days of the project calendar (ignored without a baseline). */
  finishVarianceDays: number | null;
  milestones: readonly MilestoneVariance[];
}

export interface ScheduleRating {
  rating: Rating;
  /** The larger of the finish variance and the worst milestone variance; null without a baseline. */
  measuredDays: number | null;
  /** In English, as the API gives it; `basisMessage` renders it in any locale (schedule-rating-phrases.ts). */
  basis: string;
  basisMessage: ScheduleRatingMessage;
}

const rated = (rating: Rating, measuredDays: number | null, basisMessage: ScheduleRatingMessage): ScheduleRating =>
  ({ rating, measuredDays, basis: renderScheduleRating(basisMessage, 'en'), basisMessage });

/**
 * The larger of: forecast finish − latest baseline finish, and the worst milestone forecast
 * go-live − its baseline go-live. No baseline: AMBER, "no baseline". A milestone later than the
 * finish's variance names itself in the basis.
 */
export function rateSchedule(input: ScheduleRatingInput): ScheduleRating {
  const { toleranceDays, forecastFinish, baselineFinish } = input;
  if (!baselineFinish || input.finishVarianceDays === null) {
    return rated('AMBER', null, { key: 'schedule.noBaseline', params: { forecastFinish } });
  }
  const finish = input.finishVarianceDays;
  let worst: MilestoneVariance | null = null;
  for (const m of input.milestones) {
    if (m.varianceDays === null) continue;
    if (!worst || m.varianceDays > worst.varianceDays!) worst = m;
  }
  if (worst && worst.varianceDays! > finish) {
    const measured = worst.varianceDays!;
    return rated(toleranceBand(measured, toleranceDays), measured, { key: 'schedule.milestone', params: {
      milestone: worst.name, forecastGoLive: worst.forecastGoLive, baselineGoLive: worst.baselineGoLive, days: measured,
      forecastFinish, baselineFinish, finishDays: finish, toleranceDays,
    } });
  }
  return rated(toleranceBand(finish, toleranceDays), finish, { key: 'schedule.finish', params: { forecastFinish, baselineFinish, days: finish, toleranceDays } });
}
