import { ConfirmerCandidate, confirmerIneligibility, MilestoneSlice } from '../people/confirmer-eligibility';
import { BulkConfirmersMode, CriterionKind } from './criterion.enums';
import { MAX_CONFIRMERS } from './dto/add-criterion.input';

/** Which criteria of a project a bulk confirmer change selects. */
export interface BulkSelector {
  stageId?: string | null;
  functionAreaId?: string | null;
  territoryId?: string | null;
  kind?: CriterionKind | null;
}

/**
 * Why a selector cannot be used, or null: it must say which criteria (a whole project's are never
 * changed by accident), and a stage (its exit criteria) cannot be combined with a function area or
 * territory (acceptance criteria of milestones), nor either with another kind.
 */
export function whySelectorInvalid(s: BulkSelector): { message: string; field: string } | null {
  const bySlice = Boolean(s.functionAreaId || s.territoryId);
  if (!s.stageId && !bySlice && !s.kind) {
    return { field: 'stageId', message: 'Say which criteria: give stageId (its exit criteria), functionAreaId and/or territoryId (acceptance criteria of those milestones), or kind' };
  }
  if (s.stageId && bySlice) {
    return { field: 'functionAreaId', message: 'stageId selects a stage’s exit criteria, functionAreaId and territoryId the acceptance criteria of milestones: give one or the other' };
  }
  if (s.stageId && s.kind && s.kind !== CriterionKind.EXIT) return { field: 'kind', message: `A stage has EXIT criteria only, not ${s.kind}` };
  if (bySlice && s.kind && s.kind !== CriterionKind.ACCEPTANCE) return { field: 'kind', message: `Milestones have ACCEPTANCE criteria only, not ${s.kind}` };
  return null;
}

/** A selected criterion as the plan sees it. */
export interface CriterionForBulk {
  id: string;
  confirmerIds: readonly string[];
  /** Confirmers whose latest decision is a rejection (`standingRejecters`). */
  standingRejecterIds: readonly string[];
  waived: boolean;
  /** The slice of an acceptance criterion's milestone; null for exit and completion criteria. */
  milestone: MilestoneSlice | null;
}

export type Person = ConfirmerCandidate & { fullName: string };

export interface BulkPlan {
  /** The criteria whose confirmers change, with their new confirmers. */
  changes: { criterionId: string; confirmerIds: string[] }[];
  /** Criteria that already have exactly the confirmers they would get. */
  unchanged: string[];
  /** People left out of a criterion (or criteria left as they were), and why. */
  skipped: { criterionId: string; userIds: string[]; reason: string }[];
  /** People who may confirm none of the selected criteria: the whole call is refused, naming them. */
  refused: { userId: string; reason: string }[];
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

const TOO_MANY = `would give this criterion more than ${MAX_CONFIRMERS} confirmers, so its confirmers were left as they were`;

const REJECTION_STANDS = 'rejected this criterion; a confirmer whose rejection stands stays until they confirm or the steering committee waives it, so its confirmers were left as they were';

/**
 * What a bulk confirmer change does to each selected criterion. Eligibility (confirmerIneligibility)
 * is per criterion: a key user assigned to one territory is added to that territory's milestones
 * and reported as skipped for the others, so "the area's key users to the area's criteria" is one
 * call. Someone eligible for none of them is a mistake (an integrator, an observer, the project
 * manager): refused. ADD keeps the current confirmers; REPLACE sets exactly the eligible people, but
 * leaves a criterion as it was when that would drop a confirmer whose rejection stands, or when
 * nobody given may confirm it (a criterion never loses all its confirmers this way).
 */
export function planBulkConfirmers(
  criteria: readonly CriterionForBulk[],
  requested: readonly string[],
  people: ReadonlyMap<string, Person>,
  mode: BulkConfirmersMode,
): BulkPlan {
  const plan: BulkPlan = { changes: [], unchanged: [], skipped: [], refused: [] };
  const ids = [...new Set(requested)];
  const eligibleSomewhere = new Set<string>();
  const firstReason = new Map<string, string>();
  for (const c of criteria) {
    const byReason = new Map<string, string[]>();
    const eligible: string[] = [];
    for (const id of ids) {
      const person = people.get(id);
      const why = person ? confirmerIneligibility(person, c.milestone) : 'is not a member of the project';
      if (why === null) {
        eligible.push(id);
        eligibleSomewhere.add(id);
      } else {
        byReason.set(why, [...(byReason.get(why) ?? []), id]);
        if (!firstReason.has(id)) firstReason.set(id, why);
      }
    }
    for (const [reason, userIds] of byReason) plan.skipped.push({ criterionId: c.id, userIds, reason });
    if (eligible.length === 0) continue;
    const next = mode === BulkConfirmersMode.ADD ? [...c.confirmerIds, ...eligible.filter((id) => !c.confirmerIds.includes(id))] : eligible;
    const dropped = c.waived ? [] : c.standingRejecterIds.filter((id) => !next.includes(id));
    if (dropped.length) {
      plan.skipped.push({ criterionId: c.id, userIds: dropped, reason: REJECTION_STANDS });
    } else if (next.length > MAX_CONFIRMERS) {
      plan.skipped.push({ criterionId: c.id, userIds: eligible.filter((id) => !c.confirmerIds.includes(id)), reason: TOO_MANY });
    } else if (sameSet(next, c.confirmerIds)) {
      plan.unchanged.push(c.id);
    } else {
      plan.changes.push({ criterionId: c.id, confirmerIds: next });
    }
  }
  if (criteria.length) plan.refused = ids.filter((id) => !eligibleSomewhere.has(id)).map((userId) => ({ userId, reason: firstReason.get(userId)! }));
  return plan;
}
