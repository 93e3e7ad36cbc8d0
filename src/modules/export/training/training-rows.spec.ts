import { AttendanceStatus } from '../../training/training.enums';
import { attendanceMatrix, excelTime, localMoment, sessionState } from './training-rows';

describe('training schedule rows', () => {
  it('prints a session in its own time zone, UTC when it has none', () => {
    const at = new Date('2026-03-02T21:30:00Z');
    expect(localMoment(at, 'Europe/Moscow')).toEqual({ day: '2026-03-03', minutes: 30 });
    expect(localMoment(at, 'Asia/Jakarta')).toEqual({ day: '2026-03-03', minutes: 4 * 60 + 30 });
    expect(localMoment(at, null)).toEqual({ day: '2026-03-02', minutes: 21 * 60 + 30 });
    expect(excelTime(9 * 60 + 30)).toBeCloseTo(0.395833, 5);
  });

  it('says whether a session was cancelled, held or is still to come', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(sessionState({ cancelledAt: new Date('2026-03-01'), endsAt: new Date('2026-03-05') }, now)).toBe('CANCELLED');
    expect(sessionState({ cancelledAt: null, endsAt: new Date('2026-03-05') }, now)).toBe('HELD');
    expect(sessionState({ cancelledAt: null, endsAt: new Date('2026-03-15') }, now)).toBe('SCHEDULED');
  });

  it('lays out people × sessions by name, with their marks and counts; sessions not in the list are left out', () => {
    const people = new Map([['u1', { fullName: 'Zoya', organization: 'CLIENT' }], ['u2', { fullName: 'Anna', organization: 'CLIENT' }]]);
    const rows = attendanceMatrix([{ id: 's1' }, { id: 's2' }], [
      { sessionId: 's1', userId: 'u1', status: AttendanceStatus.ATTENDED },
      { sessionId: 's2', userId: 'u1', status: AttendanceStatus.ABSENT },
      { sessionId: 's2', userId: 'u2', status: AttendanceStatus.INVITED },
      { sessionId: 'cancelled', userId: 'u2', status: AttendanceStatus.INVITED },
    ], people);
    expect(rows.map((r) => [r.fullName, r.marks, r.invited, r.attended])).toEqual([
      ['Anna', [null, 'INVITED'], 1, 0],
      ['Zoya', ['ATTENDED', 'ABSENT'], 2, 1],
    ]);
  });
});
