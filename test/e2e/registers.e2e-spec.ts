import { codeOf, GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Tolerances and the risk and issue registers (REPORTING.md "Tolerances", "Steering"): who may
 * change them, what each refusal says, and that a refusal changes nothing.
 */
describe('tolerances and registers (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, keyUser: TestUser, consultant: TestUser, observer: TestUser, outsider: TestUser, admin: TestUser;
  let projectId: string;

  const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
  const SET_TOLERANCES = 'mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { timeToleranceDays budget currency costTolerancePercent version } }';
  const TOLERANCES = 'query($id: ID!) { project(id: $id) { timeToleranceDays budget currency costTolerancePercent version } }';
  const ADD_RISK = 'mutation($i: AddRiskInput!) { addRisk(input: $i) { id title description probability impact score owner { id } response proximity status version } }';
  const UPDATE_RISK = 'mutation($i: UpdateRiskInput!) { updateRisk(input: $i) { id title probability impact score owner { id } response proximity status version } }';
  const RAISE_ISSUE = 'mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id title type priority owner { id } raisedBy { id } raisedAt status resolution version } }';
  const UPDATE_ISSUE = 'mutation($i: UpdateIssueInput!) { updateIssue(input: $i) { id title priority owner { id } status resolution version } }';
  const REGISTERS = `query($id: ID!) { project(id: $id) {
    risks { id title probability impact score owner { id } response proximity status version }
    issues { id title type priority owner { id } raisedBy { id } status resolution version } } }`;

  const registers = async (id = projectId) => (await t.ok(REGISTERS, { id }, pm.token)).project;
  const tolerances = async () => (await t.ok(TOLERANCES, { id: projectId }, pm.token)).project;
  const field = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.field;

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor, keyUser, consultant, observer, outsider] = await Promise.all([
      t.user(), t.user({ organization: 'CLIENT' as never }), t.user({ organization: 'CLIENT' as never }), t.user(), t.user(), t.user(),
    ]);
    admin = await t.user({ admin: true });
    projectId = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('REG'), name: 'Registers', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token)).createProject.id;
    for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [keyUser, 'KEY_USER'], [consultant, 'CONSULTANT'], [observer, 'OBSERVER']] as const) {
      await t.ok(ADD_MEMBER, { p: projectId, u: user.id, r: role }, pm.token);
    }
  });
  afterAll(() => t.close());

  describe('tolerances', () => {
    it('a new project has the defaults: 10 working days, no budget, RUB, 10 %', async () => {
      expect(await tolerances()).toMatchObject({ timeToleranceDays: 10, budget: null, currency: 'RUB', costTolerancePercent: 10 });
    });

    it('the steering committee sets them; the budget round-trips exactly, as a string', async () => {
      const { version } = await tolerances();
      const set = (await t.ok(SET_TOLERANCES, { i: { projectId, version, timeToleranceDays: 15, budget: '12345678901234.56', currency: 'eur', costTolerancePercent: 5 } }, sponsor.token)).setTolerances;
      expect(set).toEqual({ timeToleranceDays: 15, budget: '12345678901234.56', currency: 'EUR', costTolerancePercent: 5, version: version + 1 });
      expect(await tolerances()).toEqual(set);
      const [row] = await t.dataSource.query('SELECT budget::text AS budget FROM project WHERE id = $1', [projectId]);
      expect(row.budget).toBe('12345678901234.56');
    });

    it('a whole amount is kept with its two fraction digits, as it reads back; a field left out stays', async () => {
      const set = (await t.ok(SET_TOLERANCES, { i: { projectId, budget: '1250000' } }, sponsor.token)).setTolerances;
      expect(set).toMatchObject({ budget: '1250000.00', currency: 'EUR', timeToleranceDays: 15 });
      expect((await tolerances()).budget).toBe('1250000.00');
    });

    it('the project manager, and an administrator who is not on the committee, are refused with FORBIDDEN; nothing changes', async () => {
      const before = await tolerances();
      for (const user of [pm, consultant, keyUser, observer, admin]) {
        const result = await t.gql(SET_TOLERANCES, { i: { projectId, timeToleranceDays: 40 } }, user.token);
        expect({ user: user.email, code: codeOf(result) }).toEqual({ user: user.email, code: 'FORBIDDEN' });
      }
      expect(codeOf(await t.gql(SET_TOLERANCES, { i: { projectId, timeToleranceDays: 40 } }, outsider.token))).toBe('NOT_FOUND');
      expect(await tolerances()).toEqual(before);
    });

    it.each([
      ['a negative budget', { budget: '-100.00' }, 'budget', /more than 0/],
      ['a zero budget', { budget: '0' }, 'budget', /more than 0/],
      ['a float-looking budget', { budget: '1e3' }, 'budget', /not a decimal amount/],
      ['a budget sent as a number', { budget: 1000.5 }, 'budget', /as a string/],
      ['three fraction digits', { budget: '10.005' }, 'budget', /3 digits after the point/],
      ['an unknown currency', { currency: 'RUR' }, 'currency', /ISO 4217/],
      ['a negative time tolerance', { timeToleranceDays: -1 }, 'timeToleranceDays', /from 0 to 1000/],
      ['a cost tolerance over 100 %', { costTolerancePercent: 101 }, 'costTolerancePercent', /from 0 to 100/],
    ])('%s is refused with BAD_USER_INPUT naming the field, and changes nothing', async (_name, change, name, message) => {
      const before = await tolerances();
      // Together with a valid change: the whole call is refused.
      const result = await t.gql(SET_TOLERANCES, { i: { projectId, timeToleranceDays: 30, ...change } }, sponsor.token);
      expect({ code: codeOf(result), field: field(result) }).toEqual({ code: 'BAD_USER_INPUT', field: name });
      expect(result.errors![0].message).toMatch(message);
      expect(await tolerances()).toEqual(before);
    });

    it('a stale version is refused with STALE_VERSION and changes nothing; null removes the budget', async () => {
      const before = await tolerances();
      const stale = await t.gql(SET_TOLERANCES, { i: { projectId, version: before.version - 1, budget: '5.00' } }, sponsor.token);
      expect(codeOf(stale)).toBe('STALE_VERSION');
      expect(await tolerances()).toEqual(before);
      expect((await t.ok(SET_TOLERANCES, { i: { projectId, version: before.version, budget: null } }, sponsor.token)).setTolerances.budget).toBeNull();
    });
  });

  describe('risk register', () => {
    it('the project manager adds and updates risks; the score is probability × impact; the register reads open risks first, highest score first', async () => {
      const low = (await t.ok(ADD_RISK, { i: { projectId, title: ' Key users on holiday ', probability: 2, impact: 3, proximity: '2026-08-01' } }, pm.token)).addRisk;
      expect(low).toMatchObject({ title: 'Key users on holiday', description: null, probability: 2, impact: 3, score: 6, owner: null, response: null, status: 'OPEN', version: 1 });
      const high = (await t.ok(ADD_RISK, {
        i: { projectId, title: 'Data migration slips', description: 'Legacy exports are late', probability: 4, impact: 5, ownerId: consultant.id, response: 'REDUCE', proximity: '2026-06-15' },
      }, pm.token)).addRisk;
      expect(high).toMatchObject({ score: 20, owner: { id: consultant.id }, response: 'REDUCE', proximity: '2026-06-15' });
      const soonSix = (await t.ok(ADD_RISK, { i: { projectId, title: 'Printer drivers', probability: 3, impact: 2, proximity: '2026-05-01' } }, pm.token)).addRisk;

      let risks = (await registers()).risks;
      expect(risks.map((r: any) => [r.title, r.score])).toEqual([['Data migration slips', 20], ['Printer drivers', 6], ['Key users on holiday', 6]]);

      const closed = (await t.ok(UPDATE_RISK, { i: { id: high.id, version: high.version, status: 'CLOSED', response: null, ownerId: keyUser.id } }, pm.token)).updateRisk;
      expect(closed).toMatchObject({ status: 'CLOSED', response: null, owner: { id: keyUser.id }, score: 20, version: 2 });
      const raised = (await t.ok(UPDATE_RISK, { i: { id: low.id, version: 1, probability: 5, impact: 4 } }, pm.token)).updateRisk;
      expect(raised).toMatchObject({ score: 20, version: 2 });
      risks = (await registers()).risks;
      expect(risks.map((r: any) => r.title)).toEqual(['Key users on holiday', 'Printer drivers', 'Data migration slips']);
      expect(soonSix.score).toBe(6);
    });

    it.each([
      ['probability 0', { probability: 0 }, 'probability'],
      ['probability 6', { probability: 6 }, 'probability'],
      ['impact 0', { impact: 0 }, 'impact'],
      ['impact 6', { impact: 6 }, 'impact'],
      ['a blank title', { title: '   ' }, 'title'],
      ['an owner who is not a member', { ownerId: 'OUTSIDER' }, 'ownerId'],
      ['an owner who does not exist', { ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
    ])('adding or updating a risk with %s is refused with BAD_USER_INPUT naming the field, and changes nothing', async (_name, change, name) => {
      const resolved = Object.fromEntries(Object.entries(change).map(([k, v]) => [k, v === 'OUTSIDER' ? outsider.id : v]));
      const risk = (await t.ok(ADD_RISK, { i: { projectId, title: unique('risk'), probability: 3, impact: 3 } }, pm.token)).addRisk;
      const before = await registers();
      const added = await t.gql(ADD_RISK, { i: { projectId, title: 'Refused', probability: 3, impact: 3, ...resolved } }, pm.token);
      expect({ code: codeOf(added), field: field(added) }).toEqual({ code: 'BAD_USER_INPUT', field: name });
      const updated = await t.gql(UPDATE_RISK, { i: { id: risk.id, version: risk.version, ...resolved } }, pm.token);
      expect({ code: codeOf(updated), field: field(updated) }).toEqual({ code: 'BAD_USER_INPUT', field: name });
      if (name === 'ownerId') expect(updated.errors![0].message).toContain(resolved.ownerId as string);
      expect(await registers()).toEqual(before);
    });

    it('a stale version is refused with STALE_VERSION and changes nothing', async () => {
      const risk = (await t.ok(ADD_RISK, { i: { projectId, title: unique('risk'), probability: 1, impact: 1 } }, pm.token)).addRisk;
      await t.ok(UPDATE_RISK, { i: { id: risk.id, version: 1, title: 'First edit' } }, pm.token);
      const before = await registers();
      const stale = await t.gql(UPDATE_RISK, { i: { id: risk.id, version: 1, title: 'Second edit' } }, pm.token);
      expect(codeOf(stale)).toBe('STALE_VERSION');
      expect(stale.errors![0].extensions!.currentVersion).toBe(2);
      expect(await registers()).toEqual(before);
    });

    it('only the project manager (and administrators) manage risks; others get FORBIDDEN, outsiders NOT_FOUND', async () => {
      const risk = (await t.ok(ADD_RISK, { i: { projectId, title: unique('risk'), probability: 2, impact: 2 } }, pm.token)).addRisk;
      const before = await registers();
      for (const user of [sponsor, keyUser, consultant, observer]) {
        expect(codeOf(await t.gql(ADD_RISK, { i: { projectId, title: 'x', probability: 1, impact: 1 } }, user.token))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(UPDATE_RISK, { i: { id: risk.id, version: risk.version, title: 'x' } }, user.token))).toBe('FORBIDDEN');
      }
      expect(codeOf(await t.gql(UPDATE_RISK, { i: { id: risk.id, version: risk.version, title: 'x' } }, outsider.token))).toBe('NOT_FOUND');
      expect(await registers()).toEqual(before);
    });
  });

  describe('issue register', () => {
    it('any member but an observer raises an issue, raisedBy the caller; the PM resolves it; the register reads open first, by priority', async () => {
      const low = (await t.ok(RAISE_ISSUE, { i: { projectId, title: 'Typo on the invoice', type: 'OFF_SPECIFICATION', priority: 'LOW' } }, keyUser.token)).raiseIssue;
      expect(low).toMatchObject({ type: 'OFF_SPECIFICATION', priority: 'LOW', owner: null, raisedBy: { id: keyUser.id }, status: 'OPEN', resolution: null, version: 1 });
      expect(new Date(low.raisedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
      const high = (await t.ok(RAISE_ISSUE, { i: { projectId, title: 'Orders lost on save', type: 'PROBLEM', priority: 'HIGH', ownerId: consultant.id } }, sponsor.token)).raiseIssue;
      const change = (await t.ok(RAISE_ISSUE, { i: { projectId, title: 'Add a discount field', type: 'REQUEST_FOR_CHANGE', priority: 'MEDIUM' } }, consultant.token)).raiseIssue;
      expect(codeOf(await t.gql(RAISE_ISSUE, { i: { projectId, title: 'x', type: 'PROBLEM', priority: 'LOW' } }, observer.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(RAISE_ISSUE, { i: { projectId, title: 'x', type: 'PROBLEM', priority: 'LOW' } }, outsider.token))).toBe('NOT_FOUND');

      let issues = (await registers()).issues;
      expect(issues.map((i: any) => i.title)).toEqual(['Orders lost on save', 'Add a discount field', 'Typo on the invoice']);

      const refused = await t.gql(UPDATE_ISSUE, { i: { id: high.id, version: 1, status: 'RESOLVED' } }, pm.token);
      expect({ code: codeOf(refused), field: field(refused) }).toEqual({ code: 'BAD_USER_INPUT', field: 'resolution' });
      const resolved = (await t.ok(UPDATE_ISSUE, { i: { id: high.id, version: 1, status: 'RESOLVED', resolution: 'Save retried; patch 1.2' } }, pm.token)).updateIssue;
      expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'Save retried; patch 1.2', version: 2 });
      // Those who raise issues do not manage the register.
      expect(codeOf(await t.gql(UPDATE_ISSUE, { i: { id: change.id, version: 1, priority: 'HIGH' } }, keyUser.token))).toBe('FORBIDDEN');
      issues = (await registers()).issues;
      expect(issues.map((i: any) => [i.title, i.status])).toEqual([['Add a discount field', 'OPEN'], ['Typo on the invoice', 'OPEN'], ['Orders lost on save', 'RESOLVED']]);
      expect(codeOf(await t.gql(UPDATE_ISSUE, { i: { id: high.id, version: 1, priority: 'LOW' } }, pm.token))).toBe('STALE_VERSION');
      expect((await registers()).issues).toEqual(issues);
    });

    it('an owner who is not a member is refused naming the person, and changes nothing', async () => {
      const before = await registers();
      const result = await t.gql(RAISE_ISSUE, { i: { projectId, title: 'x', type: 'PROBLEM', priority: 'LOW', ownerId: outsider.id } }, keyUser.token);
      expect({ code: codeOf(result), field: field(result) }).toEqual({ code: 'BAD_USER_INPUT', field: 'ownerId' });
      expect(result.errors![0].message).toContain(outsider.id);
      expect(await registers()).toEqual(before);
    });
  });

  it('a person leaving the project leaves the risks and issues they own without an owner, each version moving on', async () => {
    const leaver = await t.user();
    await t.ok(ADD_MEMBER, { p: projectId, u: leaver.id, r: 'CONSULTANT' }, pm.token);
    const risk = (await t.ok(ADD_RISK, { i: { projectId, title: unique('owned'), probability: 1, impact: 2, ownerId: leaver.id } }, pm.token)).addRisk;
    const issue = (await t.ok(RAISE_ISSUE, { i: { projectId, title: unique('owned'), type: 'PROBLEM', priority: 'LOW', ownerId: leaver.id } }, leaver.token)).raiseIssue;
    await t.ok('mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: CONSULTANT) }', { p: projectId, u: leaver.id }, pm.token);
    const after = await registers();
    expect(after.risks.find((r: any) => r.id === risk.id)).toMatchObject({ owner: null, version: 2 });
    expect(after.issues.find((i: any) => i.id === issue.id)).toMatchObject({ owner: null, raisedBy: { id: leaver.id }, version: 2 });
  });

  it('the registers of many projects load in one query each, and their people in one more, not one per project or owner', async () => {
    const other = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('REG2'), name: 'Second', clientName: 'Client', templateKey: 'billing-remote', startDate: '2026-03-02' },
    }, pm.token)).createProject.id;
    await t.ok(ADD_RISK, { i: { projectId: other, title: 'Other', probability: 3, impact: 3, ownerId: pm.id } }, pm.token);
    await t.ok(RAISE_ISSUE, { i: { projectId: other, title: 'Other', type: 'PROBLEM', priority: 'LOW', ownerId: pm.id } }, pm.token);
    const queries: string[] = [];
    const logger = t.dataSource.logger;
    const original = logger.logQuery;
    logger.logQuery = (query: string) => { queries.push(query); };
    try {
      const page = await t.ok('{ projects(first: 50) { edges { node { risks { owner { id } } issues { owner { id } raisedBy { id } } } } } }', {}, pm.token);
      expect(page.projects.edges.filter((e: any) => e.node.risks.length && e.node.issues.length)).toHaveLength(2);
    } finally {
      logger.logQuery = original;
    }
    expect(queries.filter((q) => /FROM "risk"/.test(q))).toHaveLength(1);
    expect(queries.filter((q) => /FROM "project_issue"/.test(q))).toHaveLength(1);
    // Besides the sign-in check (one user by id), the people of each register in one query (the two
    // registers resolve in different ticks), whatever the number of projects and owners.
    expect(queries.filter((q) => /FROM "app_user"/.test(q) && /IN \(/.test(q)).length).toBeLessThanOrEqual(2);
  });
});
