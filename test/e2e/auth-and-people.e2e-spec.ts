import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email fullName organization isAdmin } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id email } } }`;

describe('authentication and people (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.user({ admin: true });
  });
  afterAll(() => t.close());

  it('an administrator creates a user who can then sign in; the password is stored hashed', async () => {
    const email = `${unique('Key.User')}@Example.test`;
    const { createUser } = await t.ok(CREATE_USER, {
      input: { email, fullName: 'Irina Key-User', organization: 'CLIENT', password: 'long-enough-password' },
    }, admin.token);
    expect(createUser).toMatchObject({ email: email.toLowerCase(), organization: 'CLIENT', isAdmin: false });
    const { login } = await t.ok(LOGIN, { e: email, p: 'long-enough-password' });
    expect(login.user.id).toBe(createUser.id);
    const { me } = await t.ok('{ me { id email } }', {}, login.token);
    expect(me.id).toBe(createUser.id);
    const [row] = await t.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [createUser.id]);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain('long-enough-password');
  });

  it('refuses createUser to a non-administrator, and bad input, writing nothing', async () => {
    const plain = await t.user();
    const count = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM app_user'))[0].n);
    const before = await count();
    const input = { email: `${unique('x')}@example.test`, fullName: 'X', organization: 'CLIENT', password: 'long-enough-password' };
    expect(codeOf(await t.gql(CREATE_USER, { input }, plain.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE_USER, { input: { ...input, email: 'not-an-email' } }, admin.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CREATE_USER, { input: { ...input, password: 'short' } }, admin.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CREATE_USER, { input: { ...input, email: admin.email } }, admin.token))).toBe('DUPLICATE');
    expect(codeOf(await t.gql(CREATE_USER, { input }))).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await t.gql(LOGIN, { e: 'nobody@example.test', p: 'whatever-password' });
    const wrong = await t.gql(LOGIN, { e: admin.email, p: 'wrong-password' });
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('me needs a token, like every operation but login', async () => {
    expect(codeOf(await t.gql('{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('a password change revokes older tokens', async () => {
    const user = await t.user();
    expect((await t.ok('{ me { id } }', {}, user.token)).me.id).toBe(user.id);
    await t.dataSource.query("UPDATE app_user SET password_changed_at = now() + interval '2 seconds' WHERE id = $1", [user.id]);
    expect(codeOf(await t.gql('{ me { id } }', {}, user.token))).toBe('UNAUTHENTICATED');
  });

  describe('members', () => {
    const ADD = `mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id role user { id } } }`;
    let pm: TestUser;
    let projectId: string;

    beforeAll(async () => {
      pm = await t.user();
      const { createProject } = await t.ok(`mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }`, {
        i: { code: unique('MEM'), name: 'Members', clientName: 'Client', templateKey: 'billing-remote', startDate: '2026-04-01' },
      }, pm.token);
      projectId = createProject.id;
    });

    it('the project manager adds members; a person may hold two roles', async () => {
      const keyUser = await t.user({ organization: 'CLIENT' as never });
      await t.ok(ADD, { p: projectId, u: keyUser.id, r: 'KEY_USER' }, pm.token);
      await t.ok(ADD, { p: projectId, u: keyUser.id, r: 'TRAINER' }, pm.token);
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { members { role user { id } } } }', { id: projectId }, keyUser.token);
      expect(project.members.filter((m: any) => m.user.id === keyUser.id).map((m: any) => m.role).sort()).toEqual(['KEY_USER', 'TRAINER']);
      expect(codeOf(await t.gql(ADD, { p: projectId, u: keyUser.id, r: 'KEY_USER' }, pm.token))).toBe('DUPLICATE');
    });

    it('keeps the project manager and the steering committee apart, also when both are granted at once', async () => {
      const refused = await t.gql(ADD, { p: projectId, u: pm.id, r: 'STEERING_COMMITTEE' }, pm.token);
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toContain('cannot hold both roles');
      const sponsor = await t.user();
      await t.ok(ADD, { p: projectId, u: sponsor.id, r: 'STEERING_COMMITTEE' }, pm.token);
      expect(codeOf(await t.gql(ADD, { p: projectId, u: sponsor.id, r: 'PROJECT_MANAGER' }, pm.token))).toBe('BAD_USER_INPUT');
      const both = await t.user();
      const results = await Promise.all(['PROJECT_MANAGER', 'STEERING_COMMITTEE'].map((r) => t.gql(ADD, { p: projectId, u: both.id, r }, pm.token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      const roles = await t.dataSource.query('SELECT role FROM membership WHERE project_id = $1 AND user_id IN ($2, $3, $4)', [projectId, pm.id, sponsor.id, both.id]);
      expect(roles).toHaveLength(3); // pm, sponsor and one role of `both`
    });

    describe('removing a role', () => {
      const REMOVE = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { removeMember(projectId: $p, userId: $u, role: $r) }';
      // A project of their own: one project manager, whatever the tests above granted.
      let pm: TestUser;
      let projectId: string;
      beforeAll(async () => {
        pm = await t.user();
        projectId = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
          i: { code: unique('RMV'), name: 'Removals', clientName: 'Client', templateKey: 'billing-remote', startDate: '2026-04-01' },
        }, pm.token)).createProject.id;
      });
      const rolesOf = async (userId: string) =>
        (await t.dataSource.query('SELECT role FROM membership WHERE project_id = $1 AND user_id = $2 ORDER BY role', [projectId, userId])).map((r: any) => r.role);

      it('takes one role away; the person loses access with their last one', async () => {
        const person = await t.user();
        await t.ok(ADD, { p: projectId, u: person.id, r: 'OBSERVER' }, pm.token);
        await t.ok(ADD, { p: projectId, u: person.id, r: 'TRAINER' }, pm.token);
        expect((await t.ok(REMOVE, { p: projectId, u: person.id, r: 'TRAINER' }, pm.token)).removeMember).toBe(true);
        expect(await rolesOf(person.id)).toEqual(['OBSERVER']);
        expect((await t.ok('query($id: ID!) { project(id: $id) { id } }', { id: projectId }, person.token)).project.id).toBe(projectId);
        await t.ok(REMOVE, { p: projectId, u: person.id, r: 'OBSERVER' }, pm.token);
        expect(codeOf(await t.gql('query($id: ID!) { project(id: $id) { id } }', { id: projectId }, person.token))).toBe('NOT_FOUND');
        expect(codeOf(await t.gql(REMOVE, { p: projectId, u: person.id, r: 'OBSERVER' }, pm.token))).toBe('NOT_FOUND');
      });

      it('keeps the only project manager, and refuses others than the project manager', async () => {
        const before = await rolesOf(pm.id);
        const only = await t.gql(REMOVE, { p: projectId, u: pm.id, r: 'PROJECT_MANAGER' }, pm.token);
        expect(codeOf(only)).toBe('BAD_USER_INPUT');
        expect(only.errors![0].message).toContain('only project manager');
        const observer = await t.user();
        await t.ok(ADD, { p: projectId, u: observer.id, r: 'OBSERVER' }, pm.token);
        expect(codeOf(await t.gql(REMOVE, { p: projectId, u: observer.id, r: 'OBSERVER' }, observer.token))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(REMOVE, { p: projectId, u: observer.id, r: 'OBSERVER' }, (await t.user()).token))).toBe('NOT_FOUND');
        expect(await rolesOf(pm.id)).toEqual(before);
        expect(await rolesOf(observer.id)).toEqual(['OBSERVER']);
        // With a second project manager, either may step down.
        const deputy = await t.user();
        await t.ok(ADD, { p: projectId, u: deputy.id, r: 'PROJECT_MANAGER' }, pm.token);
        await t.ok(REMOVE, { p: projectId, u: deputy.id, r: 'PROJECT_MANAGER' }, pm.token);
        expect(await rolesOf(deputy.id)).toEqual([]);
      });

      it('removing a person races naming them elsewhere without a deadlock: one side wins, with a contract code', async () => {
        const area = (await t.ok('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('race area') }, pm.token)).addFunctionArea;
        for (let round = 0; round < 8; round++) {
          const person = await t.user({ organization: 'CLIENT' as never });
          await t.ok(ADD, { p: projectId, u: person.id, r: 'KEY_USER' }, pm.token);
          await t.ok(ADD, { p: projectId, u: person.id, r: 'OBSERVER' }, pm.token);
          const day = String(1 + round).padStart(2, '0');
          const results = await Promise.all([
            t.gql(REMOVE, { p: projectId, u: person.id, r: 'KEY_USER' }, pm.token),
            t.gql(REMOVE, { p: projectId, u: person.id, r: 'OBSERVER' }, pm.token),
            t.gql('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', { i: {
              projectId, title: unique('race'), audience: 'KEY_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/r', trainerId: pm.id, capacity: 5,
              attendeeIds: [person.id], startsAt: `2099-05-${day}T09:00:00+03:00`, endsAt: `2099-05-${day}T10:00:00+03:00` } }, pm.token),
            t.gql('mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', { i: {
              projectId, userId: person.id, functionAreaId: area.id, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } }, pm.token),
            t.gql(ADD, { p: projectId, u: person.id, r: 'STEERING_COMMITTEE' }, pm.token),
            t.gql('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { projectId, text: unique('race'), confirmerIds: [person.id] } }, pm.token),
            // Plan edits lock the project row exclusively, queueing between the others.
            t.gql('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', { i: { projectId, name: unique('race'), durationDays: 1 } }, pm.token),
          ]);
          for (const result of results) expect([undefined, 'BAD_USER_INPUT', 'NOT_FOUND', 'DUPLICATE']).toContain(codeOf(result));
          // Never a non-member left with open work.
          const [state] = await t.dataSource.query(
            `SELECT (SELECT count(*) FROM membership WHERE project_id = $1 AND user_id = $2)::int AS roles,
                    (SELECT count(*) FROM key_user_assignment WHERE project_id = $1 AND user_id = $2)::int AS assignments,
                    (SELECT count(*) FROM training_attendance a JOIN training_session s ON s.id = a.session_id WHERE s.project_id = $1 AND a.user_id = $2)::int AS invitations,
                    (SELECT count(*) FROM criterion_confirmer cc JOIN criterion c ON c.id = cc.criterion_id WHERE c.project_id = $1 AND cc.user_id = $2 AND c.waived_at IS NULL)::int AS criteria`,
            [projectId, person.id]);
          if (state.roles === 0) expect(state).toEqual({ roles: 0, assignments: 0, invitations: 0, criteria: 0 });
        }
      });

      it('refuses a last role while open work names the person, listing it, and writes nothing', async () => {
        const keyUser = await t.user({ organization: 'CLIENT' as never });
        await t.ok(ADD, { p: projectId, u: keyUser.id, r: 'KEY_USER' }, pm.token);
        const criterion = (await t.ok('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { projectId, text: unique('completion'), confirmerIds: [keyUser.id] } }, pm.token)).addCriterion;
        const area = (await t.ok('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('area') }, pm.token)).addFunctionArea;
        const assignment = (await t.ok('mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', {
          i: { projectId, userId: keyUser.id, functionAreaId: area.id, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 },
        }, pm.token)).assignKeyUser;
        const session = (await t.ok('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id version } }', {
          i: { projectId, title: unique('session'), audience: 'KEY_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/k', trainerId: pm.id, capacity: 5,
            attendeeIds: [keyUser.id], startsAt: '2099-03-02T09:00:00+03:00', endsAt: '2099-03-02T12:00:00+03:00' },
        }, pm.token)).scheduleTraining;
        const refused = await t.gql(REMOVE, { p: projectId, u: keyUser.id, r: 'KEY_USER' }, pm.token);
        expect(codeOf(refused)).toBe('BAD_USER_INPUT');
        expect(refused.errors![0].extensions).toMatchObject({ field: 'userId', criterionIds: [criterion.id], keyUserAssignmentIds: [assignment.id], trainingSessionIds: [session.id] });
        expect(refused.errors![0].message).toBe('This is the person’s last role in the project and they still confirm 1 open criterion (setCriterionConfirmers); hold 1 key-user assignment (removeKeyUser); give or are invited to 1 training session that has not ended (rescheduleTraining, uninviteFromTraining); reassign those first');
        expect(await rolesOf(keyUser.id)).toEqual(['KEY_USER']);
        // Once reassigned (the waiver closes the criterion), the role goes.
        const sponsor = await t.user();
        await t.ok(ADD, { p: projectId, u: sponsor.id, r: 'STEERING_COMMITTEE' }, pm.token);
        await t.ok('mutation($id: ID!) { waiveCriterion(id: $id, reason: "Not needed") { id } }', { id: criterion.id }, sponsor.token);
        await t.ok('mutation($id: ID!) { removeKeyUser(id: $id, version: 1) }', { id: assignment.id }, pm.token);
        await t.ok('mutation($s: ID!, $u: ID!) { uninviteFromTraining(sessionId: $s, userId: $u) { id } }', { s: session.id, u: keyUser.id }, pm.token);
        await t.ok(REMOVE, { p: projectId, u: keyUser.id, r: 'KEY_USER' }, pm.token);
        expect(await rolesOf(keyUser.id)).toEqual([]);
      });
    });

    it('refuses members who may not manage members, strangers, and unknown users', async () => {
      const observer = await t.user();
      await t.ok(ADD, { p: projectId, u: observer.id, r: 'OBSERVER' }, pm.token);
      const other = await t.user();
      expect(codeOf(await t.gql(ADD, { p: projectId, u: other.id, r: 'KEY_USER' }, observer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ADD, { p: projectId, u: other.id, r: 'KEY_USER' }, other.token))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(ADD, { p: projectId, u: '00000000-0000-4000-8000-000000000000', r: 'KEY_USER' }, pm.token))).toBe('NOT_FOUND');
      const rows = await t.dataSource.query('SELECT count(*) AS n FROM membership WHERE user_id = $1', [other.id]);
      expect(Number(rows[0].n)).toBe(0);
    });
  });
});
