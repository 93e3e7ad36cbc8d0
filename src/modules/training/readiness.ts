export interface ReadinessSession {
  id: string;
  audience: 'KEY_USERS' | 'END_USERS' | 'SUPPORT_TEAM';
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  /** Attendance per person. */
  attendance: { userId: string; status: 'INVITED' | 'ATTENDED' | 'ABSENT' | 'EXCUSED' }[];
}

export interface ReadinessInput {
  /** Key users of the milestone's function area (and territory). */
  keyUserIds: readonly string[];
  /** Sessions of the project with the key-user audience, and the milestone's end-user sessions. */
  keyUserSessions: readonly ReadinessSession[];
  endUserSessions: readonly ReadinessSession[];
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
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

const attendedBy = (sessions: readonly ReadinessSession[], before: Date | null) => {
  const people = new Set<string>();
  for (const s of sessions) {
    if (s.cancelled || (before && s.endsAt.getTime() > before.getTime())) continue;
    for (const a of s.attendance) if (a.status === 'ATTENDED') people.add(a.userId);
  }
  return people;
};

/**
 * How ready a milestone's people are: key users trained, end users trained, key users trained
 * before the first end-user session (a warning, not a refusal), and who would go live untrained
 * ("no training, no production access").
 */
export function computeReadiness(input: ReadinessInput): ReadinessResult {
  const live = (sessions: readonly ReadinessSession[]) => sessions.filter((s) => !s.cancelled);
  const keyUsersAttended = attendedBy(input.keyUserSessions, null);
  const keyUsersTrained = input.keyUserIds.filter((id) => keyUsersAttended.has(id));

  const invitedEndUsers = new Set(live(input.endUserSessions).flatMap((s) => s.attendance.map((a) => a.userId)));
  const endUsersAttended = attendedBy(input.endUserSessions, null);
  const endUsersTrained = [...invitedEndUsers].filter((id) => endUsersAttended.has(id));

  const firstEndUserSession = live(input.endUserSessions).reduce<Date | null>(
    (first, s) => (!first || s.startsAt < first ? s.startsAt : first), null);
  const trainedFirst = attendedBy(input.keyUserSessions, firstEndUserSession);
  const lateKeyUsers = firstEndUserSession ? input.keyUserIds.filter((id) => !trainedFirst.has(id)) : [];

  const warnings: string[] = [];
  if (lateKeyUsers.length) {
    warnings.push(`${lateKeyUsers.length} key user(s) had not attended a key-user session before the first end-user session`);
  }
  const trainedBeforeGoLive = new Set([
    ...attendedBy(input.keyUserSessions, input.goLiveAt),
    ...attendedBy(input.endUserSessions, input.goLiveAt),
  ]);
  const everyone = [...new Set([...input.keyUserIds, ...invitedEndUsers])];
  return {
    keyUsersTrainedShare: share(keyUsersTrained.length, input.keyUserIds.length),
    endUsersTrainedShare: share(endUsersTrained.length, invitedEndUsers.size),
    keyUsersTrainedBeforeEndUsers: lateKeyUsers.length === 0,
    warnings,
    untrainedBeforeGoLive: everyone.filter((id) => !trainedBeforeGoLive.has(id)),
  };
}
