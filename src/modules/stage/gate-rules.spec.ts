import { CriterionKind, CriterionStatus, Priority } from '../criterion/criterion.enums';
import { describeOpenCriteria, isOpenMustExitCriterion, openMustExitCriteria, submitForGate, whyGateApprovalBlockedByExceptions, whyGateOutcomeRefused } from './gate-rules';
import { GateOutcome, StageStatus } from '../plan/stage.enums';

const criterion = (id: string, priority: Priority, status: CriterionStatus, kind = CriterionKind.EXIT) => ({ id, text: `Criterion ${id}`, kind, priority, status });
const stage = (status: StageStatus) => ({ name: 'Analysis', status });
const decision = (outcome: GateOutcome) => ({ outcome, decidedAt: new Date('2026-04-03T10:15:30Z'), decidedByName: 'Irina Sponsor' });

describe('gate rules', () => {
  it('a MUST exit criterion is open while PENDING or REJECTED, and met once CONFIRMED or WAIVED', () => {
    const open = Object.values(CriterionStatus).filter((status) => isOpenMustExitCriterion(criterion('c', Priority.MUST, status)));
    expect(open.sort()).toEqual([CriterionStatus.PENDING, CriterionStatus.REJECTED]);
  });

  it('SHOULD and COULD criteria, and criteria other than exit criteria, never hold a gate', () => {
    for (const priority of [Priority.SHOULD, Priority.COULD]) {
      for (const status of Object.values(CriterionStatus)) expect(isOpenMustExitCriterion(criterion('c', priority, status))).toBe(false);
    }
    for (const kind of [CriterionKind.ACCEPTANCE, CriterionKind.COMPLETION]) {
      expect(isOpenMustExitCriterion(criterion('c', Priority.MUST, CriterionStatus.PENDING, kind))).toBe(false);
    }
  });

  it('lists exactly the open ones, in their order', () => {
    const criteria = [
      criterion('a', Priority.MUST, CriterionStatus.REJECTED), criterion('b', Priority.MUST, CriterionStatus.CONFIRMED),
      criterion('c', Priority.SHOULD, CriterionStatus.PENDING), criterion('d', Priority.MUST, CriterionStatus.WAIVED),
      criterion('e', Priority.MUST, CriterionStatus.PENDING),
    ];
    expect(openMustExitCriteria(criteria).map((c) => c.id)).toEqual(['a', 'e']);
    expect(describeOpenCriteria(openMustExitCriteria(criteria))).toBe('2 MUST exit criteria are neither confirmed nor waived: "Criterion a"; "Criterion e"');
    expect(describeOpenCriteria([criteria[0]])).toBe('1 MUST exit criterion is neither confirmed nor waived: "Criterion a"');
  });

  it('approving is refused while a MUST exit criterion is open; rejecting never is', () => {
    const open = [criterion('a', Priority.MUST, CriterionStatus.PENDING)];
    for (const outcome of [GateOutcome.APPROVED, GateOutcome.APPROVED_WITH_CONDITIONS]) {
      expect(whyGateOutcomeRefused(stage(StageStatus.ACTIVE), outcome, open)).toContain('cannot be approved: 1 MUST exit criterion is neither confirmed nor waived: "Criterion a"');
      expect(whyGateOutcomeRefused(stage(StageStatus.ACTIVE), outcome, [])).toBeNull();
    }
    expect(whyGateOutcomeRefused(stage(StageStatus.ACTIVE), GateOutcome.REJECTED, open)).toBeNull();
  });

  it('approving is refused while an exception of the project is open, naming it; rejecting never is', () => {
    const open = [{ id: 'x1', description: 'Status report 2026-03-02 – 2026-03-13: forecast 2026-09-14 is 14 working days after baseline 2026-08-25; tolerance 10' }];
    for (const outcome of [GateOutcome.APPROVED, GateOutcome.APPROVED_WITH_CONDITIONS]) {
      const why = whyGateApprovalBlockedByExceptions(stage(StageStatus.AWAITING_GATE), outcome, open);
      expect(why).toContain('The gate of stage "Analysis" cannot be approved while an exception is open: "Status report 2026-03-02 – 2026-03-13: forecast 2026-09-14');
      expect(why).toContain('decideException');
      expect(whyGateApprovalBlockedByExceptions(stage(StageStatus.AWAITING_GATE), outcome, [])).toBeNull();
    }
    expect(whyGateApprovalBlockedByExceptions(stage(StageStatus.AWAITING_GATE), GateOutcome.APPROVED, [...open, { id: 'x2', description: 'cost' }])).toContain('while 2 exceptions are open');
    expect(whyGateApprovalBlockedByExceptions(stage(StageStatus.AWAITING_GATE), GateOutcome.REJECTED, open)).toBeNull();
  });

  describe('submitting for the gate', () => {
    it('submits an active stage, also after a rejection', () => {
      expect(submitForGate(stage(StageStatus.ACTIVE), null)).toEqual({ action: 'submit' });
      expect(submitForGate(stage(StageStatus.ACTIVE), decision(GateOutcome.REJECTED))).toEqual({ action: 'submit' });
    });

    it('answers a stage already awaiting an undecided gate as it is', () => {
      expect(submitForGate(stage(StageStatus.AWAITING_GATE), null)).toEqual({ action: 'unchanged' });
      expect(submitForGate(stage(StageStatus.AWAITING_GATE), decision(GateOutcome.REJECTED))).toEqual({ action: 'unchanged' });
    });

    it('refuses once the gate was approved, saying when and by whom, and what to do next', () => {
      for (const outcome of [GateOutcome.APPROVED, GateOutcome.APPROVED_WITH_CONDITIONS]) {
        const result = submitForGate(stage(StageStatus.AWAITING_GATE), decision(outcome));
        expect(result).toEqual({ action: 'refuse', reason: `Stage "Analysis" needs no submission: the steering committee already approved its gate (${outcome}) on 2026-04-03 10:15 UTC by Irina Sponsor; close it (closeStage)` });
      }
      expect(submitForGate(stage(StageStatus.CLOSED), decision(GateOutcome.APPROVED))).toMatchObject({ action: 'refuse', reason: expect.stringContaining('is CLOSED: the steering committee already approved') });
    });

    it('refuses a stage not started', () => {
      expect(submitForGate(stage(StageStatus.NOT_STARTED), null)).toMatchObject({ action: 'refuse', reason: expect.stringContaining('startStage') });
    });
  });
});
