import ICAL from 'ical.js';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const ASSIGN = 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id version processKnowledge teaching firstLineSupport backup user { id } functionArea { name } territory { name } } }';
const COVERAGE = `query($id: ID!) { project(id: $id) { version
  keyUserCoverage { cells { functionArea { name } territory { name } qualifiedKeyUsers required } gaps { functionArea { name } territory { name } } }
  supportRoster { functionArea { name } territory { name } firstLine { id } backups { id } } } }`;
const SCHEDULE = 'mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id version title startsAt endsAt trainer { id } attendance { user { id } status } } }';
const ATTEND = 'mutation($s: ID!, $u: ID!, $st: AttendanceStatus!) { recordAttendance(sessionId: $s, userId: $u, status: $st) { status user { id } } }';

describe('key users and training (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, trainer: TestUser, otherTrainer: TestUser, ku1: TestUser, ku2: TestUser, ku3: TestUser, observer: TestUser;
  let endUsers: TestUser[], outsider: TestUser;
  let projectId: string, orders: string, docs: string, plant: string, warehouse: string;

  const countSessions = async () => Number((await t.dataSource.query('SELECT count(*) n FROM training_session'))[0].n);
  const session = (overrides: Record<string, unknown> = {}) => ({
    projectId, title: 'Order intake for key users', audience: 'KEY_USERS', format: 'ONSITE', location: 'Plant 2, training room',
    startsAt: '2026-03-02T09:00:00+03:00', endsAt: '2026-03-02T12:00:00+03:00', trainerId: trainer.id, capacity: 3, attendeeIds: [], ...overrides,
  });

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, trainer, otherTrainer, ku1, ku2, ku3, observer] = await Promise.all(Array.from({ length: 7 }, () => t.user()));
    endUsers = await Promise.all(Array.from({ length: 4 }, () => t.user()));
    outsider = await t.user();
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('KU'), name: 'Key users', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-02-02', calendarCode: 'RU' },
    }, pm.token);
    projectId = createProject.id;
    for (const [user, role] of [[trainer, 'TRAINER'], [otherTrainer, 'TRAINER'], [ku1, 'KEY_USER'], [ku2, 'KEY_USER'], [ku3, 'KEY_USER'], [observer, 'OBSERVER'],
      ...endUsers.map((u) => [u, 'OBSERVER'] as const)] as const) {
      await t.ok(ADD_MEMBER, { p: projectId, u: user.id, r: role }, pm.token);
    }
    const area = async (name: string) => (await t.ok('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: projectId, n: name }, pm.token)).addFunctionArea.id;
    const territory = async (name: string) => (await t.ok('mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', { p: projectId, n: name }, pm.token)).addTerritory.id;
    orders = await area('Orders (wave)');
    docs = await area('Documents (wave)');
    plant = await territory('Plant 2');
    warehouse = await territory('Warehouse 5');
  });
  afterAll(() => t.close());

  describe('key users', () => {
    it('refuses scores outside 1–5, non-members, and members without the right, writing nothing', async () => {
      const base = { projectId, userId: ku1.id, functionAreaId: orders, territoryId: plant, processKnowledge: 4, systemLogic: 3, engagement: 5, teaching: 3 };
      const before = Number((await t.dataSource.query('SELECT count(*) n FROM key_user_assignment'))[0].n);
      expect(codeOf(await t.gql(ASSIGN, { i: { ...base, teaching: 6 } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ASSIGN, { i: { ...base, processKnowledge: 0 } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ASSIGN, { i: { ...base, userId: outsider.id } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ASSIGN, { i: base }, observer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ASSIGN, { i: base }, outsider.token))).toBe('NOT_FOUND');
      expect(Number((await t.dataSource.query('SELECT count(*) n FROM key_user_assignment'))[0].n)).toBe(before);
    });

    it('computes coverage per function area × territory and lists the gaps', async () => {
      const base = { projectId, systemLogic: 3, engagement: 4 };
      await t.ok(ASSIGN, { i: { ...base, userId: ku1.id, functionAreaId: orders, territoryId: plant, processKnowledge: 4, teaching: 3, firstLineSupport: true } }, pm.token);
      await t.ok(ASSIGN, { i: { ...base, userId: ku2.id, functionAreaId: orders, territoryId: warehouse, processKnowledge: 3, teaching: 5, backup: true } }, pm.token);
      const { assignKeyUser } = await t.ok(ASSIGN, { i: { ...base, userId: ku3.id, functionAreaId: docs, processKnowledge: 5, teaching: 4 } }, pm.token);
      expect(assignKeyUser).toMatchObject({ territory: null, functionArea: { name: 'Documents (wave)' } });
      expect(codeOf(await t.gql(ASSIGN, { i: { ...base, userId: ku3.id, functionAreaId: docs, processKnowledge: 5, teaching: 4 } }, pm.token))).toBe('DUPLICATE');

      const { project } = await t.ok(COVERAGE, { id: projectId }, observer.token);
      const mine = (cells: any[]) => cells.filter((c) => c.functionArea.name.endsWith('(wave)')).map((c) => [c.functionArea.name, c.territory?.name, c.qualifiedKeyUsers ?? null]);
      expect(mine(project.keyUserCoverage.cells)).toEqual([
        ['Documents (wave)', 'Plant 2', 1], ['Documents (wave)', 'Warehouse 5', 1],
        ['Orders (wave)', 'Plant 2', 1], ['Orders (wave)', 'Warehouse 5', 0],
      ]);
      expect(mine(project.keyUserCoverage.gaps)).toEqual(expect.arrayContaining([['Orders (wave)', 'Warehouse 5', null]]));
      expect(mine(project.keyUserCoverage.gaps).filter((g) => g[0] === 'Documents (wave)')).toEqual([]);
      const roster = project.supportRoster.find((r: any) => r.functionArea.name === 'Orders (wave)' && r.territory.name === 'Warehouse 5');
      expect(roster).toMatchObject({ firstLine: [], backups: [{ id: ku2.id }] });
    });

    it('a stricter qualification rule opens gaps; a stale project version is refused', async () => {
      const { project } = await t.ok(COVERAGE, { id: projectId }, pm.token);
      const RULE = 'mutation($i: KeyUserQualificationInput!) { setKeyUserQualificationRule(input: $i) { version } }';
      await t.ok(RULE, { i: { projectId, version: project.version, minProcessKnowledge: 5, minTeaching: 4, requiredPerCell: 1 } }, pm.token);
      expect(codeOf(await t.gql(RULE, { i: { projectId, version: project.version, minProcessKnowledge: 1, minTeaching: 1, requiredPerCell: 1 } }, pm.token))).toBe('STALE_VERSION');
      const after = (await t.ok(COVERAGE, { id: projectId }, pm.token)).project;
      const gaps = after.keyUserCoverage.gaps.filter((g: any) => g.functionArea.name === 'Orders (wave)');
      expect(gaps).toHaveLength(2);
    });
  });

  describe('key-user assignments change with their version', () => {
    it('updates and removes, refusing stale versions', async () => {
      const person = await t.user();
      await t.ok(ADD_MEMBER, { p: projectId, u: person.id, r: 'KEY_USER' }, pm.token);
      const { assignKeyUser: a } = await t.ok(ASSIGN, { i: { projectId, userId: person.id, functionAreaId: docs, territoryId: plant, processKnowledge: 2, systemLogic: 2, engagement: 3, teaching: 2 } }, pm.token);
      const UPDATE = 'mutation($i: UpdateKeyUserInput!) { updateKeyUser(input: $i) { version processKnowledge teaching firstLineSupport } }';
      const { updateKeyUser } = await t.ok(UPDATE, { i: { id: a.id, version: a.version, processKnowledge: 5, teaching: 4, firstLineSupport: true } }, pm.token);
      expect(updateKeyUser).toEqual({ version: a.version + 1, processKnowledge: 5, teaching: 4, firstLineSupport: true });
      expect(codeOf(await t.gql(UPDATE, { i: { id: a.id, version: a.version, teaching: 1 } }, pm.token))).toBe('STALE_VERSION');
      expect(codeOf(await t.gql(UPDATE, { i: { id: a.id, version: updateKeyUser.version, teaching: 9 } }, pm.token))).toBe('BAD_USER_INPUT');
      const REMOVE = 'mutation($id: ID!, $v: Int!) { removeKeyUser(id: $id, version: $v) }';
      expect(codeOf(await t.gql(REMOVE, { id: a.id, v: a.version }, pm.token))).toBe('STALE_VERSION');
      expect((await t.ok(REMOVE, { id: a.id, v: updateKeyUser.version }, pm.token)).removeKeyUser).toBe(true);
      expect(Number((await t.dataSource.query('SELECT count(*) n FROM key_user_assignment WHERE id = $1', [a.id]))[0].n)).toBe(0);
    });
  });

  describe('training sessions', () => {
    it('schedules a session with invited attendees', async () => {
      const { scheduleTraining } = await t.ok(SCHEDULE, { i: session({ attendeeIds: [ku1.id, ku2.id] }) }, pm.token);
      expect(scheduleTraining).toMatchObject({ startsAt: '2026-03-02T06:00:00.000Z', endsAt: '2026-03-02T09:00:00.000Z', trainer: { id: trainer.id } });
      expect(scheduleTraining.attendance.map((a: any) => a.status)).toEqual(['INVITED', 'INVITED']);
    });

    it('refuses more attendees than capacity, and each bad field, writing nothing', async () => {
      const before = await countSessions();
      const over = await t.gql(SCHEDULE, { i: session({ startsAt: '2026-04-01T09:00:00+03:00', endsAt: '2026-04-01T10:00:00+03:00', capacity: 2, attendeeIds: endUsers.slice(0, 3).map((u) => u.id) }) }, pm.token);
      expect(codeOf(over)).toBe('TRAINING_CAPACITY_EXCEEDED');
      for (const bad of [
        { format: 'ONSITE', location: null },
        { format: 'REMOTE', location: null, meetingUrl: null },
        { endsAt: '2026-03-02T09:00:00+03:00' },
        { startsAt: '2026-03-02T09:00:00' },
        { timeZone: 'Mars/Olympus' },
      ]) {
        expect(codeOf(await t.gql(SCHEDULE, { i: session({ startsAt: '2026-05-01T09:00:00+03:00', endsAt: '2026-05-01T10:00:00+03:00', ...bad }) }, pm.token))).toBe('BAD_USER_INPUT');
      }
      expect(await countSessions()).toBe(before);
    });

    it('refuses trainers and attendees who are not members of the project, writing nothing', async () => {
      const before = await countSessions();
      const asTrainer = await t.gql(SCHEDULE, { i: session({ startsAt: '2026-05-05T09:00:00+03:00', endsAt: '2026-05-05T10:00:00+03:00', trainerId: outsider.id }) }, pm.token);
      expect(codeOf(asTrainer)).toBe('BAD_USER_INPUT');
      expect(asTrainer.errors![0].extensions).toMatchObject({ field: 'trainerId', userIds: [outsider.id] });
      const asAttendee = await t.gql(SCHEDULE, { i: session({ startsAt: '2026-05-05T09:00:00+03:00', endsAt: '2026-05-05T10:00:00+03:00', attendeeIds: [ku1.id, outsider.id] }) }, pm.token);
      expect(codeOf(asAttendee)).toBe('BAD_USER_INPUT');
      expect(asAttendee.errors![0].message).toContain(outsider.id);
      expect(await countSessions()).toBe(before);
      const s = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-05-05T09:00:00+03:00', endsAt: '2026-05-05T10:00:00+03:00' }) }, pm.token)).scheduleTraining;
      const invite = await t.gql('mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { id } }', { s: s.id, u: [outsider.id] }, pm.token);
      expect(codeOf(invite)).toBe('BAD_USER_INPUT');
      const moveTo = await t.gql('mutation($i: RescheduleTrainingInput!) { rescheduleTraining(input: $i) { id } }', {
        i: { id: s.id, version: s.version, startsAt: s.startsAt, endsAt: s.endsAt, trainerId: outsider.id },
      }, pm.token);
      expect(codeOf(moveTo)).toBe('BAD_USER_INPUT');
      const [row] = await t.dataSource.query('SELECT trainer_id, (SELECT count(*)::int FROM training_attendance WHERE session_id = $1) AS invited FROM training_session WHERE id = $1', [s.id]);
      expect(row).toEqual({ trainer_id: trainer.id, invited: 0 });
      await t.ok('mutation($id: ID!, $v: Int!) { cancelTraining(id: $id, version: $v) { id } }', { id: s.id, v: s.version }, pm.token);
    });

    it('refuses double-booking of the trainer or an attendee, across projects, naming the session', async () => {
      const first = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-03T09:00:00+03:00', endsAt: '2026-03-03T12:00:00+03:00', attendeeIds: [endUsers[0].id] }) }, pm.token)).scheduleTraining;
      const before = await countSessions();
      const trainerClash = await t.gql(SCHEDULE, { i: session({ startsAt: '2026-03-03T11:00:00+03:00', endsAt: '2026-03-03T13:00:00+03:00' }) }, pm.token);
      expect(codeOf(trainerClash)).toBe('SCHEDULE_CONFLICT');
      expect(trainerClash.errors![0].extensions!.conflictingSessionId).toBe(first.id);
      // Another project of another manager: the attendee is busy all the same.
      const otherPm = await t.user();
      const other = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: unique('KU2'), name: 'Other', clientName: 'Other', templateKey: 'billing-remote', startDate: '2026-02-02' },
      }, otherPm.token)).createProject;
      await t.ok(ADD_MEMBER, { p: other.id, u: endUsers[0].id, r: 'OBSERVER' }, otherPm.token);
      const attendeeClash = await t.gql(SCHEDULE, { i: { ...session({ projectId: other.id, trainerId: otherPm.id, startsAt: '2026-03-03T10:00:00+03:00', endsAt: '2026-03-03T10:30:00+03:00', attendeeIds: [endUsers[0].id] }) } }, otherPm.token);
      expect(codeOf(attendeeClash)).toBe('SCHEDULE_CONFLICT');
      expect(attendeeClash.errors![0].extensions!.conflictingSessionId).toBe(first.id);
      // The other manager may not read this project: its session's title and times stay hidden.
      expect(attendeeClash.errors![0].message).toContain('a session of another project');
      expect(attendeeClash.errors![0].message).not.toContain('Order intake');
      expect(trainerClash.errors![0].message).toContain('"Order intake for key users" from 2026-03-03T06:00:00.000Z');
      expect(await countSessions()).toBe(before);
    });

    it('sessions touching at 12:00 do not overlap; Almaty and Moscow times compare as instants', async () => {
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-04T09:00:00+03:00', endsAt: '2026-03-04T12:00:00+03:00' }) }, pm.token);
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-04T12:00:00+03:00', endsAt: '2026-03-04T13:00:00+03:00', timeZone: 'Europe/Moscow' }) }, pm.token);
      // 15:00 in Almaty (+05:00) is 13:00 in Moscow: touches the end of the last session.
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-04T15:00:00+05:00', endsAt: '2026-03-04T16:00:00+05:00', timeZone: 'Asia/Almaty', format: 'REMOTE', location: null, meetingUrl: 'https://meet.example/almaty' }) }, pm.token);
      // 14:30 in Almaty is 12:30 in Moscow: inside the second session.
      expect(codeOf(await t.gql(SCHEDULE, { i: session({ startsAt: '2026-03-04T14:30:00+05:00', endsAt: '2026-03-04T15:00:00+05:00' }) }, pm.token))).toBe('SCHEDULE_CONFLICT');
    });

    it('a trainer schedules only their own sessions; key users and observers schedule none', async () => {
      const slot = { startsAt: '2026-06-01T09:00:00+03:00', endsAt: '2026-06-01T10:00:00+03:00' };
      expect((await t.ok(SCHEDULE, { i: session({ ...slot, trainerId: otherTrainer.id }) }, otherTrainer.token)).scheduleTraining.trainer.id).toBe(otherTrainer.id);
      expect(codeOf(await t.gql(SCHEDULE, { i: session({ ...slot, startsAt: '2026-06-02T09:00:00+03:00', endsAt: '2026-06-02T10:00:00+03:00' }) }, otherTrainer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SCHEDULE, { i: session(slot) }, ku1.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SCHEDULE, { i: session(slot) }, observer.token))).toBe('FORBIDDEN');
    });

    it('reschedules, invites and cancels with the same checks; a cancelled session blocks no one', async () => {
      const s = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-07-01T09:00:00+03:00', endsAt: '2026-07-01T10:00:00+03:00', capacity: 1 }) }, pm.token)).scheduleTraining;
      const INVITE = 'mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { version attendance { user { id } } } }';
      const invited = (await t.ok(INVITE, { s: s.id, u: [endUsers[1].id] }, pm.token)).inviteToTraining;
      expect(invited.attendance).toHaveLength(1);
      expect(codeOf(await t.gql(INVITE, { s: s.id, u: [endUsers[2].id] }, pm.token))).toBe('TRAINING_CAPACITY_EXCEEDED');
      const RESCHEDULE = 'mutation($i: RescheduleTrainingInput!) { rescheduleTraining(input: $i) { startsAt version } }';
      expect(codeOf(await t.gql(RESCHEDULE, { i: { id: s.id, version: s.version, startsAt: '2026-07-01T11:00:00+03:00', endsAt: '2026-07-01T12:00:00+03:00' } }, pm.token))).toBe('STALE_VERSION');
      const moved = (await t.ok(RESCHEDULE, { i: { id: s.id, version: invited.version, startsAt: '2026-03-02T11:00:00+03:00', endsAt: '2026-03-02T11:30:00+03:00' } }, pm.token).catch((e) => e));
      expect(String(moved)).toContain('SCHEDULE_CONFLICT');
      const ok = (await t.ok(RESCHEDULE, { i: { id: s.id, version: invited.version, startsAt: '2026-07-02T09:00:00+03:00', endsAt: '2026-07-02T10:00:00+03:00' } }, pm.token)).rescheduleTraining;
      const cancelled = (await t.ok('mutation($id: ID!, $v: Int!) { cancelTraining(id: $id, version: $v) { cancelledAt } }', { id: s.id, v: ok.version }, pm.token)).cancelTraining;
      expect(cancelled.cancelledAt).toBeTruthy();
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-07-02T09:00:00+03:00', endsAt: '2026-07-02T10:00:00+03:00', attendeeIds: [endUsers[1].id] }) }, pm.token);
    });

    it('records attendance by the trainer or the project manager only', async () => {
      const s = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-08-01T09:00:00+03:00', endsAt: '2026-08-01T10:00:00+03:00', attendeeIds: [ku1.id] }) }, pm.token)).scheduleTraining;
      expect((await t.ok(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, trainer.token)).recordAttendance.status).toBe('ATTENDED');
      expect((await t.ok(ATTEND, { s: s.id, u: ku1.id, st: 'EXCUSED' }, pm.token)).recordAttendance.status).toBe('EXCUSED');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, otherTrainer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, ku1.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku2.id, st: 'ATTENDED' }, pm.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe('readiness of a milestone', () => {
    it('reports shares computed by hand, the order warning and the untrained list', async () => {
      // Orders, Plant 2: key user ku1 (territory) — trained on 2 March (recorded below).
      const { addMilestone } = await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id plannedGoLive } }', {
        i: { projectId, name: 'Orders at Plant 2', splitBy: 'FUNCTION_AND_TERRITORY', functionAreaId: orders, territoryId: plant, prepareDays: 40, hypercareDays: 5 },
      }, pm.token);
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { trainingSessions { id startsAt audience attendance { user { id } } } } }', { id: projectId }, pm.token);
      const first = project.trainingSessions.find((s: any) => s.startsAt === '2026-03-02T06:00:00.000Z');
      await t.ok(ATTEND, { s: first.id, u: ku1.id, st: 'ATTENDED' }, trainer.token);
      await t.ok(ATTEND, { s: first.id, u: ku2.id, st: 'ABSENT' }, trainer.token);
      const endUserSession = (await t.ok(SCHEDULE, { i: session({
        title: 'Order intake for operators', audience: 'END_USERS', milestoneId: addMilestone.id,
        startsAt: '2026-02-27T09:00:00+03:00', endsAt: '2026-02-27T12:00:00+03:00', capacity: 10, attendeeIds: [endUsers[2].id, endUsers[3].id],
      }) }, pm.token)).scheduleTraining;
      await t.ok(ATTEND, { s: endUserSession.id, u: endUsers[2].id, st: 'ATTENDED' }, trainer.token);
      const { project: p } = await t.ok(`query($id: ID!) { project(id: $id) { milestones { id readiness {
        keyUsersTrainedShare endUsersTrainedShare keyUsersTrainedBeforeEndUsers warnings untrainedBeforeGoLive { id } } } } }`, { id: projectId }, observer.token);
      const readiness = p.milestones.find((m: any) => m.id === addMilestone.id).readiness;
      expect(readiness).toMatchObject({ keyUsersTrainedShare: 1, endUsersTrainedShare: 0.5, keyUsersTrainedBeforeEndUsers: false });
      expect(readiness.warnings).toHaveLength(1);
      expect(readiness.untrainedBeforeGoLive.map((u: any) => u.id)).toEqual([endUsers[3].id]);
    });
  });

  describe('iCalendar feed', () => {
    it('serves the sessions to an independent parser without a login header; refuses wrong and revoked tokens', async () => {
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { trainingCalendarUrl trainingSessions { id title cancelledAt } } }', { id: projectId }, ku1.token);
      const url = new URL(project.trainingCalendarUrl);
      const local = `${t.url}${url.pathname}`;
      const response = await fetch(local);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      const component = new ICAL.Component(ICAL.parse(await response.text()));
      const events = component.getAllSubcomponents('vevent');
      expect(events).toHaveLength(project.trainingSessions.length);
      const first = events.find((e) => e.getFirstPropertyValue('summary') === 'Order intake for key users' && String(e.getFirstPropertyValue('dtstart')).startsWith('2026-03-02T06:00:00'))!;
      expect(first).toBeDefined();
      expect(first.getFirstPropertyValue('uid')).toMatch(/@/);
      expect(first.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(first.getFirstPropertyValue('location')).toBe('Plant 2, training room');
      expect(String(first.getFirstPropertyValue('organizer'))).toContain(trainer.email);
      expect(first.getAllProperties('attendee').length).toBe(2);
      const cancelled = events.filter((e) => e.getFirstPropertyValue('status') === 'CANCELLED');
      expect(cancelled).toHaveLength(project.trainingSessions.filter((s: any) => s.cancelledAt).length);

      const wrong = local.replace(/\/([^/]+)\/training\.ics$/, '/not-the-secret/training.ics');
      expect((await fetch(wrong)).status).toBe(404);
      expect(codeOf(await t.gql('mutation($p: ID!) { revokeTrainingCalendarUrl(projectId: $p) { id } }', { p: projectId }, ku1.token))).toBe('FORBIDDEN');
      const { revokeTrainingCalendarUrl } = await t.ok('mutation($p: ID!) { revokeTrainingCalendarUrl(projectId: $p) { trainingCalendarUrl } }', { p: projectId }, pm.token);
      expect(revokeTrainingCalendarUrl.trainingCalendarUrl).not.toBe(project.trainingCalendarUrl);
      expect((await fetch(local)).status).toBe(404);
      expect((await fetch(`${t.url}${new URL(revokeTrainingCalendarUrl.trainingCalendarUrl).pathname}`)).status).toBe(200);
    });
  });
});
