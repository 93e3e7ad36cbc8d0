import { deriveCriterionStatus } from '../../criterion/criterion-status';
import type { ConfirmationDecision, CriterionStatus, Priority } from '../../criterion/criterion.enums';

/** A criterion as the certificate reads it (a subset of the entity, so the rules test without a database). */
export interface CriterionFacts {
  id: string;
  text: string;
  priority: Priority;
  waiverReason: string | null;
  waivedById: string | null;
  waivedAt: Date | null;
}
export interface DecisionFacts { criterionId: string; userId: string; decision: ConfirmationDecision; comment: string | null; at: Date }
export interface Person { fullName: string; organization: string }

export interface CriterionLine { number: number; text: string; priority: Priority; status: CriterionStatus; decidedOn: Date | null; confirmers: string[] }
export interface DecisionLine { number: number; who: string; organization: string | null; decision: ConfirmationDecision; at: Date; comment: string | null }
export interface WaiverLine { number: number; reason: string; who: string; organization: string | null; at: Date }

export interface CertificateLines { criteria: CriterionLine[]; decisions: DecisionLine[]; waivers: WaiverLine[] }

/**
 * The certificate's three tables. Criteria are numbered 1, 2, … in their owner's order and the
 * other tables refer to them by that number; every decision is listed (oldest first, including
 * ones later overturned: the certificate is the record), the status is derived as everywhere
 * else (WAIVED, else REJECTED, else CONFIRMED when every confirmer confirmed), and "decided on"
 * is the date of the waiver or of the latest decision that counts for the status.
 */
export function certificateLines(
  criteria: readonly CriterionFacts[],
  confirmerIds: ReadonlyMap<string, readonly string[]>,
  decisions: readonly DecisionFacts[],
  people: ReadonlyMap<string, Person>,
): CertificateLines {
  const number = new Map(criteria.map((c, i) => [c.id, i + 1]));
  const byCriterion = new Map<string, DecisionFacts[]>();
  for (const d of decisions) byCriterion.set(d.criterionId, [...(byCriterion.get(d.criterionId) ?? []), d]);
  const nameOf = (id: string) => people.get(id)?.fullName ?? id;
  const lines: CertificateLines = { criteria: [], decisions: [], waivers: [] };
  for (const c of criteria) {
    const confirmers = confirmerIds.get(c.id) ?? [];
    const own = byCriterion.get(c.id) ?? [];
    const status = deriveCriterionStatus(confirmers, own, c.waivedAt !== null);
    const counting = own.filter((d) => confirmers.includes(d.userId));
    const decidedOn = c.waivedAt ?? (status === 'PENDING' ? null : counting.at(-1)?.at ?? null);
    lines.criteria.push({ number: number.get(c.id)!, text: c.text, priority: c.priority, status, decidedOn, confirmers: confirmers.map(nameOf).sort((a, b) => a.localeCompare(b)) });
    if (c.waivedAt) {
      lines.waivers.push({ number: number.get(c.id)!, reason: c.waiverReason ?? '', who: c.waivedById ? nameOf(c.waivedById) : '', organization: c.waivedById ? people.get(c.waivedById)?.organization ?? null : null, at: c.waivedAt });
    }
  }
  for (const d of decisions) {
    const n = number.get(d.criterionId);
    if (n === undefined) continue;
    lines.decisions.push({ number: n, who: nameOf(d.userId), organization: people.get(d.userId)?.organization ?? null, decision: d.decision, at: d.at, comment: d.comment });
  }
  lines.decisions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.number - b.number);
  return lines;
}
