import { ConfirmationDecision, CriterionStatus } from './criterion.enums';

export interface DecisionRecord {
  userId: string;
  decision: ConfirmationDecision;
}

/**
 * WAIVED overrides; else REJECTED when any confirmer's latest decision is a rejection; CONFIRMED
 * when every confirmer's latest decision is a confirmation; else PENDING. `decisions` are oldest
 * first; decisions of people who are no longer confirmers do not count.
 */
export function deriveCriterionStatus(
  confirmerIds: readonly string[],
  decisions: readonly DecisionRecord[],
  waived: boolean,
): CriterionStatus {
  if (waived) return CriterionStatus.WAIVED;
  const latest = latestDecisions(decisions);
  const required = confirmerIds.map((id) => latest.get(id));
  if (required.includes(ConfirmationDecision.REJECTED)) return CriterionStatus.REJECTED;
  if (required.length > 0 && required.every((d) => d === ConfirmationDecision.CONFIRMED)) return CriterionStatus.CONFIRMED;
  return CriterionStatus.PENDING;
}

/** Each person's latest decision. */
function latestDecisions(decisions: readonly DecisionRecord[]): Map<string, ConfirmationDecision> {
  const latest = new Map<string, ConfirmationDecision>();
  for (const record of decisions) latest.set(record.userId, record.decision);
  return latest;
}

/**
 * The confirmers whose latest decision is a rejection: taking one of them off the criterion would
 * overturn their rejection without their word or a waiver.
 */
export function standingRejecters(confirmerIds: readonly string[], decisions: readonly DecisionRecord[]): string[] {
  const latest = latestDecisions(decisions);
  return confirmerIds.filter((id) => latest.get(id) === ConfirmationDecision.REJECTED);
}

/** A criterion stops blocking its gate once it is confirmed or waived. */
export const isSatisfied = (status: CriterionStatus): boolean =>
  status === CriterionStatus.CONFIRMED || status === CriterionStatus.WAIVED;
