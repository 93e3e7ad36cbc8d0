import { computeReadiness, milestoneReady, notReadyReasons, ReadinessInput, ReadinessSession } from './readiness';

type Status = ReadinessSession['attendance'][number]['status'];
const session = (id: string, audience: ReadinessSession['audience'], start: string, end: string,
  attendance: [string, Status][], options: { cancelled?: boolean; area?: string | null } = {}): ReadinessSession =>
  ({ id, audience, functionAreaId: options.area ?? null, startsAt: new Date(start), endsAt: new Date(end), cancelled: options.cancelled ?? false,
    attendance: attendance.map(([userId, status]) => ({ userId, status })) });
const keyUsers = (area: string, ...userIds: string[]) => userIds.map((userId) => ({ userId, functionAreaId: area }));
const readiness = (input: Partial<ReadinessInput>) =>
  computeReadiness({ keyUsers: [], keyUserSessions: [], endUserSessions: [], areaEndUserSessions: [], goLiveAt: null, ...input });

describe('milestone readiness', () => {
  // Key users anna, boris, vera of order intake; end users e1..e4; go-live 16 March 2026.
  const keyUserSessions = [
    session('k1', 'KEY_USERS', '2026-03-02T09:00:00+03:00', '2026-03-02T17:00:00+03:00', [['anna', 'ATTENDED'], ['boris', 'ABSENT'], ['vera', 'INVITED']]),
    session('k2', 'KEY_USERS', '2026-03-10T09:00:00+03:00', '2026-03-10T17:00:00+03:00', [['boris', 'ATTENDED']], { area: 'orders' }),
  ];
  const endUserSessions = [
    session('e1', 'END_USERS', '2026-03-05T09:00:00+03:00', '2026-03-05T13:00:00+03:00', [['e1', 'ATTENDED'], ['e2', 'ATTENDED'], ['e3', 'ABSENT']]),
    session('e2', 'END_USERS', '2026-03-20T09:00:00+03:00', '2026-03-20T13:00:00+03:00', [['e4', 'ATTENDED']]),
    session('x', 'END_USERS', '2026-03-06T09:00:00+03:00', '2026-03-06T13:00:00+03:00', [['e9', 'ATTENDED']], { cancelled: true }),
  ];
  const result = readiness({
    keyUsers: keyUsers('orders', 'anna', 'boris', 'vera'), keyUserSessions, endUserSessions, goLiveAt: new Date('2026-03-16T00:00:00+03:00'),
  });

  it('key users trained: anna and boris of three', () => {
    expect(result.keyUsersTrainedShare).toBe(0.667);
  });

  it('end users trained: e1, e2, e4 of the four invited to sessions that were not cancelled', () => {
    expect(result.endUsersTrainedShare).toBe(0.75);
  });

  it('warns that boris and vera were not trained before the first end-user session on 5 March', () => {
    expect(result.keyUsersTrainedBeforeEndUsers).toBe(false);
    expect(result.warnings).toEqual(['2 key user(s) had not attended a key-user session before the first end-user session of their area']);
  });

  it('lists who would go live untrained: vera, e3, and e4 (trained after go-live)', () => {
    expect(result.untrainedBeforeGoLive.sort()).toEqual(['e3', 'e4', 'vera']);
  });

  it('has no shares to report without key users or end-user sessions', () => {
    expect(readiness({})).toEqual({ keyUsersTrainedShare: null, endUsersTrainedShare: null, keyUsersTrainedBeforeEndUsers: true, warnings: [], untrainedBeforeGoLive: [],
      counts: { keyUsers: 0, keyUsersTrained: 0, endUsersInvited: 0, endUsersTrained: 0 } });
  });

  it('counts a key user trained only by a session they attended that is for no area or for their area', () => {
    const r = readiness({
      keyUsers: [...keyUsers('orders', 'anna', 'boris'), ...keyUsers('docs', 'vera')],
      keyUserSessions: [
        session('docs-only', 'KEY_USERS', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z', [['anna', 'ATTENDED'], ['vera', 'ATTENDED']], { area: 'docs' }),
        session('general', 'KEY_USERS', '2026-03-03T09:00:00Z', '2026-03-03T12:00:00Z', [['boris', 'ABSENT']]),
      ],
    });
    // anna sat in the documents session only; boris did not come; vera was trained for her area.
    expect(r.keyUsersTrainedShare).toBe(0.333);
    expect(r.untrainedBeforeGoLive).toEqual(['anna', 'boris']);
  });

  it('a key user of two areas (a milestone cut by territory alone) needs training for both', () => {
    const r = readiness({
      keyUsers: [...keyUsers('orders', 'anna'), ...keyUsers('docs', 'anna'), ...keyUsers('docs', 'vera')],
      keyUserSessions: [session('orders', 'KEY_USERS', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z', [['anna', 'ATTENDED'], ['vera', 'ATTENDED']], { area: 'orders' })],
    });
    expect(r.keyUsersTrainedShare).toBe(0);
    expect(r.untrainedBeforeGoLive).toEqual(['anna', 'vera']);
  });

  it('compares each key user with the first end-user session of their own area, or of the milestone', () => {
    const ordersTraining = session('ko', 'KEY_USERS', '2026-03-10T09:00:00Z', '2026-03-10T12:00:00Z', [['anna', 'ATTENDED']], { area: 'orders' });
    const docsTraining = session('kd', 'KEY_USERS', '2026-03-10T09:00:00Z', '2026-03-10T12:00:00Z', [['vera', 'ATTENDED']], { area: 'docs' });
    const ordersEndUsers = session('eo', 'END_USERS', '2026-03-05T09:00:00Z', '2026-03-05T12:00:00Z', [], { area: 'orders' });
    const keys = [...keyUsers('orders', 'anna'), ...keyUsers('docs', 'vera')];
    // An end-user session of another area, not linked to the milestone, says nothing about vera.
    const ordersOnly = readiness({ keyUsers: keys, keyUserSessions: [ordersTraining, docsTraining], areaEndUserSessions: [ordersEndUsers] });
    expect(ordersOnly.warnings).toEqual(['1 key user(s) had not attended a key-user session before the first end-user session of their area']);
    // A cancelled end-user session does not count; one linked to the milestone counts for every area.
    const cancelled = { ...ordersEndUsers, cancelled: true };
    expect(readiness({ keyUsers: keys, keyUserSessions: [ordersTraining, docsTraining], areaEndUserSessions: [cancelled] }).keyUsersTrainedBeforeEndUsers).toBe(true);
    const linked = session('em', 'END_USERS', '2026-03-06T09:00:00Z', '2026-03-06T12:00:00Z', []);
    const both = readiness({ keyUsers: keys, keyUserSessions: [ordersTraining, docsTraining], endUserSessions: [linked] });
    expect(both.warnings).toEqual(['2 key user(s) had not attended a key-user session before the first end-user session of their area']);
  });

  it('judges key users invited to end-user sessions as key users, the other invitees by those sessions', () => {
    const r = readiness({
      keyUsers: keyUsers('orders', 'anna'),
      endUserSessions: [session('e', 'END_USERS', '2026-03-05T09:00:00Z', '2026-03-05T12:00:00Z', [['anna', 'ATTENDED'], ['e1', 'ATTENDED']])],
      goLiveAt: new Date('2026-03-16T00:00:00Z'),
    });
    expect(r.untrainedBeforeGoLive).toEqual(['anna']);
  });

  it('takes a session ending exactly at the go-live cutoff as before it', () => {
    const r = readiness({
      keyUsers: keyUsers('orders', 'anna'),
      keyUserSessions: [session('k', 'KEY_USERS', '2026-03-15T21:00:00Z', '2026-03-16T00:00:00Z', [['anna', 'ATTENDED']])],
      goLiveAt: new Date('2026-03-16T00:00:00Z'),
    });
    expect(r.untrainedBeforeGoLive).toEqual([]);
  });
});

describe('milestoneReady (REPORTING.md)', () => {
  const counts = { keyUsers: 2, keyUsersTrained: 2, endUsersInvited: 10, endUsersTrained: 9 };
  it('is ready with no gap, every key user trained and 90 % of the invited end users attended', () => {
    expect(milestoneReady({ coverageGaps: [], counts })).toEqual({ ready: true, reasons: [] });
  });
  it('is ready without end-user invitations', () => {
    expect(milestoneReady({ coverageGaps: [], counts: { ...counts, endUsersInvited: 0, endUsersTrained: 0 } }).ready).toBe(true);
  });
  it('is not ready below 90 % attendance', () => {
    expect(milestoneReady({ coverageGaps: [], counts: { ...counts, endUsersTrained: 8 } }))
      .toEqual({ ready: false, reasons: ['8 of 10 invited end users attended (90 % needed)'] });
  });
  it('is not ready without key users, or with one untrained, or with a coverage gap', () => {
    expect(milestoneReady({ coverageGaps: [], counts: { ...counts, keyUsers: 0, keyUsersTrained: 0 } }).reasons).toEqual(['no key users']);
    expect(milestoneReady({ coverageGaps: [], counts: { ...counts, keyUsersTrained: 1 } }).reasons)
      .toEqual(['1 of 2 key users have not attended a key-user session']);
    expect(milestoneReady({ coverageGaps: [{ functionArea: 'Order intake', territory: 'Plant 2', qualified: 0, required: 1 }], counts }).reasons)
      .toEqual(['key-user coverage gap: Order intake / Plant 2: 0 of 1 qualified']);
    expect(milestoneReady({ coverageGaps: [{ functionArea: 'Order intake', territory: null, qualified: 1, required: 2 }], counts }).reasons)
      .toEqual(['key-user coverage gap: Order intake: 1 of 2 qualified']);
  });
  it('gives the reasons as messages too, in the same order', () => {
    expect(notReadyReasons({ coverageGaps: [{ functionArea: 'Sales', territory: null, qualified: 0, required: 1 }], counts: { ...counts, keyUsersTrained: 1, endUsersTrained: 8 } }))
      .toEqual([
        { key: 'ready.coverageGap', params: { functionArea: 'Sales', territory: null, qualified: 0, required: 1 } },
        { key: 'ready.keyUsersUntrained', params: { untrained: 1, keyUsers: 2 } },
        { key: 'ready.endUserAttendance', params: { attended: 8, invited: 10, neededPercent: 90 } },
      ]);
  });
});
