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

/** The problems with a session's own fields, each with the field it concerns. */
export function sessionProblems(session: SessionShape): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (session.endsAt.getTime() <= session.startsAt.getTime()) problems.push({ field: 'endsAt', message: 'endsAt must be after startsAt' });
  if (session.format === 'ONSITE' && !session.location?.trim()) problems.push({ field: 'location', message: 'An on-site session needs a location' });
  if (session.format === 'REMOTE' && !session.meetingUrl?.trim()) problems.push({ field: 'meetingUrl', message: 'A remote session needs a meeting link' });
  if (session.format === 'REMOTE' && session.meetingUrl && !/^https?:\/\/\S+$/i.test(session.meetingUrl.trim())) {
    problems.push({ field: 'meetingUrl', message: 'meetingUrl must be an http(s) link' });
  }
  if (!Number.isInteger(session.capacity) || session.capacity < 1) problems.push({ field: 'capacity', message: 'capacity must be at least 1' });
  return problems;
}

export const exceedsCapacity = (capacity: number, attendeeCount: number): boolean => attendeeCount > capacity;
