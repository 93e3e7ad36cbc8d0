import { GateOutcome } from '../plan/stage.enums';
import { compareLogEntries, gateDecisionText, meetingDecisionAt, meetingDecisionText, supportTransitionText, waiverText } from './decision-log';
import { DecisionLogEntry } from './dto/decision-log-entry.type';
import { DecisionKind, MeetingKind } from './steering.enums';

describe('decision log texts', () => {
  it('a meeting decision names the meeting, then owner and due date when known', () => {
    expect(meetingDecisionText({ kind: MeetingKind.STEERING, title: 'SC #3', heldOn: '2026-03-10', text: 'Extend the pilot by a week', ownerName: 'Anna Ivanova', dueDate: '2026-03-20' }))
      .toBe('Steering meeting "SC #3" of 2026-03-10: Extend the pilot by a week — owner Anna Ivanova, due 2026-03-20');
    expect(meetingDecisionText({ kind: MeetingKind.WEEKLY_STATUS, title: 'Week 11', heldOn: '2026-03-13', text: 'Freeze the scope', ownerName: null, dueDate: null }))
      .toBe('Weekly status meeting "Week 11" of 2026-03-13: Freeze the scope');
  });

  it('a gate decision says the stage and outcome, with its conditions', () => {
    expect(gateDecisionText({ stageName: 'Analysis', outcome: GateOutcome.APPROVED_WITH_CONDITIONS, conditions: 'Sign the data model by Friday' }))
      .toBe('Gate of stage "Analysis" approved with conditions: Sign the data model by Friday');
    expect(gateDecisionText({ stageName: 'Analysis', outcome: GateOutcome.APPROVED, conditions: null })).toBe('Gate of stage "Analysis" approved');
    expect(gateDecisionText({ stageName: 'Pilot', outcome: GateOutcome.REJECTED, conditions: 'Defects open' })).toBe('Gate of stage "Pilot" rejected: Defects open');
  });

  it('a waiver says the criterion, its priority and the reason', () => {
    expect(waiverText({ criterionText: 'Reports reconcile', priority: 'MUST', reason: 'Done manually this quarter' }))
      .toBe('Criterion "Reports reconcile" (MUST) waived: Done manually this quarter');
  });

  it('the support transition says the client’s outcome', () => {
    expect(supportTransitionText({ outcome: GateOutcome.APPROVED, conditions: null })).toBe('Move to support approved');
    expect(supportTransitionText({ outcome: GateOutcome.APPROVED_WITH_CONDITIONS, conditions: 'Hypercare to May' })).toBe('Move to support approved with conditions: Hypercare to May');
  });

  it('a meeting decided on the day it was held', () => {
    expect(meetingDecisionAt('2026-03-10').toISOString()).toBe('2026-03-10T00:00:00.000Z');
  });
});

describe('decision log order', () => {
  const e = (kind: DecisionKind, at: string, recordedAt: string, refId: string): DecisionLogEntry =>
    Object.assign(new DecisionLogEntry(), { kind, at: new Date(at), recordedAt: new Date(recordedAt), refId, text: refId, decidedById: null });

  it('oldest first; one instant by recording order, then kind, then id', () => {
    const entries = [
      e(DecisionKind.GATE, '2026-03-10T09:00:00Z', '2026-03-10T09:00:00Z', 'gate'),
      e(DecisionKind.MEETING, '2026-03-10T00:00:00Z', '2026-03-12T10:01:00Z', 'second'),
      e(DecisionKind.MEETING, '2026-03-10T00:00:00Z', '2026-03-12T10:00:00Z', 'first'),
      e(DecisionKind.WAIVER, '2026-03-01T12:00:00Z', '2026-03-01T12:00:00Z', 'waiver'),
      e(DecisionKind.SUPPORT_TRANSITION, '2026-03-01T12:00:00Z', '2026-03-01T12:00:00Z', 'support'),
    ];
    expect([...entries].sort(compareLogEntries).map((x) => x.refId)).toEqual(['waiver', 'support', 'first', 'second', 'gate']);
  });
});
