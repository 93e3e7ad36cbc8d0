import { badInput } from '../../common/errors/domain-error';
import { IssuePriority, IssueStatus, RegisterStatus } from './registers.enums';

/** Probability and impact are rated 1 (very low) to 5 (very high), as PRINCE2 probability-impact grids. */
export const MIN_RATING = 1;
export const MAX_RATING = 5;

/** A risk's score, 1–25: the risk rating reads it against 8 (AMBER) and 15 (RED). */
export const riskScore = (risk: { probability: number; impact: number }): number => risk.probability * risk.impact;

/** A rating of 1–5, or BAD_USER_INPUT naming the field. */
export function requireRating(value: number, field: 'probability' | 'impact'): number {
  if (!Number.isInteger(value) || value < MIN_RATING || value > MAX_RATING) {
    throw badInput(`${field} must be a whole number from ${MIN_RATING} (very low) to ${MAX_RATING} (very high); it was ${value}`, field);
  }
  return value;
}

/** A title: trimmed, not empty. */
export function requireTitle(value: string): string {
  const title = value.trim();
  if (!title) throw badInput('title must not be empty', 'title');
  return title;
}

/** Optional free text: trimmed, blank = none. */
export const optionalText = (value: string | null | undefined): string | null => value?.trim() || null;

/** An issue is RESOLVED only with a resolution saying how. */
export function requireResolutionFor(status: IssueStatus, resolution: string | null): void {
  if (status === IssueStatus.RESOLVED && !resolution) {
    throw badInput('A resolved issue says how it was resolved: send resolution with status RESOLVED', 'resolution');
  }
}

interface RankedRisk { status: RegisterStatus; probability: number; impact: number; proximity: string | null; createdAt: Date; id: string }

/**
 * The risk register's order: open risks first, then by score (highest first), then the nearest
 * proximity (none last), then the oldest; the id settles the rest so that every read agrees.
 */
export function compareRisks(a: RankedRisk, b: RankedRisk): number {
  return Number(a.status !== RegisterStatus.OPEN) - Number(b.status !== RegisterStatus.OPEN)
    || riskScore(b) - riskScore(a)
    || compareNullableLast(a.proximity, b.proximity)
    || a.createdAt.getTime() - b.createdAt.getTime()
    || a.id.localeCompare(b.id);
}

interface RankedIssue { status: IssueStatus; priority: IssuePriority; raisedAt: Date; id: string }

const STATUS_ORDER = Object.values(IssueStatus);
const PRIORITY_ORDER = Object.values(IssuePriority);

/** The issue register's order: open, resolved, closed; by priority (HIGH first); then the oldest first. */
export function compareIssues(a: RankedIssue, b: RankedIssue): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status)
    || PRIORITY_ORDER.indexOf(a.priority) - PRIORITY_ORDER.indexOf(b.priority)
    || a.raisedAt.getTime() - b.raisedAt.getTime()
    || a.id.localeCompare(b.id);
}

function compareNullableLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
