import { CriterionKind, CriterionStatus, Priority } from '../criterion/criterion.enums';
import { GateOutcome, StageStatus } from '../plan/stage.enums';
import { isApproval, StageState } from './stage-transitions';

/** What the gate rules need of a criterion: its kind, priority and derived status. */
export interface GateCriterion {
  id: string;
  text: string;
  kind: CriterionKind;
  priority: Priority;
  status: CriterionStatus;
}

/**
 * An open criterion holds its stage's gate: a MUST exit criterion that is PENDING or REJECTED.
 * A confirmed or waived one is met; SHOULD and COULD criteria never hold a gate.
 */
export const isOpenMustExitCriterion = (c: Omit<GateCriterion, 'id' | 'text'>): boolean =>
  c.kind === CriterionKind.EXIT && c.priority === Priority.MUST &&
  (c.status === CriterionStatus.PENDING || c.status === CriterionStatus.REJECTED);

export function openMustExitCriteria<T extends GateCriterion>(criteria: readonly T[]): T[] {
  return criteria.filter(isOpenMustExitCriterion);
}

/** "2 MUST exit criteria are neither confirmed nor waived: "a"; "b"" — for refusals. */
export function describeOpenCriteria(open: readonly Pick<GateCriterion, 'text'>[]): string {
  const count = open.length === 1 ? '1 MUST exit criterion is' : `${open.length} MUST exit criteria are`;
  return `${count} neither confirmed nor waived: ${open.map((c) => `"${c.text}"`).join('; ')}`;
}

/**
 * Why the steering committee may not record this outcome now, or null when it may. Rejecting is
 * always possible (on an active stage or one awaiting its gate); approving, with or without
 * conditions, only once no MUST exit criterion is open.
 */
export function whyGateOutcomeRefused(stage: Pick<StageState, 'name'>, outcome: GateOutcome, open: readonly Pick<GateCriterion, 'text'>[]): string | null {
  if (!isApproval(outcome) || open.length === 0) return null;
  return `The gate of stage "${stage.name}" cannot be approved: ${describeOpenCriteria(open)}. ` +
    'Have them confirmed by their confirmers or waived by the steering committee; rejecting the gate stays possible';
}

/** The decision in force at a gate, with who made it, for messages. */
export interface DecisionOnRecord {
  outcome: GateOutcome;
  decidedAt: Date;
  decidedByName: string;
}

export type SubmitForGate =
  | { action: 'submit' }
  /** Already submitted and not yet decided: the stage is answered as it is. */
  | { action: 'unchanged' }
  | { action: 'refuse'; reason: string };

const when = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What the project manager's submitStageForGate does. The steering committee may decide an active
 * stage before it was submitted, and a PM may submit twice (a retry, a second tab), so: an active
 * stage is submitted; one already awaiting an undecided gate is answered as it is; one whose gate
 * was approved (or that is closed) is refused, saying when and by whom it was approved, since
 * submitting again would ask for a decision already taken.
 */
export function submitForGate(stage: Pick<StageState, 'name' | 'status'>, latest: DecisionOnRecord | null): SubmitForGate {
  const approved = latest && isApproval(latest.outcome) ? latest : null;
  const approval = approved ? `the steering committee already approved its gate (${approved.outcome}) on ${when(approved.decidedAt)} by ${approved.decidedByName}` : null;
  switch (stage.status) {
    case StageStatus.ACTIVE:
      return { action: 'submit' };
    case StageStatus.AWAITING_GATE:
      return approval
        ? { action: 'refuse', reason: `Stage "${stage.name}" needs no submission: ${approval}; close it (closeStage)` }
        : { action: 'unchanged' };
    case StageStatus.CLOSED:
      return { action: 'refuse', reason: `Stage "${stage.name}" is CLOSED${approval ? `: ${approval}` : ''}` };
    default:
      return { action: 'refuse', reason: `Stage "${stage.name}" is ${stage.status}; start it (startStage) and do its work before submitting it for its gate` };
  }
}

/** An open exception of the project as a gate refusal names it. */
export interface OpenException {
  id: string;
  description: string;
}

/**
 * While an exception of the project is open (REPORTING.md "Publishing and exceptions"), the
 * steering committee must decide it before approving any gate, with or without conditions;
 * rejecting a gate stays possible. Null when the outcome may be recorded.
 */
export function whyGateApprovalBlockedByExceptions(stage: Pick<StageState, 'name'>, outcome: GateOutcome, open: readonly OpenException[]): string | null {
  if (!isApproval(outcome) || open.length === 0) return null;
  const count = open.length === 1 ? 'an exception is open' : `${open.length} exceptions are open`;
  return `The gate of stage "${stage.name}" cannot be approved while ${count}: ${open.map((e) => `"${e.description}"`).join('; ')}. ` +
    'The steering committee decides it first (decideException: approve an exception plan or close the project prematurely); rejecting the gate stays possible';
}
