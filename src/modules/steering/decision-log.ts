import { GateOutcome } from '../plan/stage.enums';
import { DecisionLogEntry } from './dto/decision-log-entry.type';
import { DecisionKind, MeetingKind } from './steering.enums';

const OUTCOME_WORDS: Record<GateOutcome, string> = {
  [GateOutcome.APPROVED]: 'approved',
  [GateOutcome.APPROVED_WITH_CONDITIONS]: 'approved with conditions',
  [GateOutcome.REJECTED]: 'rejected',
};

const MEETING_WORDS: Record<MeetingKind, string> = {
  [MeetingKind.STEERING]: 'Steering meeting',
  [MeetingKind.WEEKLY_STATUS]: 'Weekly status meeting',
};

/** An outcome in words, with the conditions (or, for a rejection, the reasons) when given. */
const outcomeWithConditions = (outcome: GateOutcome, conditions: string | null): string =>
  `${OUTCOME_WORDS[outcome]}${conditions ? `: ${conditions}` : ''}`;

/** `Steering meeting "Monthly SC" of 2026-03-10: Extend the pilot — owner Anna Ivanova, due 2026-03-20`. */
export function meetingDecisionText(d: { kind: MeetingKind; title: string; heldOn: string; text: string; ownerName: string | null; dueDate: string | null }): string {
  const tail = [d.ownerName ? `owner ${d.ownerName}` : null, d.dueDate ? `due ${d.dueDate}` : null].filter(Boolean).join(', ');
  return `${MEETING_WORDS[d.kind]} "${d.title}" of ${d.heldOn}: ${d.text}${tail ? ` — ${tail}` : ''}`;
}

/** `Gate of stage "Analysis" approved with conditions: sign the data model by Friday`. */
export function gateDecisionText(d: { stageName: string; outcome: GateOutcome; conditions: string | null }): string {
  return `Gate of stage "${d.stageName}" ${outcomeWithConditions(d.outcome, d.conditions)}`;
}

/** `Criterion "Reports reconcile" (MUST) waived: reason`. */
export function waiverText(d: { criterionText: string; priority: string; reason: string | null }): string {
  return `Criterion "${d.criterionText}" (${d.priority}) waived${d.reason ? `: ${d.reason}` : ''}`;
}

/** `Move to support approved with conditions: …` — the client's decision. */
export function supportTransitionText(d: { outcome: GateOutcome; conditions: string | null }): string {
  return `Move to support ${outcomeWithConditions(d.outcome, d.conditions)}`;
}

/**
 * When a meeting decided: the meeting's day (its start, UTC). The minutes carry a day, not an
 * hour, and the decision was taken at the meeting, not when someone typed it in.
 */
export const meetingDecisionAt = (heldOn: string): Date => new Date(`${heldOn}T00:00:00Z`);

const KIND_ORDER = Object.values(DecisionKind);

/** Oldest first; decisions of one instant by recording order, then kind, then id, so every read agrees. */
export function compareLogEntries(a: DecisionLogEntry, b: DecisionLogEntry): number {
  return a.at.getTime() - b.at.getTime()
    || a.recordedAt.getTime() - b.recordedAt.getTime()
    || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || a.refId.localeCompare(b.refId);
}
