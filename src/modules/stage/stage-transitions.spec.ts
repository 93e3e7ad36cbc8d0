import { GateOutcome, StageStatus } from '../plan/stage.enums';
import { isApproval, statusAfterGate, whyCannotDecideGate, whyCannotStart } from './stage-transitions';

const stage = (sequence: number, status: StageStatus) => ({ id: `s${sequence}`, name: `Stage ${sequence}`, sequence, status });

describe('stage transitions', () => {
  it('starts only the first stage that is not closed', () => {
    const stages = [stage(1, StageStatus.CLOSED), stage(2, StageStatus.NOT_STARTED), stage(3, StageStatus.NOT_STARTED)];
    expect(whyCannotStart(stages[1], stages)).toBeNull();
    expect(whyCannotStart(stages[2], stages)).toContain('"Stage 2" (sequence 2) must be closed');
  });

  it('does not start a stage while the previous one is active or awaiting its gate', () => {
    for (const status of [StageStatus.ACTIVE, StageStatus.AWAITING_GATE]) {
      const stages = [stage(1, status), stage(2, StageStatus.NOT_STARTED)];
      expect(whyCannotStart(stages[1], stages)).toContain('must be closed');
    }
  });

  it('does not start a stage twice', () => {
    const stages = [stage(1, StageStatus.ACTIVE)];
    expect(whyCannotStart(stages[0], stages)).toContain('is ACTIVE');
  });

  it('decides gates only on active or awaiting stages', () => {
    expect(whyCannotDecideGate(stage(1, StageStatus.ACTIVE))).toBeNull();
    expect(whyCannotDecideGate(stage(1, StageStatus.AWAITING_GATE))).toBeNull();
    expect(whyCannotDecideGate(stage(1, StageStatus.NOT_STARTED))).toContain('NOT_STARTED');
    expect(whyCannotDecideGate(stage(1, StageStatus.CLOSED))).toContain('CLOSED');
  });

  it('a rejection sends the stage back to ACTIVE; approvals leave it awaiting closure', () => {
    expect(statusAfterGate(GateOutcome.REJECTED)).toBe(StageStatus.ACTIVE);
    expect(statusAfterGate(GateOutcome.APPROVED)).toBe(StageStatus.AWAITING_GATE);
    expect(statusAfterGate(GateOutcome.APPROVED_WITH_CONDITIONS)).toBe(StageStatus.AWAITING_GATE);
    expect([GateOutcome.APPROVED, GateOutcome.APPROVED_WITH_CONDITIONS, GateOutcome.REJECTED, null].map(isApproval)).toEqual([true, true, false, false]);
  });
});
