/** Half-open intervals [start, end): a session ending at 12:00 and one starting at 12:00 do not overlap. */
export const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean =>
  a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();

export interface SessionShape {
  format: 'ONSITE' | 'REMOTE';
  location?: string | null;
  meetingUrl?: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

/** A session blocks its people for all of its length, in every project: a longer training is several sessions. */
export const MAX_SESSION_DAYS = 7;
const MAX_SESSION_MS = MAX_SESSION_DAYS * 24 * 60 * 60 * 1000;
/** The years the planner's Date scalar accepts, 1900–2100, here as instants in UTC. */
const FIRST_INSTANT = Date.UTC(1900, 0, 1);
const AFTER_LAST_INSTANT = Date.UTC(2101, 0, 1);

/** The problems with a session's own fields, each with the field it concerns. */
export function sessionProblems(session: SessionShape): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const field of ['startsAt', 'endsAt'] as const) {
    const time = session[field].getTime();
    if (!(time >= FIRST_INSTANT && time < AFTER_LAST_INSTANT)) {
      problems.push({ field, message: `${field} must fall between 1900-01-01 and 2100-12-31 (UTC)` });
    }
  }
  if (session.endsAt.getTime() <= session.startsAt.getTime()) problems.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
  if (session.endsAt.getTime() - session.startsAt.getTime() > MAX_SESSION_MS) {
    problems.push({ field: 'endsAt', message: `A session lasts at most ${MAX_SESSION_DAYS} days; split a longer training into several sessions` });
  }
  if (session.format === 'ONSITE' && !session.location?.trim()) problems.push({ field: 'location', message: 'An on-site session needs a location' });
  if (session.format === 'REMOTE' && !session.meetingUrl?.trim()) problems.push({ field: 'meetingUrl', message: 'A remote session needs a meeting link' });
  if (session.format === 'REMOTE' && session.meetingUrl && !/^https?:\/\/\S+$/i.test(session.meetingUrl.trim())) {
    problems.push({ field: 'meetingUrl', message: 'meetingUrl must be an http(s) link' });
  }
  if (!Number.isInteger(session.capacity) || session.capacity < 1) problems.push({ field: 'capacity', message: 'capacity must be at least 1' });
  return problems;
}

export const exceedsCapacity = (capacity: number, attendeeCount: number): boolean => attendeeCount > capacity;

/**
 * An instant as a person in the session's time zone reads it, with that zone's offset at that
 * instant: `2026-03-02 09:00+03:00`. Without a zone, UTC (`+00:00`).
 */
export function localTime(instant: Date, timeZone: string | null): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
    }).formatToParts(instant).map((part) => [part.type, part.value]),
  );
  // longOffset reads "GMT+03:00", or plain "GMT" at offset zero.
  const offset = parts.timeZoneName.replace(/^GMT/, '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}${offset}`;
}

/** A session's times for a message: `from 2026-03-02 09:00+03:00 to 2026-03-02 11:00+03:00 (Europe/Moscow)`. */
export function sessionTimes(session: { startsAt: Date; endsAt: Date; timeZone: string | null }): string {
  return `from ${localTime(session.startsAt, session.timeZone)} to ${localTime(session.endsAt, session.timeZone)} (${session.timeZone ?? 'UTC'})`;
}

/**
 * Whether someone attended or was absent is known once the session has begun; an excuse may come
 * ahead, and INVITED undoes a mark made in error.
 */
export function whyAttendanceCannotBeRecorded(session: { title: string; startsAt: Date; timeZone: string | null }, status: string, now: Date): string | null {
  if ((status === 'ATTENDED' || status === 'ABSENT') && now.getTime() < session.startsAt.getTime()) {
    return `"${session.title}" starts at ${localTime(session.startsAt, session.timeZone)} (${session.timeZone ?? 'UTC'}); ${status} can be recorded once it has begun (EXCUSED may be recorded ahead)`;
  }
  return null;
}
