import type { AttendanceStatus } from '../../training/training.enums';

/** A moment as a day and a time of day in a time zone (IANA; null: UTC): what a schedule prints. */
export function localMoment(at: Date, zone: string | null): { day: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** A time of day as Excel stores it: a fraction of a day. */
export const excelTime = (minutes: number): number => minutes / (24 * 60);

export type SessionState = 'SCHEDULED' | 'HELD' | 'CANCELLED';

export function sessionState(session: { cancelledAt: Date | null; endsAt: Date }, now: Date): SessionState {
  if (session.cancelledAt) return 'CANCELLED';
  return session.endsAt.getTime() <= now.getTime() ? 'HELD' : 'SCHEDULED';
}

export interface MatrixPerson { userId: string; fullName: string; organization: string; marks: (AttendanceStatus | null)[]; invited: number; attended: number }

/**
 * The attendance matrix: everyone invited to one of `sessions` (in that order: the columns), by
 * name, with their mark per session (null: not invited) and how many they were invited to and
 * attended.
 */
export function attendanceMatrix(
  sessions: readonly { id: string }[],
  attendance: readonly { sessionId: string; userId: string; status: AttendanceStatus }[],
  people: ReadonlyMap<string, { fullName: string; organization: string }>,
): MatrixPerson[] {
  const column = new Map(sessions.map((s, i) => [s.id, i]));
  const rows = new Map<string, MatrixPerson>();
  for (const a of attendance) {
    const i = column.get(a.sessionId);
    if (i === undefined) continue;
    let row = rows.get(a.userId);
    if (!row) {
      const person = people.get(a.userId);
      row = { userId: a.userId, fullName: person?.fullName ?? a.userId, organization: person?.organization ?? '', marks: sessions.map(() => null), invited: 0, attended: 0 };
      rows.set(a.userId, row);
    }
    row.marks[i] = a.status;
    row.invited++;
    if (a.status === 'ATTENDED') row.attended++;
  }
  return [...rows.values()].sort((a, b) => a.fullName.localeCompare(b.fullName) || a.userId.localeCompare(b.userId));
}
