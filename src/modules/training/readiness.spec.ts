import { computeReadiness, ReadinessSession } from './readiness';

const session = (id: string, audience: ReadinessSession['audience'], start: string, end: string,
  attendance: [string, ReadinessSession['attendance'][number]['status']][], cancelled = false): ReadinessSession =>
  ({ id, audience, startsAt: new Date(start), endsAt: new Date(end), cancelled, attendance: attendance.map(([userId, status]) => ({ userId, status })) });

describe('milestone readiness', () => {
  // Key users anna, boris, vera; end users e1..e4; go-live 16 March 2026.
  const keyUserSessions = [
    session('k1', 'KEY_USERS', '2026-03-02T09:00:00+03:00', '2026-03-02T17:00:00+03:00', [['anna', 'ATTENDED'], ['boris', 'ABSENT'], ['vera', 'INVITED']]),
    session('k2', 'KEY_USERS', '2026-03-10T09:00:00+03:00', '2026-03-10T17:00:00+03:00', [['boris', 'ATTENDED']]),
  ];
  const endUserSessions = [
    session('e1', 'END_USERS', '2026-03-05T09:00:00+03:00', '2026-03-05T13:00:00+03:00', [['e1', 'ATTENDED'], ['e2', 'ATTENDED'], ['e3', 'ABSENT']]),
    session('e2', 'END_USERS', '2026-03-20T09:00:00+03:00', '2026-03-20T13:00:00+03:00', [['e4', 'ATTENDED']]),
    session('x', 'END_USERS', '2026-03-06T09:00:00+03:00', '2026-03-06T13:00:00+03:00', [['e9', 'ATTENDED']], true),
  ];
  const result = computeReadiness({
    keyUserIds: ['anna', 'boris', 'vera'], keyUserSessions, endUserSessions, goLiveAt: new Date('2026-03-16T00:00:00+03:00'),
  });

  it('key users trained: anna and boris of three', () => {
    expect(result.keyUsersTrainedShare).toBe(0.667);
  });

  it('end users trained: e1, e2, e4 of the four invited to sessions that were not cancelled', () => {
    expect(result.endUsersTrainedShare).toBe(0.75);
  });

  it('warns that boris and vera were not trained before the first end-user session on 5 March', () => {
    expect(result.keyUsersTrainedBeforeEndUsers).toBe(false);
    expect(result.warnings).toEqual(['2 key user(s) had not attended a key-user session before the first end-user session']);
  });

  it('lists who would go live untrained: vera, e3, and e4 (trained after go-live)', () => {
    expect(result.untrainedBeforeGoLive.sort()).toEqual(['e3', 'e4', 'vera']);
  });

  it('has no shares to report without key users or end-user sessions', () => {
    const empty = computeReadiness({ keyUserIds: [], keyUserSessions: [], endUserSessions: [], goLiveAt: null });
    expect(empty).toEqual({ keyUsersTrainedShare: null, endUsersTrainedShare: null, keyUsersTrainedBeforeEndUsers: true, warnings: [], untrainedBeforeGoLive: [] });
  });
});
