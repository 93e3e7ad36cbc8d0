import { exceedsCapacity, localTime, overlaps, sessionProblems, sessionTimes, whyAttendanceCannotBeRecorded } from './training-rules';

const at = (iso: string) => new Date(iso);
const slot = (start: string, end: string) => ({ startsAt: at(start), endsAt: at(end) });

describe('training rules', () => {
  it('sessions that touch at a boundary do not overlap', () => {
    expect(overlaps(slot('2026-03-02T09:00:00+03:00', '2026-03-02T12:00:00+03:00'), slot('2026-03-02T12:00:00+03:00', '2026-03-02T15:00:00+03:00'))).toBe(false);
  });

  it('sessions sharing any minute overlap, in either order and when one contains the other', () => {
    const a = slot('2026-03-02T09:00:00+03:00', '2026-03-02T12:00:00+03:00');
    expect(overlaps(a, slot('2026-03-02T11:59:00+03:00', '2026-03-02T13:00:00+03:00'))).toBe(true);
    expect(overlaps(slot('2026-03-02T08:00:00+03:00', '2026-03-02T09:01:00+03:00'), a)).toBe(true);
    expect(overlaps(a, slot('2026-03-02T10:00:00+03:00', '2026-03-02T11:00:00+03:00'))).toBe(true);
  });

  it('compares instants across time zones: 10:00 in Almaty (+05:00) is 08:00 in Moscow (+03:00)', () => {
    const moscow = slot('2026-03-02T08:00:00+03:00', '2026-03-02T09:00:00+03:00');
    expect(overlaps(moscow, slot('2026-03-02T10:00:00+05:00', '2026-03-02T11:00:00+05:00'))).toBe(true);
    expect(overlaps(moscow, slot('2026-03-02T11:00:00+05:00', '2026-03-02T12:00:00+05:00'))).toBe(false);
  });

  it('names every problem with a session’s own fields', () => {
    const base = { ...slot('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'), capacity: 10 };
    expect(sessionProblems({ ...base, format: 'ONSITE', location: 'Plant 2, room 4' })).toEqual([]);
    expect(sessionProblems({ ...base, format: 'REMOTE', meetingUrl: 'https://meet.example/abc' })).toEqual([]);
    expect(sessionProblems({ ...base, format: 'ONSITE' }).map((p) => p.field)).toEqual(['location']);
    expect(sessionProblems({ ...base, format: 'REMOTE', meetingUrl: 'not a link' }).map((p) => p.field)).toEqual(['meetingUrl']);
    expect(sessionProblems({ ...slot('2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z'), capacity: 0, format: 'REMOTE', meetingUrl: 'https://x.example' })
      .map((p) => p.field)).toEqual(['endsAt', 'capacity']);
  });

  it('a session lasts at most 7 days, to the millisecond', () => {
    const onsite = { format: 'ONSITE' as const, location: 'Plant 2, room 4', capacity: 10 };
    expect(sessionProblems({ ...onsite, ...slot('2026-03-02T09:00:00+03:00', '2026-03-09T09:00:00+03:00') })).toEqual([]);
    expect(sessionProblems({ ...onsite, ...slot('2026-03-02T09:00:00+03:00', '2026-03-09T09:00:00.001+03:00') }).map((p) => p.field)).toEqual(['endsAt']);
    expect(sessionProblems({ ...onsite, ...slot('2026-03-02T09:00:00Z', '2096-03-02T09:00:00Z') }).map((p) => p.field)).toEqual(['endsAt']);
  });

  it('takes instants from 1900 to 2100 (UTC) only', () => {
    const onsite = { format: 'ONSITE' as const, location: 'Plant 2, room 4', capacity: 10 };
    expect(sessionProblems({ ...onsite, ...slot('1900-01-01T00:00:00Z', '1900-01-01T01:00:00Z') })).toEqual([]);
    expect(sessionProblems({ ...onsite, ...slot('2100-12-31T22:00:00Z', '2100-12-31T23:59:59.999Z') })).toEqual([]);
    expect(sessionProblems({ ...onsite, ...slot('1899-12-31T23:30:00Z', '1900-01-01T00:30:00Z') }).map((p) => p.field)).toEqual(['startsAt']);
    expect(sessionProblems({ ...onsite, ...slot('2100-12-31T23:30:00Z', '2101-01-01T00:30:00Z') }).map((p) => p.field)).toEqual(['endsAt']);
    expect(sessionProblems({ ...onsite, ...slot('0001-01-01T00:00:00Z', '9999-01-01T00:00:00Z') }).map((p) => p.field)).toEqual(['startsAt', 'endsAt', 'endsAt']);
  });

  it('capacity counts attendees, not the trainer', () => {
    expect(exceedsCapacity(2, 2)).toBe(false);
    expect(exceedsCapacity(2, 3)).toBe(true);
  });

  it('attendance and absence are recorded once the session has begun; excuses and resets any time', () => {
    const session = { title: 'Orders', startsAt: new Date('2026-03-02T06:00:00Z'), timeZone: 'Europe/Moscow' };
    const before = new Date('2026-03-02T05:59:59.999Z');
    const atStart = new Date('2026-03-02T06:00:00Z');
    expect(whyAttendanceCannotBeRecorded(session, 'ATTENDED', before)).toBe('"Orders" starts at 2026-03-02 09:00+03:00 (Europe/Moscow); ATTENDED can be recorded once it has begun (EXCUSED may be recorded ahead)');
    expect(whyAttendanceCannotBeRecorded(session, 'ABSENT', before)).toMatch(/ABSENT can be recorded once/);
    expect(whyAttendanceCannotBeRecorded(session, 'EXCUSED', before)).toBeNull();
    expect(whyAttendanceCannotBeRecorded(session, 'INVITED', before)).toBeNull();
    expect(whyAttendanceCannotBeRecorded(session, 'ATTENDED', atStart)).toBeNull();
    expect(whyAttendanceCannotBeRecorded(session, 'ABSENT', atStart)).toBeNull();
  });

  it('times in messages read as in the session\'s time zone, with the offset of that day', () => {
    const instant = new Date('2026-07-01T06:00:00Z');
    expect(localTime(instant, 'Europe/Moscow')).toBe('2026-07-01 09:00+03:00');
    // Summer and winter time, and a half-hour offset.
    expect(localTime(instant, 'Europe/Berlin')).toBe('2026-07-01 08:00+02:00');
    expect(localTime(new Date('2026-01-15T23:30:00Z'), 'Europe/Berlin')).toBe('2026-01-16 00:30+01:00');
    expect(localTime(instant, 'Asia/Kolkata')).toBe('2026-07-01 11:30+05:30');
    expect(localTime(instant, 'America/New_York')).toBe('2026-07-01 02:00-04:00');
    // Without a zone: UTC, midnight as 00, not 24.
    expect(localTime(new Date('2026-07-01T00:05:00Z'), null)).toBe('2026-07-01 00:05+00:00');
    expect(sessionTimes({ startsAt: instant, endsAt: new Date('2026-07-01T08:00:00Z'), timeZone: 'Asia/Almaty' }))
      .toBe('from 2026-07-01 11:00+05:00 to 2026-07-01 13:00+05:00 (Asia/Almaty)');
    expect(sessionTimes({ startsAt: instant, endsAt: new Date('2026-07-01T08:00:00Z'), timeZone: null }))
      .toBe('from 2026-07-01 06:00+00:00 to 2026-07-01 08:00+00:00 (UTC)');
  });
});
