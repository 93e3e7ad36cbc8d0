import { todayIso } from '../../common/clock';
import { badInput } from '../../common/errors/domain-error';
import { ProjectRole } from '../auth/auth.enums';
import { MeetingKind } from './steering.enums';

/** Who is asking, as the rules of meetings read them. */
export interface MinutesCaller {
  id: string;
  isAdmin: boolean;
  roles: readonly ProjectRole[];
}

/**
 * Who keeps a meeting's minutes (records it and its decisions): the project manager for both
 * kinds; steering committee members for steering meetings too (the chair's own minutes), not for
 * the weekly status meetings, which are the manager's; administrators, as for any project record.
 * Null when allowed, else why not.
 */
export function whyMayNotKeepMinutes(caller: MinutesCaller, kind: MeetingKind): string | null {
  if (caller.isAdmin || caller.roles.includes(ProjectRole.PROJECT_MANAGER)) return null;
  if (caller.roles.includes(ProjectRole.STEERING_COMMITTEE)) {
    return kind === MeetingKind.STEERING ? null : 'Weekly status meetings are recorded by the project manager; the steering committee records its own steering meetings';
  }
  return 'Meetings and their decisions are recorded by the project manager, and steering meetings also by the steering committee';
}

/**
 * Who moves a decision between OPEN and DONE: the project manager, the decision's owner (who
 * reports it done), and for a steering meeting's decision the steering committee; administrators.
 */
export function whyMayNotUpdateDecision(caller: MinutesCaller, decision: { ownerId: string | null }, kind: MeetingKind): string | null {
  if (caller.isAdmin || caller.roles.includes(ProjectRole.PROJECT_MANAGER)) return null;
  if (decision.ownerId === caller.id) return null;
  if (kind === MeetingKind.STEERING && caller.roles.includes(ProjectRole.STEERING_COMMITTEE)) return null;
  return kind === MeetingKind.STEERING
    ? 'A steering meeting’s decision is updated by its owner, the project manager or the steering committee'
    : 'A weekly status meeting’s decision is updated by its owner or the project manager';
}

/** A meeting is recorded once held: today (UTC) or earlier. */
export function requireHeldOn(heldOn: string, today: string = todayIso()): string {
  if (heldOn > today) throw badInput(`heldOn ${heldOn} is later than today (${today}, UTC): record a meeting once it has been held`, 'heldOn');
  return heldOn;
}

/** The attendees without repeats; a meeting has at least one. */
export function requireAttendees(attendeeIds: readonly string[]): string[] {
  const ids = [...new Set(attendeeIds)];
  if (ids.length === 0) throw badInput('A meeting has at least one attendee: send attendeeIds', 'attendeeIds');
  return ids;
}

/** A decision falls due no earlier than the meeting that took it. */
export function requireDueDate(dueDate: string | null | undefined, heldOn: string): string | null {
  if (dueDate == null) return null;
  if (dueDate < heldOn) throw badInput(`dueDate ${dueDate} is before the meeting (held on ${heldOn}); a decision falls due on or after the day it was taken`, 'dueDate');
  return dueDate;
}

/** Decision text: trimmed, not empty. */
export function requireDecisionText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw badInput('text must say what was decided', 'text');
  return trimmed;
}

/** A meeting title: trimmed, not empty. */
export function requireMeetingTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) throw badInput('title must not be empty', 'title');
  return trimmed;
}

interface RankedMeeting { heldOn: string; recordedAt: Date; id: string }

/** Project.meetings: the newest meeting first (the chair opens the latest minutes); the same day by recording order, newest first. */
export function compareMeetingsNewestFirst(a: RankedMeeting, b: RankedMeeting): number {
  return b.heldOn.localeCompare(a.heldOn) || b.recordedAt.getTime() - a.recordedAt.getTime() || a.id.localeCompare(b.id);
}

interface RankedDecision { recordedAt: Date; id: string }

/** SteeringMeeting.decisions: in the order they were taken (recorded). */
export function compareDecisionsInOrderTaken(a: RankedDecision, b: RankedDecision): number {
  return a.recordedAt.getTime() - b.recordedAt.getTime() || a.id.localeCompare(b.id);
}

/** What the rule for reviewed reports needs of each report found by id. */
export interface ReviewableReport { id: string; projectId: string; published: boolean }

/**
 * The reports a meeting reviewed: reports of the meeting's project that the recorder can see (a
 * draft only for those who may see drafts). Unknown ids, other projects' reports and unseen
 * drafts are refused alike, so the refusal tells nothing about reports the recorder cannot see.
 */
export function requireReviewableReports(projectId: string, reportIds: readonly string[], found: readonly ReviewableReport[], maySeeDrafts: boolean): string[] {
  const ids = [...new Set(reportIds)];
  const byId = new Map(found.map((r) => [r.id, r]));
  const refused = ids.filter((id) => {
    const report = byId.get(id);
    return !report || report.projectId !== projectId || (!report.published && !maySeeDrafts);
  });
  if (refused.length) {
    throw badInput(`reportIds must be status reports of this project that you can see${maySeeDrafts ? '' : ' (published ones: drafts are seen by the project manager and consultants)'}; not such a report: ${refused.join(', ')}`, 'reportIds');
  }
  return ids;
}
