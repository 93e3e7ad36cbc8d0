import ICAL from 'ical.js';
import { spawnSync } from 'node:child_process';
import { Project } from '../../src/modules/project/entities/project.entity';
import { CalendarFeedService } from '../../src/modules/training/calendar-feed.service';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const ASSIGN = 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id version processKnowledge teaching firstLineSupport backup user { id } functionArea { name } territory { name } } }';
const COVERAGE = `query($id: ID!) { project(id: $id) { version
  keyUserCoverage { cells { functionArea { name } territory { name } qualifiedKeyUsers required } gaps { functionArea { name } territory { name } } }
  supportRoster { functionArea { name } territory { name } firstLine { id } backups { id } } } }`;
const SCHEDULE = 'mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id version title startsAt endsAt trainer { id } attendance { user { id } status } } }';
const ATTEND = 'mutation($s: ID!, $u: ID!, $st: AttendanceStatus!) { recordAttendance(sessionId: $s, userId: $u, status: $st) { status user { id } } }';
const INVITE = 'mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { version attendance { user { id } } } }';
const UNINVITE = 'mutation($s: ID!, $u: ID!) { uninviteFromTraining(sessionId: $s, userId: $u) { version attendance { user { id } } } }';
const RESCHEDULE = 'mutation($i: RescheduleTrainingInput!) { rescheduleTraining(input: $i) { startsAt endsAt version } }';
const CANCEL = 'mutation($id: ID!, $v: Int!) { cancelTraining(id: $id, version: $v) { version cancelledAt } }';

/** What a calendar application needs of one event, as ical.js reads it. */
interface FeedEvent { uid: string; summary: string; start: string; end: string; sequence: number; status: string; url: string | null; location: string | null; stamp: string }
const iso = (time: unknown) => (time as { toJSDate(): Date }).toJSDate().toISOString();
const eventsOf = (text: string): FeedEvent[] => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((e) => ({
  uid: String(e.getFirstPropertyValue('uid')), summary: String(e.getFirstPropertyValue('summary')),
  start: iso(e.getFirstPropertyValue('dtstart')), end: iso(e.getFirstPropertyValue('dtend')),
  sequence: Number(e.getFirstPropertyValue('sequence')), status: String(e.getFirstPropertyValue('status')),
  url: (e.getFirstPropertyValue('url') as string | null) ?? null, location: (e.getFirstPropertyValue('location') as string | null) ?? null,
  stamp: iso(e.getFirstPropertyValue('dtstamp')),
}));

/**
 * The same fields as read by Debian's python3-icalendar, an independent parser; null where it is
 * not installed (ical.js, above, is the parser every run relies on).
 */
const PYTHON = '/usr/bin/python3';
const pythonIcalendar = spawnSync(PYTHON, ['-c', 'import icalendar']).status === 0;
const eventsByPython = (text: string): Omit<FeedEvent, 'stamp'>[] | null => {
  if (!pythonIcalendar) return null;
  const script = `
import sys, json, datetime, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
utc = lambda d: d.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
text = lambda v: None if v is None else str(v)
print(json.dumps([{ 'uid': str(e['UID']), 'summary': str(e['SUMMARY']), 'start': utc(e.decoded('DTSTART')), 'end': utc(e.decoded('DTEND')),
  'sequence': int(e['SEQUENCE']), 'status': str(e['STATUS']), 'url': text(e.get('URL')), 'location': text(e.get('LOCATION')) } for e in cal.walk('VEVENT')]))
`;
  const run = spawnSync(PYTHON, ['-c', script], { input: text, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3-icalendar could not read the feed: ${run.stderr}`);
  return JSON.parse(run.stdout);
};

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

  /** A session's row as stored, to show that a refusal wrote nothing. */
  const stored = async (id: string) => (await t.dataSource.query(
    `SELECT starts_at, ends_at, location, time_zone, trainer_id, version, cancelled_at,
            (SELECT coalesce(json_agg(json_build_array(a.user_id, a.status) ORDER BY a.user_id), '[]') FROM training_attendance a WHERE a.session_id = s.id) AS attendance
       FROM training_session s WHERE id = $1`, [id]))[0];
  /** A project of its own, for figures computed by hand: members, and function areas and territories by name. */
  const freshProject = async (members: [TestUser, string][], areaNames: string[], territoryNames: string[]) => {
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('KUX'), name: 'Fresh', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-02-02', calendarCode: 'RU' },
    }, pm.token);
    const id: string = createProject.id;
    for (const [user, role] of members) await t.ok(ADD_MEMBER, { p: id, u: user.id, r: role }, pm.token);
    const areas: string[] = [];
    for (const n of areaNames) areas.push((await t.ok('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: id, n }, pm.token)).addFunctionArea.id);
    const territories: string[] = [];
    for (const n of territoryNames) territories.push((await t.ok('mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', { p: id, n }, pm.token)).addTerritory.id);
    return { id, areas, territories };
  };

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
      // Only members holding the KEY_USER role: an observer or a trainer would count in coverage.
      for (const person of [observer, trainer]) {
        const refused = await t.gql(ASSIGN, { i: { ...base, userId: person.id } }, pm.token);
        expect(codeOf(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].message).toContain(`${person.email} (${person.id}) does not hold the KEY_USER role`);
        expect(refused.errors![0].extensions).toMatchObject({ field: 'userId', userIds: [person.id] });
      }
      expect(codeOf(await t.gql(ASSIGN, { i: base }, observer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ASSIGN, { i: base }, outsider.token))).toBe('NOT_FOUND');
      expect(Number((await t.dataSource.query('SELECT count(*) n FROM key_user_assignment'))[0].n)).toBe(before);
    });

    it('competency scores are read by the PM, consultants, the steering committee and administrators, and by each key user for themselves', async () => {
      const [sponsor, consultant, kuA, kuB, admin] = await Promise.all([t.user(), t.user(), t.user(), t.user(), t.user({ admin: true })]);
      const fresh = await freshProject([[sponsor, 'STEERING_COMMITTEE'], [consultant, 'CONSULTANT'], [kuA, 'KEY_USER'], [kuB, 'KEY_USER'], [trainer, 'TRAINER'], [observer, 'OBSERVER']], ['Orders'], []);
      for (const [user, score] of [[kuA, 2], [kuB, 5]] as const) {
        await t.ok(ASSIGN, { i: { projectId: fresh.id, userId: user.id, functionAreaId: fresh.areas[0], processKnowledge: score, systemLogic: score, engagement: score, teaching: score } }, pm.token);
      }
      const SCORES = 'query($id: ID!, $u: ID) { project(id: $id) { keyUsers(userId: $u) { user { id } processKnowledge systemLogic engagement teaching } } }';
      const PEOPLE = 'query($id: ID!) { project(id: $id) { keyUsers { user { id } functionArea { name } firstLineSupport } } }';
      const byUser = (list: any[]) => [...list].sort((a, b) => a.user.id.localeCompare(b.user.id));
      const everyone = byUser([[kuA.id, 2], [kuB.id, 5]].map(([id, n]) => ({ user: { id }, processKnowledge: n, systemLogic: n, engagement: n, teaching: n })));
      const readers = { pm, sponsor, consultant, admin };
      const others = { kuA, kuB, trainer, observer };
      const outcomes: Record<string, unknown> = {};
      for (const [name, user] of Object.entries({ ...readers, ...others })) {
        const all = await t.gql(SCORES, { id: fresh.id }, user.token);
        const own = await t.gql(SCORES, { id: fresh.id, u: user.id }, user.token);
        const people = await t.gql(PEOPLE, { id: fresh.id }, user.token);
        outcomes[name] = {
          all: codeOf(all) ?? byUser(all.data!.project.keyUsers),
          own: codeOf(own) ?? own.data!.project.keyUsers,
          people: codeOf(people) ?? people.data!.project.keyUsers.length,
        };
      }
      const ownOf = (id: string) => everyone.filter((a) => a.user.id === id);
      expect(outcomes).toEqual({
        ...Object.fromEntries(Object.entries(readers).map(([name, user]) => [name, { all: everyone, own: ownOf(user.id), people: 2 }])),
        kuA: { all: 'FORBIDDEN', own: ownOf(kuA.id), people: 2 },
        kuB: { all: 'FORBIDDEN', own: ownOf(kuB.id), people: 2 },
        trainer: { all: 'FORBIDDEN', own: [], people: 2 },
        observer: { all: 'FORBIDDEN', own: [], people: 2 },
      });
      // Another key user's scores, asked for by name, are refused as well.
      expect(codeOf(await t.gql(SCORES, { id: fresh.id, u: kuB.id }, kuA.token))).toBe('FORBIDDEN');
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

    it('counts a person once per cell though assigned for every territory and for one; the roster names them once', async () => {
      const [anna, boris] = [await t.user(), await t.user()];
      const p = await freshProject([[anna, 'KEY_USER'], [boris, 'KEY_USER']], ['Orders (own)'], ['North', 'South']);
      const base = { projectId: p.id, functionAreaId: p.areas[0], systemLogic: 3, engagement: 4 };
      await t.ok(ASSIGN, { i: { ...base, userId: anna.id, processKnowledge: 5, teaching: 5, firstLineSupport: true } }, pm.token);
      await t.ok(ASSIGN, { i: { ...base, userId: anna.id, territoryId: p.territories[0], processKnowledge: 4, teaching: 4, firstLineSupport: true, backup: true } }, pm.token);
      await t.ok(ASSIGN, { i: { ...base, userId: boris.id, territoryId: p.territories[0], processKnowledge: 2, teaching: 2, backup: true } }, pm.token);
      const { project } = await t.ok(COVERAGE, { id: p.id }, anna.token);
      const own = (rows: any[]) => rows.filter((r) => r.functionArea.name === 'Orders (own)');
      expect(own(project.keyUserCoverage.cells).map((c) => [c.territory.name, c.qualifiedKeyUsers])).toEqual([['North', 1], ['South', 1]]);
      const ids = (users: { id: string }[]) => users.map((u) => u.id).sort();
      expect(own(project.supportRoster).map((r) => [r.territory.name, ids(r.firstLine), ids(r.backups)])).toEqual([
        ['North', [anna.id], [anna.id, boris.id].sort()],
        ['South', [anna.id], []],
      ]);
      // Two qualified key users per cell: anna alone does not make two.
      const RULE = 'mutation($i: KeyUserQualificationInput!) { setKeyUserQualificationRule(input: $i) { keyUserCoverage { gaps { functionArea { name } territory { name } } } } }';
      const { setKeyUserQualificationRule } = await t.ok(RULE, { i: { projectId: p.id, version: project.version, minProcessKnowledge: 4, minTeaching: 3, requiredPerCell: 2 } }, pm.token);
      expect(own(setKeyUserQualificationRule.keyUserCoverage.gaps).map((g) => g.territory.name)).toEqual(['North', 'South']);
    });

    it('has one cell per function area on a project without territories', async () => {
      const vera = await t.user();
      const p = await freshProject([[vera, 'KEY_USER']], ['Billing (own)', 'Returns (own)'], []);
      await t.ok(ASSIGN, { i: { projectId: p.id, userId: vera.id, functionAreaId: p.areas[0], processKnowledge: 4, systemLogic: 3, engagement: 3, teaching: 3, firstLineSupport: true } }, pm.token);
      const { project } = await t.ok(`query($id: ID!) { project(id: $id) { functionAreas { id } territories { id }
        keyUserCoverage { cells { functionArea { name } territory { name } qualifiedKeyUsers required } gaps { functionArea { name } territory { name } } }
        supportRoster { functionArea { name } territory { name } firstLine { id } backups { id } } } }`, { id: p.id }, vera.token);
      expect(project.territories).toEqual([]);
      expect(project.keyUserCoverage.cells).toHaveLength(project.functionAreas.length);
      expect(project.keyUserCoverage.cells.every((c: any) => c.territory === null)).toBe(true);
      const own = (rows: any[]) => rows.filter((r) => r.functionArea.name.endsWith('(own)'));
      expect(own(project.keyUserCoverage.cells)).toEqual([
        { functionArea: { name: 'Billing (own)' }, territory: null, qualifiedKeyUsers: 1, required: 1 },
        { functionArea: { name: 'Returns (own)' }, territory: null, qualifiedKeyUsers: 0, required: 1 },
      ]);
      expect(own(project.keyUserCoverage.gaps)).toEqual([{ functionArea: { name: 'Returns (own)' }, territory: null }]);
      expect(own(project.supportRoster)).toEqual([
        { functionArea: { name: 'Billing (own)' }, territory: null, firstLine: [{ id: vera.id }], backups: [] },
        { functionArea: { name: 'Returns (own)' }, territory: null, firstLine: [], backups: [] },
      ]);
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
      const first = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-03T09:00:00+03:00', endsAt: '2026-03-03T12:00:00+03:00', timeZone: 'Europe/Moscow', attendeeIds: [endUsers[0].id] }) }, pm.token)).scheduleTraining;
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
      // Times as the session's people read them: in its time zone, with the offset.
      expect(trainerClash.errors![0].message).toContain('is already booked in "Order intake for key users" from 2026-03-03 09:00+03:00 to 2026-03-03 12:00+03:00 (Europe/Moscow)');
      expect(await countSessions()).toBe(before);
    });

    it('sessions touching at 12:00 do not overlap; Almaty and Moscow times compare as instants', async () => {
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-04T09:00:00+03:00', endsAt: '2026-03-04T12:00:00+03:00' }) }, pm.token);
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-04T12:00:00+03:00', endsAt: '2026-03-04T13:00:00+03:00', timeZone: 'Europe/Moscow' }) }, pm.token);
      // 15:00 in Almaty (+05:00) is 13:00 in Moscow: touches the end of the last session.
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-03-04T15:00:00+05:00', endsAt: '2026-03-04T16:00:00+05:00', timeZone: 'Asia/Almaty', format: 'REMOTE', location: null, meetingUrl: 'https://meet.example/almaty' }) }, pm.token);
      // 14:30 in Almaty is 12:30 in Moscow: inside the second session.
      const clash = await t.gql(SCHEDULE, { i: session({ startsAt: '2026-03-04T14:30:00+05:00', endsAt: '2026-03-04T15:00:00+05:00' }) }, pm.token);
      expect(codeOf(clash)).toBe('SCHEDULE_CONFLICT');
      expect(clash.errors![0].message).toMatch(/ from 2026-03-04 12:00\+03:00 to 2026-03-04 13:00\+03:00 \(Europe\/Moscow\)$/);
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
      const invited = (await t.ok(INVITE, { s: s.id, u: [endUsers[1].id] }, pm.token)).inviteToTraining;
      expect(invited.attendance).toHaveLength(1);
      const before = await stored(s.id);
      expect(codeOf(await t.gql(INVITE, { s: s.id, u: [endUsers[2].id] }, pm.token))).toBe('TRAINING_CAPACITY_EXCEEDED');
      expect(await stored(s.id)).toEqual(before);
      expect(codeOf(await t.gql(RESCHEDULE, { i: { id: s.id, version: s.version, startsAt: '2026-07-01T11:00:00+03:00', endsAt: '2026-07-01T12:00:00+03:00' } }, pm.token))).toBe('STALE_VERSION');
      const moved = (await t.ok(RESCHEDULE, { i: { id: s.id, version: invited.version, startsAt: '2026-03-02T11:00:00+03:00', endsAt: '2026-03-02T11:30:00+03:00' } }, pm.token).catch((e) => e));
      expect(String(moved)).toContain('SCHEDULE_CONFLICT');
      expect(await stored(s.id)).toEqual(before);
      const ok = (await t.ok(RESCHEDULE, { i: { id: s.id, version: invited.version, startsAt: '2026-07-02T09:00:00+03:00', endsAt: '2026-07-02T10:00:00+03:00' } }, pm.token)).rescheduleTraining;
      const cancelled = (await t.ok(CANCEL, { id: s.id, v: ok.version }, pm.token)).cancelTraining;
      expect(cancelled.cancelledAt).toBeTruthy();
      await t.ok(SCHEDULE, { i: session({ startsAt: '2026-07-02T09:00:00+03:00', endsAt: '2026-07-02T10:00:00+03:00', attendeeIds: [endUsers[1].id] }) }, pm.token);
    });

    it('records attendance by the trainer or the project manager only', async () => {
      const s = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-08-01T09:00:00+03:00', endsAt: '2026-08-01T10:00:00+03:00', attendeeIds: [ku1.id] }) }, pm.token)).scheduleTraining;
      expect((await t.ok(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, trainer.token)).recordAttendance.status).toBe('ATTENDED');
      expect((await t.ok(ATTEND, { s: s.id, u: ku1.id, st: 'EXCUSED' }, pm.token)).recordAttendance.status).toBe('EXCUSED');
      const before = await stored(s.id);
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, otherTrainer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, ku1.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku1.id, st: 'ATTENDED' }, outsider.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: ku2.id, st: 'ATTENDED' }, pm.token))).toBe('BAD_USER_INPUT');
      expect(await stored(s.id)).toEqual(before);
      expect(before.attendance).toEqual([[ku1.id, 'EXCUSED']]);
    });

    it('records attendance once a session has begun, and does not cancel one that took place', async () => {
      const future = (await t.ok(SCHEDULE, { i: session({ startsAt: '2099-08-01T09:00:00+03:00', endsAt: '2099-08-01T10:00:00+03:00', timeZone: 'Europe/Moscow', attendeeIds: [ku1.id, ku2.id] }) }, pm.token)).scheduleTraining;
      const before = await stored(future.id);
      for (const st of ['ATTENDED', 'ABSENT']) {
        const early = await t.gql(ATTEND, { s: future.id, u: ku1.id, st }, trainer.token);
        expect(codeOf(early)).toBe('BAD_USER_INPUT');
        expect(early.errors![0].message).toBe(`"Order intake for key users" starts at 2099-08-01 09:00+03:00 (Europe/Moscow); ${st} can be recorded once it has begun (EXCUSED may be recorded ahead)`);
      }
      expect(await stored(future.id)).toEqual(before);
      expect((await t.ok(ATTEND, { s: future.id, u: ku2.id, st: 'EXCUSED' }, trainer.token)).recordAttendance.status).toBe('EXCUSED');
      // A session someone attended is history: it stays.
      const held = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-08-03T09:00:00+03:00', endsAt: '2026-08-03T10:00:00+03:00', attendeeIds: [ku1.id] }) }, pm.token)).scheduleTraining;
      await t.ok(ATTEND, { s: held.id, u: ku1.id, st: 'ATTENDED' }, trainer.token);
      const heldBefore = await stored(held.id);
      const cancel = await t.gql(CANCEL, { id: held.id, v: heldBefore.version }, pm.token);
      expect(codeOf(cancel)).toBe('BAD_USER_INPUT');
      expect(cancel.errors![0].message).toContain('took place');
      // Nor can it be moved (into the future, say) or given to another trainer, nor the record erased.
      const moved = await t.gql(RESCHEDULE, { i: { id: held.id, version: heldBefore.version, startsAt: '2099-08-03T09:00:00+03:00', endsAt: '2099-08-03T10:00:00+03:00' } }, pm.token);
      expect(codeOf(moved)).toBe('BAD_USER_INPUT');
      expect(moved.errors![0].extensions!.field).toBe('startsAt');
      const handedOver = await t.gql(RESCHEDULE, { i: { id: held.id, version: heldBefore.version, startsAt: '2026-08-03T09:00:00+03:00', endsAt: '2026-08-03T10:00:00+03:00', trainerId: otherTrainer.id } }, pm.token);
      expect(codeOf(handedOver)).toBe('BAD_USER_INPUT');
      const erased = await t.gql('mutation($s: ID!, $u: ID!) { uninviteFromTraining(sessionId: $s, userId: $u) { id } }', { s: held.id, u: ku1.id }, pm.token);
      expect(codeOf(erased)).toBe('BAD_USER_INPUT');
      expect(erased.errors![0].message).toContain('ATTENDED is recorded');
      expect(await stored(held.id)).toEqual(heldBefore);
      // A mark made in error is undone by setting INVITED; then the invitation can go.
      await t.ok(ATTEND, { s: held.id, u: ku1.id, st: 'INVITED' }, trainer.token);
      await t.ok('mutation($s: ID!, $u: ID!) { uninviteFromTraining(sessionId: $s, userId: $u) { id } }', { s: held.id, u: ku1.id }, pm.token);
    });

    it('the trainer records attendance whatever their project role: a key user gives a session', async () => {
      const s = (await t.ok(SCHEDULE, { i: session({
        title: 'Order intake for operators, by a key user', audience: 'END_USERS', trainerId: ku2.id,
        startsAt: '2026-08-05T09:00:00+03:00', endsAt: '2026-08-05T10:00:00+03:00', attendeeIds: [endUsers[0].id],
      }) }, pm.token)).scheduleTraining;
      expect((await t.ok(ATTEND, { s: s.id, u: endUsers[0].id, st: 'ATTENDED' }, ku2.token)).recordAttendance).toEqual({ status: 'ATTENDED', user: { id: endUsers[0].id } });
      const before = await stored(s.id);
      const refused = await t.gql(ATTEND, { s: s.id, u: endUsers[0].id, st: 'ABSENT' }, ku1.token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toBe('Only the trainer of "Order intake for operators, by a key user" or the project manager records attendance');
      expect(codeOf(await t.gql(ATTEND, { s: s.id, u: endUsers[0].id, st: 'ABSENT' }, observer.token))).toBe('FORBIDDEN');
      expect(await stored(s.id)).toEqual(before);
      expect(before.attendance).toEqual([[endUsers[0].id, 'ATTENDED']]);
      // Giving the session lets a key user record attendance, not change the session.
      expect(codeOf(await t.gql(CANCEL, { id: s.id, v: s.version }, ku2.token))).toBe('FORBIDDEN');
    });

    it('refuses to invite someone booked in an overlapping session, naming it, writing nothing', async () => {
      const busy = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-09-01T09:00:00+03:00', endsAt: '2026-09-01T10:00:00+03:00', attendeeIds: [endUsers[0].id] }) }, pm.token)).scheduleTraining;
      const other = (await t.ok(SCHEDULE, { i: session({
        trainerId: otherTrainer.id, startsAt: '2026-09-01T09:30:00+03:00', endsAt: '2026-09-01T10:30:00+03:00', attendeeIds: [endUsers[1].id],
      }) }, pm.token)).scheduleTraining;
      const before = await stored(other.id);
      const clash = await t.gql(INVITE, { s: other.id, u: [endUsers[2].id, endUsers[0].id] }, pm.token);
      expect(codeOf(clash)).toBe('SCHEDULE_CONFLICT');
      expect(clash.errors![0].extensions).toMatchObject({ conflictingSessionId: busy.id, userId: endUsers[0].id });
      expect(await stored(other.id)).toEqual(before);
      expect(before.attendance).toEqual([[endUsers[1].id, 'INVITED']]);
    });

    it('uninvites an attendee, moving the version on; refuses someone not invited, writing nothing', async () => {
      const slot = { startsAt: '2026-09-02T09:00:00+03:00', endsAt: '2026-09-02T10:00:00+03:00' };
      const s = (await t.ok(SCHEDULE, { i: session({ ...slot, attendeeIds: [endUsers[0].id, endUsers[1].id] }) }, pm.token)).scheduleTraining;
      const { uninviteFromTraining } = await t.ok(UNINVITE, { s: s.id, u: endUsers[0].id }, trainer.token);
      expect(uninviteFromTraining).toEqual({ version: s.version + 1, attendance: [{ user: { id: endUsers[1].id } }] });
      const before = await stored(s.id);
      for (const who of [endUsers[0].id, endUsers[2].id]) {
        const refused = await t.gql(UNINVITE, { s: s.id, u: who }, pm.token);
        expect(codeOf(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].extensions).toMatchObject({ field: 'userId' });
      }
      expect(codeOf(await t.gql(UNINVITE, { s: s.id, u: endUsers[1].id }, otherTrainer.token))).toBe('FORBIDDEN');
      expect(await stored(s.id)).toEqual(before);
      // The person let go is free at that time again.
      await t.ok(SCHEDULE, { i: session({ ...slot, trainerId: otherTrainer.id, attendeeIds: [endUsers[0].id] }) }, pm.token);
    });

    it('refuses a reschedule that ends before it starts, or on site without a place, writing nothing', async () => {
      const s = (await t.ok(SCHEDULE, { i: session({ startsAt: '2026-09-03T09:00:00+03:00', endsAt: '2026-09-03T10:00:00+03:00' }) }, pm.token)).scheduleTraining;
      const before = await stored(s.id);
      const bad: [Record<string, unknown>, string][] = [
        [{ startsAt: '2026-09-04T10:00:00+03:00', endsAt: '2026-09-04T09:00:00+03:00' }, 'endsAt'],
        [{ startsAt: '2026-09-04T09:00:00+03:00', endsAt: '2026-09-04T09:00:00+03:00' }, 'endsAt'],
        [{ startsAt: '2026-09-04T09:00:00+03:00', endsAt: '2026-09-04T10:00:00+03:00', location: null }, 'location'],
        [{ startsAt: '2026-09-04T09:00:00+03:00', endsAt: '2026-09-04T10:00:00+03:00', location: '   ' }, 'location'],
        [{ startsAt: '2026-09-04T09:00:00+03:00', endsAt: '2026-09-11T09:00:01+03:00' }, 'endsAt'],
        [{ startsAt: '2026-09-04T09:00:00+03:00', endsAt: '2096-09-04T10:00:00+03:00' }, 'endsAt'],
        [{ startsAt: '2101-01-01T09:00:00+03:00', endsAt: '2101-01-01T10:00:00+03:00' }, 'startsAt'],
        [{ startsAt: '2026-09-04T09:00:00+03:00', endsAt: '2026-09-04T10:00:00+03:00', timeZone: 'Mars/Olympus' }, 'timeZone'],
      ];
      for (const [change, field] of bad) {
        const refused = await t.gql(RESCHEDULE, { i: { id: s.id, version: s.version, ...change } }, pm.token);
        expect(codeOf(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].extensions).toMatchObject({ field });
      }
      expect(await stored(s.id)).toEqual(before);
    });
  });

  describe('training sessions: concurrency, trainers, time zones and bounds', () => {
    /** A project of its own with a fresh trainer and fresh people, so that no other test's sessions clash. */
    const own = async (people: number) => {
      const coach = await t.user();
      const others = await Promise.all(Array.from({ length: people }, () => t.user()));
      const p = await freshProject([[coach, 'TRAINER'], ...others.map((u): [TestUser, string] => [u, 'OBSERVER'])], [], []);
      const schedule = async (i: Record<string, unknown>) => (await t.ok(SCHEDULE, { i: session({ projectId: p.id, trainerId: coach.id, ...i }) }, pm.token)).scheduleTraining;
      return { p, coach, people: others, schedule };
    };

    it('concurrent invites and uninvites neither refuse each other as stale nor overfill the session', async () => {
      const { people, schedule } = await own(8);
      const full = await schedule({ capacity: 3, startsAt: '2026-11-02T09:00:00+03:00', endsAt: '2026-11-02T10:00:00+03:00' });
      const results = await Promise.all(people.slice(0, 6).map((u) => t.gql(INVITE, { s: full.id, u: [u.id] }, pm.token)));
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === undefined)).toHaveLength(3);
      expect(codes.filter((c) => c !== undefined)).toEqual(Array(3).fill('TRAINING_CAPACITY_EXCEEDED'));
      const filled = await stored(full.id);
      expect(filled.attendance).toHaveLength(3);
      expect(filled.version).toBe(full.version + 3);

      const roomy = await schedule({ capacity: 10, startsAt: '2026-11-03T09:00:00+03:00', endsAt: '2026-11-03T10:00:00+03:00', attendeeIds: [people[0].id, people[1].id] });
      const invites = await Promise.all([people[6], people[7]].map((u) => t.gql(INVITE, { s: roomy.id, u: [u.id] }, pm.token)));
      expect(invites.map(codeOf)).toEqual([undefined, undefined]);
      expect((await stored(roomy.id)).attendance.map((a: string[]) => a[0]).sort()).toEqual([people[0], people[1], people[6], people[7]].map((u) => u.id).sort());
      const uninvites = await Promise.all([people[0], people[1]].map((u) => t.gql(UNINVITE, { s: roomy.id, u: u.id }, pm.token)));
      expect(uninvites.map(codeOf)).toEqual([undefined, undefined]);
      const after = await stored(roomy.id);
      expect(after.attendance.map((a: string[]) => a[0]).sort()).toEqual([people[6].id, people[7].id].sort());
      expect(after.version).toBe(roomy.version + 4);
    });

    it('an invitation that adds no one writes nothing and keeps the version (the calendar SEQUENCE)', async () => {
      const { coach, people, schedule } = await own(1);
      const s = await schedule({ startsAt: '2026-11-04T09:00:00+03:00', endsAt: '2026-11-04T10:00:00+03:00', attendeeIds: [people[0].id] });
      const before = await stored(s.id);
      for (const u of [[], [people[0].id], [coach.id], [people[0].id, coach.id, people[0].id]]) {
        expect((await t.ok(INVITE, { s: s.id, u }, pm.token)).inviteToTraining.version).toBe(s.version);
      }
      expect(await stored(s.id)).toEqual(before);
    });

    it('a new trainer who was invited stops being an attendee; one whose attendance was recorded is refused, writing nothing', async () => {
      const { coach, people: [next, person], schedule } = await own(2);
      const s = await schedule({ startsAt: '2026-11-06T09:00:00+03:00', endsAt: '2026-11-06T10:00:00+03:00', attendeeIds: [next.id, person.id] });
      await t.ok(RESCHEDULE, { i: { id: s.id, version: s.version, startsAt: s.startsAt, endsAt: s.endsAt, trainerId: next.id } }, pm.token);
      expect(await stored(s.id)).toMatchObject({ trainer_id: next.id, attendance: [[person.id, 'INVITED']] });

      const recorded = await schedule({ startsAt: '2026-11-07T09:00:00+03:00', endsAt: '2026-11-07T10:00:00+03:00', attendeeIds: [next.id] });
      await t.ok(ATTEND, { s: recorded.id, u: next.id, st: 'EXCUSED' }, coach.token);
      const before = await stored(recorded.id);
      const refused = await t.gql(RESCHEDULE, { i: { id: recorded.id, version: recorded.version, startsAt: recorded.startsAt, endsAt: recorded.endsAt, trainerId: next.id } }, pm.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].extensions).toMatchObject({ field: 'trainerId' });
      expect(refused.errors![0].message).toContain('EXCUSED');
      expect(await stored(recorded.id)).toEqual(before);
      expect(before).toMatchObject({ trainer_id: coach.id, attendance: [[next.id, 'EXCUSED']] });
    });

    it('a reschedule keeps, changes or clears the time zone', async () => {
      const ZONED = 'mutation($i: RescheduleTrainingInput!) { rescheduleTraining(input: $i) { version startsAt timeZone } }';
      const { p, schedule } = await own(0);
      const s = await schedule({ startsAt: '2026-11-09T09:00:00+03:00', endsAt: '2026-11-09T10:00:00+03:00', timeZone: 'Europe/Moscow' });
      const almaty = (await t.ok(ZONED, { i: { id: s.id, version: s.version, startsAt: '2026-11-10T09:00:00+05:00', endsAt: '2026-11-10T10:00:00+05:00', timeZone: 'Asia/Almaty' } }, pm.token)).rescheduleTraining;
      expect(almaty).toMatchObject({ startsAt: '2026-11-10T04:00:00.000Z', timeZone: 'Asia/Almaty' });
      const kept = (await t.ok(ZONED, { i: { id: s.id, version: almaty.version, startsAt: '2026-11-10T10:00:00+05:00', endsAt: '2026-11-10T11:00:00+05:00' } }, pm.token)).rescheduleTraining;
      expect(kept.timeZone).toBe('Asia/Almaty');
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { trainingSessions { id timeZone } } }', { id: p.id }, pm.token);
      expect(project.trainingSessions.find((x: any) => x.id === s.id).timeZone).toBe('Asia/Almaty');
      const cleared = (await t.ok(ZONED, { i: { id: s.id, version: kept.version, startsAt: '2026-11-10T10:00:00+05:00', endsAt: '2026-11-10T11:00:00+05:00', timeZone: null } }, pm.token)).rescheduleTraining;
      expect(cleared.timeZone).toBeNull();
    });

    it('refuses a session longer than 7 days or outside the years 1900–2100, writing nothing', async () => {
      const { p: { id: p }, coach } = await own(0);
      const before = await countSessions();
      for (const [slot, field] of [
        [{ startsAt: '2026-11-11T09:00:00+03:00', endsAt: '2026-11-18T09:00:01+03:00' }, 'endsAt'],
        [{ startsAt: '2026-11-11T09:00:00+03:00', endsAt: '2096-11-11T09:00:00+03:00' }, 'endsAt'],
        [{ startsAt: '1899-12-31T09:00:00+03:00', endsAt: '1899-12-31T10:00:00+03:00' }, 'startsAt'],
      ] as const) {
        const refused = await t.gql(SCHEDULE, { i: session({ projectId: p, trainerId: coach.id, ...slot }) }, pm.token);
        expect(codeOf(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].extensions).toMatchObject({ field });
      }
      expect(await countSessions()).toBe(before);
      // Exactly 7 days is still a session.
      await t.ok(SCHEDULE, { i: session({ projectId: p, trainerId: coach.id, startsAt: '2026-11-11T09:00:00+03:00', endsAt: '2026-11-18T09:00:00+03:00' }) }, pm.token);
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

    it('of a milestone cut by territory alone: the key users of every area there, each trained for their own area', async () => {
      const [north, docsEverywhere, south, coach] = [await t.user(), await t.user(), await t.user(), await t.user()];
      const people = [await t.user(), await t.user(), await t.user()];
      const p = await freshProject([[north, 'KEY_USER'], [docsEverywhere, 'KEY_USER'], [south, 'KEY_USER'], [coach, 'TRAINER'],
        ...people.map((u): [TestUser, string] => [u, 'OBSERVER'])], ['Orders (own)', 'Documents (own)'], ['North', 'South']);
      const [ordersArea, docsArea] = p.areas;
      const [northTerritory, southTerritory] = p.territories;
      const scores = { projectId: p.id, processKnowledge: 4, systemLogic: 3, engagement: 3, teaching: 4 };
      await t.ok(ASSIGN, { i: { ...scores, userId: north.id, functionAreaId: ordersArea, territoryId: northTerritory } }, pm.token);
      await t.ok(ASSIGN, { i: { ...scores, userId: docsEverywhere.id, functionAreaId: docsArea } }, pm.token);
      await t.ok(ASSIGN, { i: { ...scores, userId: south.id, functionAreaId: ordersArea, territoryId: southTerritory } }, pm.token);
      const { addMilestone } = await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id plannedGoLive } }', {
        i: { projectId: p.id, name: 'Everything at North', splitBy: 'TERRITORY', territoryId: northTerritory, prepareDays: 40, hypercareDays: 5 },
      }, pm.token);
      const goLive: string = addMilestone.plannedGoLive;
      expect(goLive > '2026-02-28').toBe(true);
      const schedule = async (i: Record<string, unknown>) => (await t.ok(SCHEDULE, {
        i: { projectId: p.id, format: 'ONSITE', location: 'North office', trainerId: coach.id, capacity: 10, ...i },
      }, pm.token)).scheduleTraining;
      // 5 Feb: end users of order intake, in a session not linked to the milestone (its invitees are not the milestone's).
      const ordersEndUsers = await schedule({ title: 'Orders for operators', audience: 'END_USERS', functionAreaId: ordersArea,
        attendeeIds: [people[2].id], startsAt: '2026-02-05T09:00:00+03:00', endsAt: '2026-02-05T12:00:00+03:00' });
      // 10 Feb: order intake for key users; the documents key user sits in, which does not train them for documents.
      const ordersKeyUsers = await schedule({ title: 'Orders for key users', audience: 'KEY_USERS', functionAreaId: ordersArea,
        attendeeIds: [north.id, docsEverywhere.id, south.id], startsAt: '2026-02-10T09:00:00+03:00', endsAt: '2026-02-10T12:00:00+03:00' });
      // 12 Feb: the milestone's own end-user session.
      const milestoneEndUsers = await schedule({ title: 'North operators', audience: 'END_USERS', milestoneId: addMilestone.id,
        attendeeIds: [people[0].id, people[1].id], startsAt: '2026-02-12T09:00:00+03:00', endsAt: '2026-02-12T12:00:00+03:00' });
      // Go-live day, 10:00 in Moscow: after the cutoff (the start of the go-live date, UTC).
      const docsKeyUsers = await schedule({ title: 'Documents for key users', audience: 'KEY_USERS', functionAreaId: docsArea,
        attendeeIds: [docsEverywhere.id], startsAt: `${goLive}T10:00:00+03:00`, endsAt: `${goLive}T12:00:00+03:00` });
      const marks: [{ id: string }, TestUser, string][] = [
        [ordersKeyUsers, north, 'ATTENDED'], [ordersKeyUsers, docsEverywhere, 'ATTENDED'], [ordersKeyUsers, south, 'ATTENDED'],
        [milestoneEndUsers, people[0], 'ATTENDED'], [milestoneEndUsers, people[1], 'ABSENT'], [ordersEndUsers, people[2], 'ATTENDED'],
        [docsKeyUsers, docsEverywhere, 'ATTENDED'],
      ];
      for (const [s, u, st] of marks) await t.ok(ATTEND, { s: s.id, u: u.id, st }, coach.token);

      const { project } = await t.ok(`query($id: ID!) { project(id: $id) { milestones { id readiness {
        keyUsersTrainedShare endUsersTrainedShare keyUsersTrainedBeforeEndUsers warnings untrainedBeforeGoLive { id } } } } }`, { id: p.id }, north.token);
      const readiness = project.milestones.find((m: any) => m.id === addMilestone.id).readiness;
      // Key users at North: north (orders there) and docsEverywhere (documents everywhere), not south.
      // Both were trained for their own area; of the milestone's end users, one of two attended.
      expect(readiness).toMatchObject({ keyUsersTrainedShare: 1, endUsersTrainedShare: 0.5, keyUsersTrainedBeforeEndUsers: false });
      // north on 10 Feb, after the orders end-user session of 5 Feb; docsEverywhere after the milestone's of 12 Feb.
      expect(readiness.warnings).toEqual(['2 key user(s) had not attended a key-user session before the first end-user session of their area']);
      // docsEverywhere was trained for documents only on go-live day; people[1] was absent.
      expect(readiness.untrainedBeforeGoLive.map((u: any) => u.id).sort()).toEqual([docsEverywhere.id, people[1].id].sort());
    });
  });

  describe('iCalendar feed', () => {
    const FEED_URL = 'query($id: ID!) { project(id: $id) { trainingCalendarUrl } }';
    const local = (url: string) => `${t.url}${new URL(url).pathname}`;
    const feedUrlOf = async (user: TestUser, id = projectId) => local((await t.ok(FEED_URL, { id }, user.token)).project.trainingCalendarUrl);
    /** A refusal: NOT_FOUND as for no project, as the error filter's JSON, never labelled as a calendar. */
    const refused = async (url: string) => {
      const response = await fetch(url);
      expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 404, type: expect.stringMatching(/^application\/json/) });
      const body = (await response.json()) as { code: string; message: string };
      expect(body.code).toBe('NOT_FOUND');
      return body;
    };
    /** The feed as ical.js reads it, checked against python3-icalendar where that is installed. */
    const read = async (url: string) => {
      const response = await fetch(url);
      expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status: 200, type: 'text/calendar; charset=utf-8' });
      const text = await response.text();
      const events = eventsOf(text);
      const python = eventsByPython(text);
      if (python) expect(python).toEqual(events.map(({ stamp: _stamp, ...rest }) => rest));
      return { text, events, byUid: new Map(events.map((e) => [e.uid, e])) };
    };
    const uidOf = (sessionId: string) => `${sessionId}@rollout-planner`;

    it('serves the sessions to independent parsers without a login header; refuses wrong and revoked tokens', async () => {
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { trainingCalendarUrl trainingSessions { id title startsAt cancelledAt } } }', { id: projectId }, ku1.token);
      const url = local(project.trainingCalendarUrl);
      const { text, events, byUid } = await read(url);
      expect(events).toHaveLength(project.trainingSessions.length);
      expect([...byUid.keys()].sort()).toEqual(project.trainingSessions.map((s: any) => uidOf(s.id)).sort());
      const firstSession = project.trainingSessions.find((s: any) => s.title === 'Order intake for key users' && s.startsAt === '2026-03-02T06:00:00.000Z');
      expect(byUid.get(uidOf(firstSession.id))).toMatchObject({
        summary: 'Order intake for key users', start: '2026-03-02T06:00:00.000Z', end: '2026-03-02T09:00:00.000Z', location: 'Plant 2, training room', url: null, status: 'CONFIRMED',
      });
      const component = new ICAL.Component(ICAL.parse(text));
      const first = component.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uidOf(firstSession.id))!;
      expect(String(first.getFirstPropertyValue('organizer'))).toContain(trainer.email);
      expect(first.getAllProperties('attendee').length).toBe(2);
      // STATUS:CANCELLED on exactly the cancelled sessions.
      expect(events.filter((e) => e.status === 'CANCELLED').map((e) => e.uid).sort())
        .toEqual(project.trainingSessions.filter((s: any) => s.cancelledAt).map((s: any) => uidOf(s.id)).sort());

      await refused(url.replace(/\/([^/]+)\/training\.ics$/, '/not-the-secret/training.ics'));
      expect(codeOf(await t.gql('mutation($p: ID!) { revokeTrainingCalendarUrl(projectId: $p) { id } }', { p: projectId }, ku1.token))).toBe('FORBIDDEN');
      const { revokeTrainingCalendarUrl } = await t.ok('mutation($p: ID!) { revokeTrainingCalendarUrl(projectId: $p) { trainingCalendarUrl } }', { p: projectId }, pm.token);
      expect(revokeTrainingCalendarUrl.trainingCalendarUrl).not.toBe(project.trainingCalendarUrl);
      // The key user's URL stops working though the manager revoked: every URL issued before goes.
      await refused(url);
      expect((await fetch(local(revokeTrainingCalendarUrl.trainingCalendarUrl))).status).toBe(200);
      expect((await fetch(await feedUrlOf(ku1))).status).toBe(200);
    });

    it('gives each member a URL of their own, which stops working when they leave the project or it expires', async () => {
      const leaver = await t.user();
      await t.ok(ADD_MEMBER, { p: projectId, u: leaver.id, r: 'OBSERVER' }, pm.token);
      const url = await feedUrlOf(leaver);
      expect(url).toMatch(new RegExp(`/calendar/${projectId}/[^/]+/training\\.ics$`));
      expect((await fetch(url)).status).toBe(200);
      await t.ok('mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: OBSERVER) }', { p: projectId, u: leaver.id }, pm.token);
      await refused(url);
      // Added again, they need a new URL: the old one stays dead.
      await t.ok(ADD_MEMBER, { p: projectId, u: leaver.id, r: 'OBSERVER' }, pm.token);
      await refused(url);
      expect((await fetch(await feedUrlOf(leaver))).status).toBe(200);
      // An administrator reads every project, member or not.
      const admin = await t.user({ admin: true });
      expect((await fetch(await feedUrlOf(admin))).status).toBe(200);

      // Issued 181 days ago, past the default lifetime of 180 days; one issued 179 days ago still
      // works (for an administrator: a member's would predate their membership).
      const feeds = t.app.get(CalendarFeedService);
      const project = await t.dataSource.getRepository(Project).findOneByOrFail({ id: projectId });
      const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
      expect((await refused(local(feeds.urlOf(project, admin.id, daysAgo(181))))).message).toContain('expired');
      expect((await fetch(local(feeds.urlOf(project, admin.id, daysAgo(179))))).status).toBe(200);
      await refused(local(feeds.urlOf(project, ku1.id, daysAgo(179))));

      // Another project's token under this project's path, and a sign-in token, are no feed tokens here.
      const other = await freshProject([[ku1, 'KEY_USER']], [], []);
      const otherUrl = await feedUrlOf(ku1, other.id);
      expect((await fetch(otherUrl)).status).toBe(200);
      await refused(otherUrl.replace(other.id, projectId));
      await refused(`${t.url}/calendar/${projectId}/${ku1.token}/training.ics`);
    });

    it('keeps each session’s UID across fetches and a reschedule, with a higher SEQUENCE; DTSTAMP is the generation time', async () => {
      const remote = (await t.ok(SCHEDULE, { i: session({
        title: 'Remote refresher', format: 'REMOTE', location: null, meetingUrl: 'https://meet.example/refresher', timeZone: 'Europe/Moscow',
        trainerId: otherTrainer.id, startsAt: '2026-10-01T10:00:00+03:00', endsAt: '2026-10-01T11:30:00+03:00',
      }) }, pm.token)).scheduleTraining;
      const doomed = (await t.ok(SCHEDULE, { i: session({ title: 'To be cancelled', startsAt: '2026-10-02T09:00:00+03:00', endsAt: '2026-10-02T10:00:00+03:00' }) }, pm.token)).scheduleTraining;
      const url = await feedUrlOf(ku1);
      const uid = uidOf(remote.id);

      const requested = Math.floor(Date.now() / 1000) * 1000;
      const first = await read(url);
      expect(first.text).toContain('METHOD:PUBLISH');
      expect(first.byUid.get(uid)).toMatchObject({
        summary: 'Remote refresher', start: '2026-10-01T07:00:00.000Z', end: '2026-10-01T08:30:00.000Z',
        url: 'https://meet.example/refresher', location: null, status: 'CONFIRMED', sequence: remote.version,
      });
      const stamps = new Set(first.events.map((e) => e.stamp));
      expect(stamps.size).toBe(1);
      expect(Date.parse([...stamps][0])).toBeGreaterThanOrEqual(requested);
      expect(Date.parse([...stamps][0])).toBeLessThanOrEqual(Date.now());

      const again = await read(url);
      expect([...again.byUid.keys()].sort()).toEqual([...first.byUid.keys()].sort());

      const moved = (await t.ok(RESCHEDULE, { i: { id: remote.id, version: remote.version, startsAt: '2026-10-05T10:00:00+03:00', endsAt: '2026-10-05T12:00:00+03:00' } }, pm.token)).rescheduleTraining;
      await t.ok(CANCEL, { id: doomed.id, v: doomed.version }, pm.token);
      const after = await read(url);
      expect([...after.byUid.keys()].sort()).toEqual([...first.byUid.keys()].sort());
      expect(after.byUid.get(uid)).toMatchObject({ start: '2026-10-05T07:00:00.000Z', end: '2026-10-05T09:00:00.000Z', status: 'CONFIRMED', sequence: moved.version });
      expect(after.byUid.get(uid)!.sequence).toBeGreaterThan(first.byUid.get(uid)!.sequence);
      expect(first.byUid.get(uidOf(doomed.id))!.status).toBe('CONFIRMED');
      expect(after.byUid.get(uidOf(doomed.id))).toMatchObject({ summary: 'To be cancelled', status: 'CANCELLED' });
      expect(after.byUid.get(uidOf(doomed.id))!.sequence).toBeGreaterThan(first.byUid.get(uidOf(doomed.id))!.sequence);
    });
  });
});
