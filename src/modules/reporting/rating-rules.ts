import { quotedList } from '../../common/i18n/phrases';
import type { ScheduleRatingMessage } from '../schedule/engine/schedule-rating-phrases';
import type { ReadinessReasonMessage } from '../training/readiness-phrases';
import { Rag, worstRag } from '../schedule/rag.enum';
import { renderRating, type RatingMessage } from './rating-phrases';
import { RagDimension } from './reporting.enums';

/**
 * The status report's ratings (REPORTING.md "Computed ratings"), one pure function per dimension
 * (schedule: `rateSchedule` in the schedule engine, shared with Project.health). Each returns the
 * rating (null: not rated) and a one-sentence basis with the numbers: in English (`basis`, what the
 * API shows) and as the message it was rendered from (`basisMessage`, rating-phrases.ts), which an
 * export renders in its own locale.
 */
export interface Rated {
  rating: Rag | null;
  basis: string;
  basisMessage: BasisMessage;
}

/** A rating's basis as a message: the schedule's (schedule-rating-phrases.ts) or another dimension's (rating-phrases.ts). */
export type BasisMessage = RatingMessage | ScheduleRatingMessage;

const rated = (rating: Rag | null, basisMessage: RatingMessage): Rated => ({ rating, basis: renderRating(basisMessage, 'en'), basisMessage });

// ---- cost ------------------------------------------------------------------------------------

/** An amount as numeric(18,2) gives it ("1250000.00") in minor units, exactly. */
export function minorUnits(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new RangeError(`not an amount: ${amount}`);
  const units = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -units : units;
}

export interface CostInput {
  budget: string | null;
  forecastAtCompletion: string | null;
  tolerancePercent: number;
  currency: string;
}

/**
 * (forecastAtCompletion − budget) / budget × 100 against the cost tolerance, compared exactly in
 * minor units (no floating point at the thresholds). Without a budget, or without a forecast at
 * completion on the report, cost is not rated and the basis says which.
 */
export function rateCost({ budget, forecastAtCompletion, tolerancePercent, currency }: CostInput): Rated {
  if (budget === null) return rated(null, { key: 'cost.noBudget', params: {} });
  if (forecastAtCompletion === null) return rated(null, { key: 'cost.noForecast', params: { budget, currency } });
  const b = minorUnits(budget);
  const overrun = minorUnits(forecastAtCompletion) - b;
  // overrun / b × 100 ≤ tol / 2  ⇔  200 × overrun ≤ tol × b (b > 0).
  const tol = BigInt(tolerancePercent);
  const rating = 200n * overrun <= tol * b ? Rag.GREEN : 100n * overrun <= tol * b ? Rag.AMBER : Rag.RED;
  const percent = Math.abs(Number((overrun * 10000n) / b) / 100);
  const side = overrun === 0n ? 'equals' : overrun > 0n ? 'over' : 'under';
  return rated(rating, { key: 'cost.rated', params: { forecastAtCompletion, budget, currency, side, percent, tolerancePercent } });
}

// ---- scope -----------------------------------------------------------------------------------

export interface ScopeInput {
  /** The latest baseline, or null: then every MUST waiver since the project began counts. */
  baseline: { name: string; capturedAt: Date } | null;
  waivedMust: readonly { text: string; waivedAt: Date }[];
}

/** MUST criteria waived since the latest baseline was captured: none GREEN, any AMBER; never RED (override only). */
export function rateScope({ baseline, waivedMust }: ScopeInput): Rated {
  const since = baseline ? waivedMust.filter((c) => c.waivedAt.getTime() >= baseline.capturedAt.getTime()) : waivedMust;
  const ref = baseline ? { name: baseline.name, capturedOn: baseline.capturedAt.toISOString().slice(0, 10) } : null;
  if (!since.length) return rated(Rag.GREEN, { key: 'scope.none', params: { baseline: ref } });
  return rated(Rag.AMBER, { key: 'scope.waived', params: { count: since.length, baseline: ref, criteria: quotedList(since.map((c) => c.text)) } });
}

// ---- quality ---------------------------------------------------------------------------------

export interface QualityInput {
  /** Criteria whose status is REJECTED (a confirmer's latest decision is a rejection, not waived). */
  rejected: readonly { text: string; priority: 'MUST' | 'SHOULD' | 'COULD' }[];
}

/** Standing rejections: none GREEN, a SHOULD or COULD AMBER, a MUST RED. */
export function rateQuality({ rejected }: QualityInput): Rated {
  if (!rejected.length) return rated(Rag.GREEN, { key: 'quality.none', params: {} });
  const must = rejected.filter((c) => c.priority === 'MUST');
  if (must.length) return rated(Rag.RED, { key: 'quality.must', params: { count: must.length, criteria: quotedList(must.map((c) => c.text)) } });
  return rated(Rag.AMBER, { key: 'quality.other', params: { count: rejected.length, criteria: quotedList(rejected.map((c) => c.text)) } });
}

// ---- risk ------------------------------------------------------------------------------------

export const RISK_AMBER_SCORE = 8;
export const RISK_RED_SCORE = 15;

export interface RiskInput {
  openRisks: readonly { title: string; score: number; hasOwner: boolean }[];
}

/** Open risks, score = probability × impact: any ≥ 15 RED; any ≥ 8 or any without an owner AMBER; else GREEN. */
export function rateRisk({ openRisks }: RiskInput): Rated {
  if (!openRisks.length) return rated(Rag.GREEN, { key: 'risk.none', params: {} });
  const top = openRisks.reduce((a, b) => (b.score > a.score ? b : a));
  const ownerless = openRisks.filter((r) => !r.hasOwner).length;
  const rating = top.score >= RISK_RED_SCORE ? Rag.RED : top.score >= RISK_AMBER_SCORE || ownerless > 0 ? Rag.AMBER : Rag.GREEN;
  return rated(rating, { key: 'risk.open', params: {
    count: openRisks.length, topScore: top.score, topTitle: top.title, ownerless, amberScore: RISK_AMBER_SCORE, redScore: RISK_RED_SCORE,
  } });
}

// ---- readiness -------------------------------------------------------------------------------

export interface ReadinessRatingInput {
  /** The window: go-live after `after` and no later than `through`. */
  after: string;
  through: string;
  /** Milestones whose forecast go-live falls in the window. */
  milestones: readonly { name: string; ready: boolean; reasons: readonly ReadinessReasonMessage[] }[];
}

/** Milestones going live from after periodStart to periodEnd + the period's length: all ready GREEN, any not ready RED. */
export function rateReadiness({ after, through, milestones }: ReadinessRatingInput): Rated {
  if (!milestones.length) return rated(Rag.GREEN, { key: 'readiness.none', params: { after, through } });
  const notReady = milestones.filter((m) => !m.ready);
  if (!notReady.length) return rated(Rag.GREEN, { key: 'readiness.allReady', params: { after, through, count: milestones.length } });
  const [first, ...others] = notReady;
  return rated(Rag.RED, { key: 'readiness.notReady', params: {
    after, through, notReady: notReady.length, count: milestones.length,
    first: first.name, reasons: [...first.reasons], others: quotedList(others.map((m) => m.name)),
  } });
}

// ---- overrides and overall -------------------------------------------------------------------

export interface ComputedRating extends Rated {
  dimension: RagDimension;
}

export interface OverrideRecord {
  dimension: RagDimension;
  rating: Rag;
  reason: string;
}

export interface EffectiveRating {
  dimension: RagDimension;
  computed: Rag | null;
  rating: Rag | null;
  overrideReason: string | null;
  basis: string;
  basisMessage: BasisMessage;
}

/** Each dimension's computed rating beside the PM's override, if any: the override wins. */
export function effectiveRatings(computed: readonly ComputedRating[], overrides: readonly OverrideRecord[]): EffectiveRating[] {
  const byDimension = new Map(overrides.map((o) => [o.dimension, o]));
  return computed.map((c) => {
    const o = byDimension.get(c.dimension);
    return {
      dimension: c.dimension, computed: c.rating, rating: o ? o.rating : c.rating, overrideReason: o ? o.reason : null, basis: c.basis, basisMessage: c.basisMessage,
    };
  });
}

/** The worst of the effective ratings; a dimension not rated (cost without figures) does not count. */
export function overallRating(ratings: readonly Pick<EffectiveRating, 'rating'>[]): Rag {
  return worstRag(ratings.map((r) => r.rating).filter((r): r is Rag => r !== null));
}

// ---- periods ---------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const addDays = (iso: string, days: number): string => new Date((dayNumber(iso) + days) * DAY_MS).toISOString().slice(0, 10);

/** A period's length in calendar days, both ends included. */
export const periodLength = (start: string, end: string): number => dayNumber(end) - dayNumber(start) + 1;

/** The next period: the same length, right after periodEnd. */
export function nextPeriod(start: string, end: string): { start: string; end: string } {
  return { start: addDays(end, 1), end: addDays(end, periodLength(start, end)) };
}

/** Whether two closed date ranges share a day. */
export const periodsOverlap = (a: { start: string; end: string }, b: { start: string; end: string }): boolean => a.start <= b.end && b.start <= a.end;
