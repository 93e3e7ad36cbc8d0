import { renderReadinessReason, type ReadinessReasonMessage } from './readiness-phrases';

export interface ReadinessSession {
  id: string;
  audience: 'KEY_USERS' | 'END_USERS' | 'SUPPORT_TEAM';
  /** Null: the session is for every function area. */
  functionAreaId: string | null;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** Attendance per person. */
  attendance: { userId: string; status: 'INVITED' | 'ATTENDED' | 'ABSENT' | 'EXCUSED' }[];
}

/** A key user of the milestone for one function area (a person may carry several). */
export interface ReadinessKeyUser {
  userId: string;
  functionAreaId: string;
}

export interface ReadinessInput {
  /**
   * The milestone's key-user assignments: of its function area (when it has one), in its
   * territory or for every territory (when it has one).
   */
  keyUsers: readonly ReadinessKeyUser[];
  /** Key-user sessions of the project; one trains a key user when it is for no area or for theirs. */
  keyUserSessions: readonly ReadinessSession[];
  /** End-user sessions linked to the milestone: their invitees are the milestone's end users. */
  endUserSessions: readonly ReadinessSession[];
  /**
   * End-user sessions of the key users' function areas, linked to the milestone or not: key users
   * should be trained before the first of these in their area (or of the milestone's sessions).
   */
  areaEndUserSessions: readonly ReadinessSession[];
  /** Start of the go-live day; null when the milestone has no planned go-live yet. */
  goLiveAt: Date | null;
}

export interface ReadinessResult {
  keyUsersTrainedShare: number | null;
  endUsersTrainedShare: number | null;
  keyUsersTrainedBeforeEndUsers: boolean;
  warnings: string[];
  /** Key users and invited end users with no attended session that ended before go-live. */
  untrainedBeforeGoLive: string[];
  /** The counts behind the shares, for the readiness rule (exact, not rounded). */
  counts: { keyUsers: number; keyUsersTrained: number; endUsersInvited: number; endUsersTrained: number };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

const live = (sessions: readonly ReadinessSession[]) => sessions.filter((s) => !s.cancelled);

const attended = (s: ReadinessSession, userId: string, before: Date | null): boolean =>
  !s.cancelled && (!before || s.endsAt.getTime() <= before.getTime())
  && s.attendance.some((a) => a.userId === userId && a.status === 'ATTENDED');

const earliestStart = (sessions: readonly ReadinessSession[]): Date | null =>
  live(sessions).reduce<Date | null>((first, s) => (!first || s.startsAt < first ? s.startsAt : first), null);

/**
 * How ready a milestone's people are: key users trained, end users trained, key users trained
 * before the first end-user session of their area (a warning, not a refusal), and who would go
 * live untrained ("no training, no production access").
 *
 * A key user is trained for an area by attending a key-user session for that area or for no
 * area; someone who is a key user of the milestone for several areas needs each of them.
 */
export function computeReadiness(input: ReadinessInput): ReadinessResult {
  const areasOf = new Map<string, Set<string>>();
  for (const k of input.keyUsers) areasOf.set(k.userId, (areasOf.get(k.userId) ?? new Set()).add(k.functionAreaId));
  const keyUserIds = [...areasOf.keys()];
  const trainedFor = (userId: string, area: string, before: Date | null) =>
    input.keyUserSessions.some((s) => (s.functionAreaId === null || s.functionAreaId === area) && attended(s, userId, before));
  /** Trained for each of their areas by a session that ended before `cutoff` (null: ever). */
  const trained = (userId: string, cutoff: Date | null) => [...areasOf.get(userId)!].every((area) => trainedFor(userId, area, cutoff));
  const keyUsersTrained = keyUserIds.filter((id) => trained(id, null));

  const invitedEndUsers = [...new Set(live(input.endUserSessions).flatMap((s) => s.attendance.map((a) => a.userId)))];
  const endUsersTrained = invitedEndUsers.filter((id) => input.endUserSessions.some((s) => attended(s, id, null)));

  const firstEndUserSessionOf = (area: string) =>
    earliestStart([...input.endUserSessions, ...input.areaEndUserSessions.filter((s) => s.functionAreaId === area)]);
  // An area without end-user sessions yet cannot have been trained "too late".
  const lateKeyUsers = keyUserIds.filter((id) => [...areasOf.get(id)!].some((area) => {
    const first = firstEndUserSessionOf(area);
    return first !== null && !trainedFor(id, area, first);
  }));

  const warnings: string[] = [];
  if (lateKeyUsers.length) {
    warnings.push(`${lateKeyUsers.length} key user(s) had not attended a key-user session before the first end-user session of their area`);
  }
  // Key users are judged as key users; the other invitees by the milestone's end-user sessions.
  const keyUsersUntrained = keyUserIds.filter((id) => !trained(id, input.goLiveAt));
  const endUsersUntrained = invitedEndUsers.filter((id) => !areasOf.has(id)
    && !input.endUserSessions.some((s) => attended(s, id, input.goLiveAt)));
  return {
    keyUsersTrainedShare: share(keyUsersTrained.length, keyUserIds.length),
    endUsersTrainedShare: share(endUsersTrained.length, invitedEndUsers.length),
    keyUsersTrainedBeforeEndUsers: lateKeyUsers.length === 0,
    warnings,
    untrainedBeforeGoLive: [...keyUsersUntrained, ...endUsersUntrained],
    counts: {
      keyUsers: keyUserIds.length, keyUsersTrained: keyUsersTrained.length,
      endUsersInvited: invitedEndUsers.length, endUsersTrained: endUsersTrained.length,
    },
  };
}

/** The share of invited end users who must have attended for a milestone to be ready. */
export const END_USER_ATTENDANCE_NEEDED_PERCENT = 90;

export interface MilestoneReadyInput {
  /** The milestone's key-user coverage cells that have a gap (names as entered). */
  coverageGaps: readonly CoverageGap[];
  counts: ReadinessResult['counts'];
}

export interface CoverageGap {
  functionArea: string;
  territory: string | null;
  qualified: number;
  required: number;
}

/**
 * A milestone is ready (REPORTING.md) when its cells have no key-user coverage gap, every key user
 * of them attended a key-user session (no key users = not ready), and at least 90 % of the end
 * users invited to its sessions attended (no invitations = fine). The reasons say what is missing.
 */
export function milestoneReady(input: MilestoneReadyInput): { ready: boolean; reasons: string[] } {
  const reasons = notReadyReasons(input).map((m) => renderReadinessReason(m, 'en'));
  return { ready: reasons.length === 0, reasons };
}

/** What keeps a milestone from being ready, as messages (readiness-phrases.ts renders them); none: ready. */
export function notReadyReasons({ coverageGaps, counts }: MilestoneReadyInput): ReadinessReasonMessage[] {
  const reasons: ReadinessReasonMessage[] = [];
  for (const gap of coverageGaps) reasons.push({ key: 'ready.coverageGap', params: { ...gap } });
  if (counts.keyUsers === 0) reasons.push({ key: 'ready.noKeyUsers', params: {} });
  else if (counts.keyUsersTrained < counts.keyUsers) {
    reasons.push({ key: 'ready.keyUsersUntrained', params: { untrained: counts.keyUsers - counts.keyUsersTrained, keyUsers: counts.keyUsers } });
  }
  if (counts.endUsersInvited > 0 && counts.endUsersTrained * 100 < counts.endUsersInvited * END_USER_ATTENDANCE_NEEDED_PERCENT) {
    reasons.push({ key: 'ready.endUserAttendance', params: {
      attended: counts.endUsersTrained, invited: counts.endUsersInvited, neededPercent: END_USER_ATTENDANCE_NEEDED_PERCENT,
    } });
  }
  return reasons;
}
