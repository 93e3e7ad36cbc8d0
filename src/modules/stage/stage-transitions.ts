import { GateOutcome, StageStatus } from '../plan/stage.enums';

export interface StageState {
  id: string;
  name: string;
  sequence: number;
  status: StageStatus;
}

/** Why a stage may not start now, or null when it may: stages run strictly one after another. */
export function whyCannotStart(stage: StageState, allStages: readonly StageState[]): string | null {
  if (stage.status !== StageStatus.NOT_STARTED) return `Stage "${stage.name}" is ${stage.status}, not NOT_STARTED`;
  const ordered = [...allStages].sort((a, b) => a.sequence - b.sequence);
  const firstOpen = ordered.find((s) => s.status !== StageStatus.CLOSED);
  if (firstOpen && firstOpen.id !== stage.id) {
    return `Stage "${firstOpen.name}" (sequence ${firstOpen.sequence}) must be closed before "${stage.name}" can start`;
  }
  return null;
}

/** The gate is decided on an active stage or one awaiting its gate. */
export function whyCannotDecideGate(stage: StageState): string | null {
  return stage.status === StageStatus.ACTIVE || stage.status === StageStatus.AWAITING_GATE
    ? null
    : `Stage "${stage.name}" is ${stage.status}; only an active stage or one awaiting its gate can have its gate decided`;
}

/** A rejection sends the stage back to work; an approval leaves it awaiting closure. */
export function statusAfterGate(outcome: GateOutcome): StageStatus {
  return outcome === GateOutcome.REJECTED ? StageStatus.ACTIVE : StageStatus.AWAITING_GATE;
}

export const isApproval = (outcome: GateOutcome | undefined | null): boolean =>
  outcome === GateOutcome.APPROVED || outcome === GateOutcome.APPROVED_WITH_CONDITIONS;
