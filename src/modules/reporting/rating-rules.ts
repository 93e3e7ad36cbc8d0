import { Rag, worstRag } from './rag.enum';
import { RagDimension } from './reporting.enums';

/**
 * The status report's ratings (REPORTING.md "Computed ratings"), one pure function per dimension
 * (schedule: `rateSchedule` in the schedule engine, shared with Project.health). Each returns the
 * rating (null: not rated) and a one-sentence basis with the numbers.
 */
export interface Rated {
  rating: Rag | null;
  basis: string;
}

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
  if (budget === null) return { rating: null, basis: 'not rated: the project has no budget (the steering committee sets it with setTolerances)' };
  if (forecastAtCompletion === null) {
    return { rating: null, basis: `not rated: no forecast at completion entered on the report yet (budget ${budget} ${currency})` };
  }
  const b = minorUnits(budget);
  const overrun = minorUnits(forecastAtCompletion) - b;
  // overrun / b × 100 ≤ tol / 2  ⇔  200 × overrun ≤ tol × b (b > 0).
  const tol = BigInt(tolerancePercent);
  const rating = 200n * overrun <= tol * b ? Rag.GREEN : 100n * overrun <= tol * b ? Rag.AMBER : Rag.RED;
  const percent = Math.abs(Number((overrun * 10000n) / b) / 100);
  const side = overrun === 0n ? 'equals' : overrun > 0n ? `is ${percent.toFixed(2)} % over` : `is ${percent.toFixed(2)} % under`;
  return { rating, basis: `forecast at completion ${forecastAtCompletion} ${currency} ${side} budget ${budget} ${currency}; tolerance ${tolerancePercent} %` };
}

// ---- scope -----------------------------------------------------------------------------------

export interface ScopeInput {
  /** The latest baseline, or null: then every MUST waiver since the project began counts. */
  baseline: { name: string; capturedAt: Date } | null;
  waivedMust: readonly { text: string; waivedAt: Date }[];
}

const quoted = (texts: readonly string[], max = 3): string =>
  texts.slice(0, max).map((t) => `"${t.length > 60 ? `${t.slice(0, 57)}…` : t}"`).join(', ') + (texts.length > max ? ` and ${texts.length - max} more` : '');

/** MUST criteria waived since the latest baseline was captured: none GREEN, any AMBER; never RED (override only). */
export function rateScope({ baseline, waivedMust }: ScopeInput): Rated {
  const since = baseline ? waivedMust.filter((c) => c.waivedAt.getTime() >= baseline.capturedAt.getTime()) : waivedMust;
  const when = baseline ? `since baseline "${baseline.name}" (captured ${baseline.capturedAt.toISOString().slice(0, 10)})` : 'and no baseline captured yet';
  if (!since.length) return { rating: Rag.GREEN, basis: `no MUST criterion waived ${when}` };
  return {
    rating: Rag.AMBER,
    basis: `${since.length} MUST criteri${since.length === 1 ? 'on' : 'a'} waived ${when}: ${quoted(since.map((c) => c.text))}`,
  };
}

// ---- quality ---------------------------------------------------------------------------------

export interface QualityInput {
  /** Criteria whose status is REJECTED (a confirmer's latest decision is a rejection, not waived). */
  rejected: readonly { text: string; priority: 'MUST' | 'SHOULD' | 'COULD' }[];
}

/** Standing rejections: none GREEN, a SHOULD or COULD AMBER, a MUST RED. */
export function rateQuality({ rejected }: QualityInput): Rated {
  if (!rejected.length) return { rating: Rag.GREEN, basis: 'no criterion stands rejected' };
  const must = rejected.filter((c) => c.priority === 'MUST');
  if (must.length) {
    return { rating: Rag.RED, basis: `${must.length} MUST criteri${must.length === 1 ? 'on stands' : 'a stand'} rejected: ${quoted(must.map((c) => c.text))}` };
  }
  return {
    rating: Rag.AMBER,
    basis: `${rejected.length} SHOULD/COULD criteri${rejected.length === 1 ? 'on stands' : 'a stand'} rejected, no MUST: ${quoted(rejected.map((c) => c.text))}`,
  };
}

// ---- risk ------------------------------------------------------------------------------------

export const RISK_AMBER_SCORE = 8;
export const RISK_RED_SCORE = 15;

export interface RiskInput {
  openRisks: readonly { title: string; score: number; hasOwner: boolean }[];
}

/** Open risks, score = probability × impact: any ≥ 15 RED; any ≥ 8 or any without an owner AMBER; else GREEN. */
export function rateRisk({ openRisks }: RiskInput): Rated {
  if (!openRisks.length) return { rating: Rag.GREEN, basis: 'no open risk in the register' };
  const top = openRisks.reduce((a, b) => (b.score > a.score ? b : a));
  const ownerless = openRisks.filter((r) => !r.hasOwner).length;
  const rating = top.score >= RISK_RED_SCORE ? Rag.RED : top.score >= RISK_AMBER_SCORE || ownerless > 0 ? Rag.AMBER : Rag.GREEN;
  return {
    rating,
    basis: `${openRisks.length} open risk${openRisks.length === 1 ? '' : 's'}, highest score ${top.score} ("${top.title}")` +
      `${ownerless ? `, ${ownerless} without an owner` : ''}; AMBER from ${RISK_AMBER_SCORE} or without an owner, RED from ${RISK_RED_SCORE}`,
  };
}

// ---- readiness -------------------------------------------------------------------------------

export interface ReadinessRatingInput {
  /** The window: go-live after `after` and no later than `through`. */
  after: string;
  through: string;
  /** Milestones whose forecast go-live falls in the window. */
  milestones: readonly { name: string; ready: boolean; reasons: readonly string[] }[];
}

/** Milestones going live from after periodStart to periodEnd + the period's length: all ready GREEN, any not ready RED. */
export function rateReadiness({ after, through, milestones }: ReadinessRatingInput): Rated {
  const window = `after ${after} through ${through}`;
  if (!milestones.length) return { rating: Rag.GREEN, basis: `no milestone goes live ${window}` };
  const notReady = milestones.filter((m) => !m.ready);
  if (!notReady.length) {
    return { rating: Rag.GREEN, basis: `all ${milestones.length} milestone${milestones.length === 1 ? '' : 's'} going live ${window} ready` };
  }
  const first = notReady[0];
  return {
    rating: Rag.RED,
    basis: `${notReady.length} of ${milestones.length} milestone${milestones.length === 1 ? '' : 's'} going live ${window} not ready: ` +
      `"${first.name}" (${first.reasons.join('; ')})${notReady.length > 1 ? ` and ${quoted(notReady.slice(1).map((m) => m.name))}` : ''}`,
  };
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
}

/** Each dimension's computed rating beside the PM's override, if any: the override wins. */
export function effectiveRatings(computed: readonly ComputedRating[], overrides: readonly OverrideRecord[]): EffectiveRating[] {
  const byDimension = new Map(overrides.map((o) => [o.dimension, o]));
  return computed.map((c) => {
    const o = byDimension.get(c.dimension);
    return { dimension: c.dimension, computed: c.rating, rating: o ? o.rating : c.rating, overrideReason: o ? o.reason : null, basis: c.basis };
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
