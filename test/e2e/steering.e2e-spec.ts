import { countStatements } from '../support/count-statements';
import { codeOf, GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Meetings, their decisions and the decision log (REPORTING.md "Steering"): who records and
 * updates what, what each refusal says, that a refusal changes nothing, and that the log reads
 * every decision from the record that holds it, oldest first, in a fixed number of statements.
 */
describe('steering (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, keyUser: TestUser, consultant: TestUser, observer: TestUser, outsider: TestUser, admin: TestUser;
  let projectId: string;

  const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
  const RECORD = 'mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { id kind heldOn title attendees { id fullName } decisions { id } } }';
  const ADD_DECISION = 'mutation($i: AddDecisionInput!) { addMeetingDecision(input: $i) { id text owner { id } dueDate status version meeting { id kind } } }';
  const UPDATE_DECISION = 'mutation($id: ID!, $v: Int!, $s: DecisionStatus!) { updateDecision(id: $id, version: $v, status: $s) { id status version } }';
  const MEETINGS = `query($id: ID!) { project(id: $id) { meetings { id kind heldOn title attendees { id } decisions { id text status owner { id } dueDate version meeting { id } } } } }`;
  const LOG = 'query($id: ID!) { project(id: $id) { decisionLog { at kind text decidedBy { id } refId } } }';

  const field = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.field;
  const meetings = async (id = projectId, token = pm.token) => (await t.ok(MEETINGS, { id }, token)).project.meetings as any[];
  const decisionLog = async (id = projectId, token = pm.token) => (await t.ok(LOG, { id }, token)).project.decisionLog as any[];
  const record = (input: Record<string, unknown>, token = pm.token) => t.gql(RECORD, { i: { projectId, kind: 'WEEKLY_STATUS', heldOn: '2026-03-13', title: unique('Week'), attendeeIds: [pm.id], ...input } }, token);
  const newProject = async (code: string) => {
    const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id name exitCriteria { id text priority } } } }', {
      i: { code: unique(code), name: 'Steering', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token)).createProject;
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [keyUser, 'KEY_USER'], [consultant, 'CONSULTANT'], [observer, 'OBSERVER']] as const) {
      await t.ok(ADD_MEMBER, { p: project.id, u: user.id, r: role }, pm.token);
    }
    return project as { id: string; stages: { id: string; name: string; exitCriteria: { id: string; text: string; priority: string }[] }[] };
  };
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor, keyUser, consultant, observer, outsider] = await Promise.all([
      t.user({ name: 'Pavel Manager' }), t.user({ organization: 'CLIENT' as never, name: 'Svetlana Sponsor' }), t.user({ organization: 'CLIENT' as never, name: 'Kira Keyuser' }),
      t.user({ name: 'Conrad Consultant' }), t.user({ name: 'Olga Observer' }), t.user(),
    ]);
    admin = await t.user({ admin: true });
    projectId = (await newProject('STEER')).id;
  });
  afterAll(() => t.close());

  describe('meetings', () => {
    it('the project manager records a weekly status meeting with its attendees, by name', async () => {
      const result = await record({ title: 'Week 11', attendeeIds: [observer.id, pm.id, keyUser.id, pm.id] });
      expect(result.errors).toBeUndefined();
      expect(result.data!.recordMeeting).toMatchObject({ kind: 'WEEKLY_STATUS', heldOn: '2026-03-13', title: 'Week 11', decisions: [] });
      expect(result.data!.recordMeeting.attendees.map((a: any) => a.fullName)).toEqual(['Kira Keyuser', 'Olga Observer', 'Pavel Manager']);
    });

    it('the steering committee records a steering meeting, not a weekly status meeting', async () => {
      const steering = await record({ kind: 'STEERING', title: 'SC #1', heldOn: '2026-03-10', attendeeIds: [sponsor.id, pm.id] }, sponsor.token);
      expect(steering.errors).toBeUndefined();
      const weekly = await record({ kind: 'WEEKLY_STATUS' }, sponsor.token);
      expect(codeOf(weekly)).toBe('FORBIDDEN');
      expect(weekly.errors![0].message).toContain('project manager');
    });

    it('key users, consultants and observers record no meeting; outsiders do not learn the project exists', async () => {
      for (const user of [keyUser, consultant, observer]) {
        for (const kind of ['STEERING', 'WEEKLY_STATUS']) expect(codeOf(await record({ kind }, user.token))).toBe('FORBIDDEN');
      }
      expect(codeOf(await record({}, outsider.token))).toBe('NOT_FOUND');
    });

    it('attendees must be members: the refusal names them and records nothing', async () => {
      const before = (await meetings()).length;
      const result = await record({ attendeeIds: [pm.id, outsider.id] });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(field(result)).toBe('attendeeIds');
      expect(result.errors![0].extensions!.userIds).toEqual([outsider.id]);
      expect(result.errors![0].message).toContain(outsider.id);
      expect(await meetings()).toHaveLength(before);
    });

    it('refuses a meeting not yet held, without attendees, or without a title', async () => {
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const future = await record({ heldOn: tomorrow });
      expect([codeOf(future), field(future)]).toEqual(['BAD_USER_INPUT', 'heldOn']);
      const nobody = await record({ attendeeIds: [] });
      expect([codeOf(nobody), field(nobody)]).toEqual(['BAD_USER_INPUT', 'attendeeIds']);
      expect(codeOf(await record({ title: '   ' }))).toBe('BAD_USER_INPUT');
      expect((await record({ heldOn: today() })).errors).toBeUndefined();
    });

    it('Project.meetings reads newest first, for every member', async () => {
      const list = await meetings(projectId, observer.token);
      const days = list.map((m) => m.heldOn);
      expect(days).toEqual([...days].sort().reverse());
      expect(list.at(-1)).toMatchObject({ title: 'SC #1', kind: 'STEERING' });
    });
  });

  describe('decisions', () => {
    let steeringId: string, weeklyId: string;

    beforeAll(async () => {
      steeringId = (await t.ok(RECORD, { i: { projectId, kind: 'STEERING', heldOn: '2026-04-07', title: 'SC #2', attendeeIds: [sponsor.id, pm.id] } }, pm.token)).recordMeeting.id;
      weeklyId = (await t.ok(RECORD, { i: { projectId, kind: 'WEEKLY_STATUS', heldOn: '2026-04-10', title: 'Week 15', attendeeIds: [pm.id, keyUser.id] } }, pm.token)).recordMeeting.id;
    });

    it('are added with text, owner and due date, OPEN, in the order taken, each knowing its meeting', async () => {
      const first = (await t.ok(ADD_DECISION, { i: { meetingId: steeringId, text: ' Extend the pilot by one week ', ownerId: keyUser.id, dueDate: '2026-04-17' } }, sponsor.token)).addMeetingDecision;
      expect(first).toMatchObject({ text: 'Extend the pilot by one week', owner: { id: keyUser.id }, dueDate: '2026-04-17', status: 'OPEN', version: 1, meeting: { id: steeringId, kind: 'STEERING' } });
      const second = (await t.ok(ADD_DECISION, { i: { meetingId: steeringId, text: 'Hire a second trainer' } }, pm.token)).addMeetingDecision;
      expect(second).toMatchObject({ owner: null, dueDate: null, status: 'OPEN' });
      const meeting = (await meetings()).find((m) => m.id === steeringId);
      expect(meeting.decisions.map((d: any) => d.id)).toEqual([first.id, second.id]);
      expect(meeting.decisions[0].meeting).toEqual({ id: steeringId });
    });

    it('refuses an owner who is not a member, a due date before the meeting, and a blank text; nothing is written', async () => {
      const count = async () => (await meetings()).find((m) => m.id === steeringId).decisions.length;
      const before = await count();
      const stranger = await t.gql(ADD_DECISION, { i: { meetingId: steeringId, text: 'x', ownerId: outsider.id } }, pm.token);
      expect([codeOf(stranger), field(stranger)]).toEqual(['BAD_USER_INPUT', 'ownerId']);
      const early = await t.gql(ADD_DECISION, { i: { meetingId: steeringId, text: 'x', dueDate: '2026-04-06' } }, pm.token);
      expect([codeOf(early), field(early)]).toEqual(['BAD_USER_INPUT', 'dueDate']);
      expect(codeOf(await t.gql(ADD_DECISION, { i: { meetingId: steeringId, text: '  ' } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_DECISION, { i: { meetingId: '00000000-0000-4000-8000-000000000000', text: 'x' } }, pm.token))).toBe('NOT_FOUND');
      expect(await count()).toBe(before);
    });

    it('the steering committee adds decisions to steering meetings only; others not at all', async () => {
      expect(codeOf(await t.gql(ADD_DECISION, { i: { meetingId: weeklyId, text: 'Not ours' } }, sponsor.token))).toBe('FORBIDDEN');
      for (const user of [keyUser, consultant, observer]) {
        expect(codeOf(await t.gql(ADD_DECISION, { i: { meetingId: steeringId, text: 'Not ours' } }, user.token))).toBe('FORBIDDEN');
      }
      expect(codeOf(await t.gql(ADD_DECISION, { i: { meetingId: steeringId, text: 'Not ours' } }, outsider.token))).toBe('NOT_FOUND');
    });

    it('the owner reports a decision done; a stale version is refused and changes nothing', async () => {
      const decision = (await t.ok(ADD_DECISION, { i: { meetingId: weeklyId, text: 'Send the cut-over plan', ownerId: keyUser.id, dueDate: '2026-04-14' } }, pm.token)).addMeetingDecision;
      const done = (await t.ok(UPDATE_DECISION, { id: decision.id, v: 1, s: 'DONE' }, keyUser.token)).updateDecision;
      expect(done).toEqual({ id: decision.id, status: 'DONE', version: 2 });
      const stale = await t.gql(UPDATE_DECISION, { id: decision.id, v: 1, s: 'OPEN' }, pm.token);
      expect(codeOf(stale)).toBe('STALE_VERSION');
      expect(stale.errors![0].extensions!.currentVersion).toBe(2);
      const reread = (await meetings()).find((m) => m.id === weeklyId).decisions.find((d: any) => d.id === decision.id);
      expect(reread).toMatchObject({ status: 'DONE', version: 2 });
      // The manager reopens it with the current version.
      expect((await t.ok(UPDATE_DECISION, { id: decision.id, v: 2, s: 'OPEN' }, pm.token)).updateDecision).toMatchObject({ status: 'OPEN', version: 3 });
    });

    it('who else may update: the committee a steering decision, not a weekly one; other members not; outsiders see nothing', async () => {
      const steeringDecision = (await t.ok(ADD_DECISION, { i: { meetingId: steeringId, text: 'Approve the training budget', ownerId: consultant.id } }, pm.token)).addMeetingDecision;
      const weeklyDecision = (await t.ok(ADD_DECISION, { i: { meetingId: weeklyId, text: 'Book the rooms', ownerId: consultant.id } }, pm.token)).addMeetingDecision;
      const refused = await t.gql(UPDATE_DECISION, { id: weeklyDecision.id, v: 1, s: 'DONE' }, sponsor.token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toContain('owner');
      for (const user of [keyUser, observer]) expect(codeOf(await t.gql(UPDATE_DECISION, { id: steeringDecision.id, v: 1, s: 'DONE' }, user.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UPDATE_DECISION, { id: steeringDecision.id, v: 1, s: 'DONE' }, outsider.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(UPDATE_DECISION, { id: '00000000-0000-4000-8000-000000000000', v: 1, s: 'DONE' }, pm.token))).toBe('NOT_FOUND');
      expect((await t.ok(UPDATE_DECISION, { id: steeringDecision.id, v: 1, s: 'DONE' }, sponsor.token)).updateDecision.status).toBe('DONE');
      expect((await t.ok(UPDATE_DECISION, { id: weeklyDecision.id, v: 1, s: 'DONE' }, consultant.token)).updateDecision.status).toBe('DONE');
      expect((await t.ok(UPDATE_DECISION, { id: weeklyDecision.id, v: 2, s: 'OPEN' }, admin.token)).updateDecision.status).toBe('OPEN');
    });
  });

  describe('reports reviewed', () => {
    const CREATE_REPORT = 'mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id } }';
    const PUBLISH = 'mutation($id: ID!) { publishStatusReport(id: $id) { id published } }';
    const REVIEWED = `query($id: ID!) { project(id: $id) { meetings { id title reportsReviewed { id periodStart published overall } } } }`;
    const reviewed = async (id: string, token: string) =>
      Object.fromEntries(((await t.ok(REVIEWED, { id }, token)).project.meetings as any[]).map((m) => [m.title, m.reportsReviewed.map((r: any) => r.id)]));

    it('a meeting keeps the reports it reviewed; drafts only from those who may see them, and are shown only to them', async () => {
      const project = await newProject('REVIEW');
      const other = await newProject('REVIEW-OTHER');
      const report = (periodStart: string, periodEnd: string, id = project.id) => t.ok(CREATE_REPORT, { i: { projectId: id, periodStart, periodEnd } }, pm.token).then((d) => d.createStatusReport.id as string);
      const first = await report('2026-03-02', '2026-03-06');
      const second = await report('2026-03-09', '2026-03-13');
      const draft = await report('2026-03-16', '2026-03-20');
      const elsewhere = await report('2026-03-02', '2026-03-06', other.id);
      for (const id of [second, first, elsewhere]) await t.ok(PUBLISH, { id }, pm.token);
      const recordIn = (input: Record<string, unknown>, token: string) =>
        t.gql(RECORD, { i: { projectId: project.id, kind: 'STEERING', heldOn: '2026-03-20', title: unique('SC'), attendeeIds: [sponsor.id, pm.id], ...input } }, token);

      // The steering committee sees no drafts, so it cannot say it reviewed one; nor another project's report, nor an unknown id.
      for (const reportIds of [[first, draft], [elsewhere], [first, '00000000-0000-4000-8000-000000000000'], ['not-an-id']]) {
        const refused = await recordIn({ reportIds }, sponsor.token);
        expect([reportIds, codeOf(refused), field(refused)]).toEqual([reportIds, 'BAD_USER_INPUT', 'reportIds']);
        expect(refused.errors![0].message).toContain(reportIds.at(-1));
      }
      expect(await meetings(project.id)).toEqual([]);

      await t.ok(RECORD, { i: { projectId: project.id, kind: 'STEERING', heldOn: '2026-03-20', title: 'SC March', attendeeIds: [sponsor.id, pm.id], reportIds: [second, first, second] } }, sponsor.token);
      await t.ok(RECORD, { i: { projectId: project.id, kind: 'WEEKLY_STATUS', heldOn: '2026-03-20', title: 'Week 12', attendeeIds: [pm.id], reportIds: [draft, second] } }, pm.token);
      await t.ok(RECORD, { i: { projectId: project.id, kind: 'WEEKLY_STATUS', heldOn: '2026-03-19', title: 'Week 12 prep', attendeeIds: [pm.id] } }, pm.token);

      // Oldest period first; the draft is shown to the project manager and consultants, not to the committee or observers.
      const expected = { 'SC March': [first, second], 'Week 12': [second, draft], 'Week 12 prep': [] };
      expect(await reviewed(project.id, pm.token)).toEqual(expected);
      expect(await reviewed(project.id, consultant.token)).toEqual(expected);
      for (const user of [sponsor, observer]) expect(await reviewed(project.id, user.token)).toEqual({ ...expected, 'Week 12': [second] });
      const read = (await t.ok(REVIEWED, { id: project.id }, pm.token)).project.meetings.find((m: any) => m.title === 'Week 12');
      expect(read.reportsReviewed).toEqual([
        expect.objectContaining({ id: second, periodStart: '2026-03-09', published: true }),
        expect.objectContaining({ id: draft, periodStart: '2026-03-16', published: false }),
      ]);
      await expect(t.dataSource.query(`UPDATE meeting_report SET report_id = $2 WHERE report_id = $1`, [first, second])).rejects.toThrow(/decision log/);
    });

    it('loads the reports of every meeting in one statement', async () => {
      const project = await newProject('REVIEW-COUNT');
      const ids: string[] = [];
      for (const [start, end] of [['2026-03-02', '2026-03-06'], ['2026-03-09', '2026-03-13'], ['2026-03-16', '2026-03-20']]) {
        const id = (await t.ok(CREATE_REPORT, { i: { projectId: project.id, periodStart: start, periodEnd: end } }, pm.token)).createStatusReport.id;
        await t.ok(PUBLISH, { id }, pm.token);
        ids.push(id);
      }
      for (const [m, reportIds] of [[ids[0]], [ids[0], ids[1]], [ids[1], ids[2]], ids].entries()) {
        await t.ok(RECORD, { i: { projectId: project.id, kind: 'STEERING', heldOn: `2026-03-2${m}`, title: `SC ${m}`, attendeeIds: [sponsor.id], reportIds } }, pm.token);
      }
      let read: any;
      const statements = await countStatements(t, async () => { read = (await t.ok(REVIEWED, { id: project.id }, observer.token)).project; });
      expect(read.meetings.map((m: any) => m.reportsReviewed.length)).toEqual([3, 2, 2, 1]);
      expect(statements.filter((sql) => sql.includes('meeting_report'))).toHaveLength(1);
    });
  });

  describe('decision log', () => {
    it('reads meeting decisions, waivers with their reason, gate decisions with their conditions and the client’s support decision, oldest first', async () => {
      const project = await newProject('LOG');
      const meeting = (await t.ok(RECORD, { i: { projectId: project.id, kind: 'STEERING', heldOn: '2026-03-02', title: 'Kick-off SC', attendeeIds: [sponsor.id, pm.id] } }, pm.token)).recordMeeting;
      const decision = (await t.ok(ADD_DECISION, { i: { meetingId: meeting.id, text: 'Pilot in plant 2 first', ownerId: keyUser.id, dueDate: '2026-03-31' } }, sponsor.token)).addMeetingDecision;

      // Every stage through its gate: MUST criteria waived, the first gate approved with conditions.
      const [first, ...rest] = project.stages;
      const waived: { id: string; text: string }[] = [];
      for (const [i, stage] of project.stages.entries()) {
        await t.ok('mutation($id: ID!) { startStage(id: $id) { id } }', { id: stage.id }, pm.token);
        if (i === project.stages.length - 1) break;
        for (const c of stage.exitCriteria.filter((x) => x.priority === 'MUST')) {
          await t.ok('mutation($id: ID!, $r: String!) { waiveCriterion(id: $id, reason: $r) { id } }', { id: c.id, r: `Accepted by the committee: ${c.text}` }, sponsor.token);
          waived.push(c);
        }
        const outcome = stage === first ? { outcome: 'APPROVED_WITH_CONDITIONS', conditions: 'Sign the data model by Friday' } : { outcome: 'APPROVED' };
        await t.ok('mutation($i: GateDecisionInput!) { decideGate(input: $i) { id } }', { i: { stageId: stage.id, ...outcome } }, sponsor.token);
        await t.ok('mutation($id: ID!) { closeStage(id: $id) { id } }', { id: stage.id }, pm.token);
      }
      await t.ok('mutation($p: ID!) { decideSupportTransition(projectId: $p, outcome: APPROVED_WITH_CONDITIONS, conditions: "Hypercare until May") { outcome } }', { p: project.id }, sponsor.token);

      const log = await decisionLog(project.id, observer.token);
      const ats = log.map((e) => e.at);
      expect(ats).toEqual([...ats].sort((a, b) => Date.parse(a) - Date.parse(b)));
      expect(log[0]).toEqual({
        at: '2026-03-02T00:00:00.000Z', kind: 'MEETING', refId: decision.id, decidedBy: null,
        text: `Steering meeting "Kick-off SC" of 2026-03-02: Pilot in plant 2 first — owner Kira Keyuser, due 2026-03-31`,
      });
      expect(log.filter((e) => e.kind === 'WAIVER').map((e) => e.refId)).toEqual(waived.map((c) => c.id));
      expect(log.find((e) => e.kind === 'WAIVER')).toMatchObject({
        decidedBy: { id: sponsor.id }, text: `Criterion "${waived[0].text}" (MUST) waived: Accepted by the committee: ${waived[0].text}`,
      });
      const gates = log.filter((e) => e.kind === 'GATE');
      expect(gates.map((e) => e.refId)).toEqual(project.stages.slice(0, -1).map((s) => s.id));
      expect(gates[0]).toMatchObject({ decidedBy: { id: sponsor.id }, text: `Gate of stage "${first.name}" approved with conditions: Sign the data model by Friday` });
      expect(gates[1].text).toBe(`Gate of stage "${rest[0].name}" approved`);
      expect(log.at(-1)).toMatchObject({ kind: 'SUPPORT_TRANSITION', refId: project.id, decidedBy: { id: sponsor.id }, text: 'Move to support approved with conditions: Hypercare until May' });
      expect(log.map((e) => e.kind).filter((k, i, all) => all.indexOf(k) === i)).toEqual(['MEETING', 'WAIVER', 'GATE', 'SUPPORT_TRANSITION']);
    });

    it('is read from the records, not a copy: a new decision shows at once, a status change does not alter what was decided', async () => {
      const before = await decisionLog();
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM meeting_decision WHERE project_id = $1', [projectId]);
      expect(before.filter((e) => e.kind === 'MEETING')).toHaveLength(count);
      expect(before.filter((e) => e.kind === 'MEETING').every((e) => e.decidedBy === null)).toBe(true);
      const meeting = (await t.ok(RECORD, { i: { projectId, kind: 'STEERING', heldOn: '2026-02-27', title: 'Pre-kick-off', attendeeIds: [sponsor.id] } }, sponsor.token)).recordMeeting;
      const added = (await t.ok(ADD_DECISION, { i: { meetingId: meeting.id, text: 'Name the key users by area' } }, sponsor.token)).addMeetingDecision;
      await t.ok(UPDATE_DECISION, { id: added.id, v: 1, s: 'DONE' }, pm.token);
      const after = await decisionLog();
      // Held before every other meeting: first in the log, although recorded last.
      expect(after[0]).toEqual({ at: '2026-02-27T00:00:00.000Z', kind: 'MEETING', refId: added.id, decidedBy: null, text: 'Steering meeting "Pre-kick-off" of 2026-02-27: Name the key users by area' });
      expect(after.slice(1)).toEqual(before);
    });

    it('the database keeps what a meeting was and decided: only a decision’s status may change', async () => {
      const meeting = (await t.ok(RECORD, { i: { projectId, kind: 'STEERING', heldOn: '2026-03-03', title: 'Kept', attendeeIds: [sponsor.id] } }, pm.token)).recordMeeting;
      const decision = (await t.ok(ADD_DECISION, { i: { meetingId: meeting.id, text: 'As decided', ownerId: keyUser.id } }, pm.token)).addMeetingDecision;
      await expect(t.dataSource.query(`UPDATE meeting_decision SET text = 'Rewritten' WHERE id = $1`, [decision.id])).rejects.toThrow(/only a decision's status changes/);
      await expect(t.dataSource.query(`UPDATE meeting_decision SET owner_id = NULL WHERE id = $1`, [decision.id])).rejects.toThrow(/decision log/);
      await expect(t.dataSource.query(`UPDATE steering_meeting SET held_on = '2026-01-01' WHERE id = $1`, [meeting.id])).rejects.toThrow(/decision log/);
      await expect(t.dataSource.query(`UPDATE meeting_attendee SET user_id = $2 WHERE meeting_id = $1`, [meeting.id, pm.id])).rejects.toThrow(/decision log/);
      await t.dataSource.query(`UPDATE meeting_decision SET status = 'DONE', version = version + 1 WHERE id = $1`, [decision.id]);
    });

    it('loads in as many statements for many meetings, decisions and decisions of every kind as for one of each', async () => {
      const READ = `query($id: ID!) { project(id: $id) {
        meetings { id attendees { id fullName } decisions { id owner { id } meeting { id title } } }
        decisionLog { at kind text refId decidedBy { id fullName } } } }`;
      /** `meetings` meetings of three decisions each (or one), the first stage's MUST criteria waived and its gate rejected. */
      const projectWith = async (meetingCount: number, decisionsEach: number) => {
        const project = await newProject('COUNT');
        for (let m = 0; m < meetingCount; m += 1) {
          const meeting = (await t.ok(RECORD, { i: { projectId: project.id, kind: m % 2 ? 'STEERING' : 'WEEKLY_STATUS', heldOn: `2026-03-0${m + 2}`, title: `M${m}`, attendeeIds: [pm.id, sponsor.id, keyUser.id] } }, pm.token)).recordMeeting;
          for (const owner of [keyUser, consultant, observer].slice(0, decisionsEach)) await t.ok(ADD_DECISION, { i: { meetingId: meeting.id, text: `D${m}`, ownerId: owner.id } }, pm.token);
        }
        const stage = project.stages[0];
        await t.ok('mutation($id: ID!) { startStage(id: $id) { id } }', { id: stage.id }, pm.token);
        for (const c of stage.exitCriteria.filter((x) => x.priority === 'MUST').slice(0, meetingCount === 1 ? 1 : undefined)) {
          await t.ok('mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed") { id } }', { id: c.id }, sponsor.token);
        }
        await t.ok('mutation($i: GateDecisionInput!) { decideGate(input: $i) { id } }', { i: { stageId: stage.id, outcome: 'REJECTED', conditions: 'Not yet' } }, sponsor.token);
        return project.id;
      };
      const small = await projectWith(1, 1);
      const busy = await projectWith(4, 3);
      const smallStatements = await countStatements(t, () => t.ok(READ, { id: small }, pm.token));
      let busyRead: any;
      const busyStatements = await countStatements(t, async () => { busyRead = (await t.ok(READ, { id: busy }, pm.token)).project; });
      expect(busyRead.meetings).toHaveLength(4);
      expect(busyRead.decisionLog.filter((e: any) => e.kind === 'MEETING')).toHaveLength(12);
      expect(busyStatements.length).toBe(smallStatements.length);
      // One statement per source of the log.
      for (const source of ['FROM meeting_decision d', 'FROM gate_decision g JOIN stage', 'FROM gate_decision g\n', 'FROM criterion c\n']) {
        expect([source, busyStatements.filter((sql) => sql.includes(source)).length]).toEqual([source, 1]);
      }
    });
  });
});

