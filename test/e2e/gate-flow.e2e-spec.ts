import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const STAGES = `query($id: ID!) { project(id: $id) { stages { id name status version gateDecision { outcome decidedBy { id } }
  exitCriteria { id text priority status } } } }`;
const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const SET_CONFIRMERS = 'mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }';
const CONFIRM = 'mutation($id: ID!) { confirmCriterion(id: $id) { id status } }';
const REJECT = 'mutation($id: ID!, $c: String!) { rejectCriterion(id: $id, comment: $c) { id status } }';
const WAIVE = 'mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed by the committee") { id status } }';
const START = 'mutation($id: ID!) { startStage(id: $id) { id status } }';
const SUBMIT = 'mutation($id: ID!) { submitStageForGate(id: $id) { id status version } }';
const CLOSE = 'mutation($id: ID!) { closeStage(id: $id) { id status } }';
const DECIDE = 'mutation($i: GateDecisionInput!) { decideGate(input: $i) { id status gateDecision { outcome } } }';

/** Issue 12, item 4: approving a gate needs its MUST exit criteria met; submit and decision never trip over each other. */
describe('gate flow (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, sponsor: TestUser, keyUser: TestUser;
  let projectId: string;
  let stages: any[];
  const sponsorName = `Irina Sponsor ${process.pid}`;

  const load = async () => (await t.ok(STAGES, { id: projectId }, pm.token)).project.stages;
  const stageNow = async (id: string) => (await load()).find((s: any) => s.id === id);
  const must = (stage: any) => stage.exitCriteria.filter((c: any) => c.priority === 'MUST');
  /** Everything of the project a refusal must leave as it was. */
  const snapshot = async () => (await t.dataSource.query(
    `SELECT (SELECT count(*) FROM gate_decision WHERE project_id = $1) g,
            (SELECT string_agg(status::text || ':' || version, ',' ORDER BY sequence) FROM stage WHERE project_id = $1) s`, [projectId]))[0];
  const approve = (stageId: string, outcome = 'APPROVED') =>
    t.gql(DECIDE, { i: { stageId, outcome, conditions: outcome === 'APPROVED_WITH_CONDITIONS' ? 'Train the warehouse first' : null } }, sponsor.token);
  const waiveMust = async (stage: any) => {
    for (const c of must(stage)) await t.ok(WAIVE, { id: c.id }, sponsor.token);
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, sponsor, keyUser] = await Promise.all([t.user(), t.user({ organization: 'CLIENT' as never, name: sponsorName }), t.user({ organization: 'CLIENT' as never })]);
    projectId = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('GATEFLOW'), name: 'Gate flow', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token)).createProject.id;
    await t.ok(ADD_MEMBER, { p: projectId, u: sponsor.id, r: 'STEERING_COMMITTEE' }, pm.token);
    await t.ok(ADD_MEMBER, { p: projectId, u: keyUser.id, r: 'KEY_USER' }, pm.token);
    stages = await load();
    for (const c of stages[0].exitCriteria) await t.ok(SET_CONFIRMERS, { id: c.id, v: 1, c: [keyUser.id] }, pm.token);
    await t.ok(START, { id: stages[0].id }, pm.token);
  });
  afterAll(() => t.close());

  it('approving is refused while MUST exit criteria are open, listing exactly those, PENDING or REJECTED; nothing is recorded', async () => {
    const [first, second] = must(stages[0]);
    await t.ok(CONFIRM, { id: first.id }, keyUser.token);
    await t.ok(REJECT, { id: second.id, c: 'The scope misses returns' }, keyUser.token);
    const open = must(stages[0]).slice(1);
    const before = await snapshot();
    for (const outcome of ['APPROVED', 'APPROVED_WITH_CONDITIONS']) {
      const refused = await approve(stages[0].id, outcome);
      expect({ outcome, code: codeOf(refused) }).toEqual({ outcome, code: 'GATE_CRITERIA_NOT_MET' });
      expect([...refused.errors![0].extensions!.blockingCriteria].sort()).toEqual(open.map((c: any) => c.id).sort());
      expect(refused.errors![0].extensions!.stageId).toBe(stages[0].id);
      for (const c of open) expect(refused.errors![0].message).toContain(c.text);
      expect(refused.errors![0].message).not.toContain(first.text);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('rejecting stays possible while criteria are open', async () => {
    const { decideGate } = await t.ok(DECIDE, { i: { stageId: stages[0].id, outcome: 'REJECTED', conditions: 'Finish the scope first' } }, sponsor.token);
    expect(decideGate).toMatchObject({ status: 'ACTIVE', gateDecision: { outcome: 'REJECTED' } });
    await t.ok(SUBMIT, { id: stages[0].id }, pm.token);
    expect((await t.ok(DECIDE, { i: { stageId: stages[0].id, outcome: 'REJECTED' } }, sponsor.token)).decideGate.status).toBe('ACTIVE');
  });

  it('approving is allowed once every MUST criterion is confirmed or waived, SHOULD ones still pending; a later submit says it was approved', async () => {
    const [, rejected, pending] = must(stages[0]);
    await t.ok(CONFIRM, { id: rejected.id }, keyUser.token);
    await t.ok(WAIVE, { id: pending.id }, sponsor.token);
    const stage = await stageNow(stages[0].id);
    expect(stage.exitCriteria.filter((c: any) => c.priority !== 'MUST').map((c: any) => c.status)).toEqual(['PENDING', 'PENDING']);
    // The committee decides the ACTIVE stage before the project manager submits it.
    const { decideGate } = await t.ok(DECIDE, { i: { stageId: stages[0].id, outcome: 'APPROVED_WITH_CONDITIONS', conditions: 'Top risks next week' } }, sponsor.token);
    expect(decideGate).toMatchObject({ status: 'AWAITING_GATE', gateDecision: { outcome: 'APPROVED_WITH_CONDITIONS' } });
    const before = await snapshot();
    const late = await t.gql(SUBMIT, { id: stages[0].id }, pm.token);
    expect(codeOf(late)).toBe('INVALID_STAGE_TRANSITION');
    const today = new Date().toISOString().slice(0, 10);
    expect(late.errors![0].message).toMatch(new RegExp(`already approved its gate \\(APPROVED_WITH_CONDITIONS\\) on ${today} \\d\\d:\\d\\d UTC by ${sponsorName}; close it \\(closeStage\\)`));
    expect(late.errors![0].extensions).toMatchObject({ stageId: stages[0].id, status: 'AWAITING_GATE' });
    expect(await snapshot()).toEqual(before);
    expect((await t.ok(CLOSE, { id: stages[0].id }, pm.token)).closeStage.status).toBe('CLOSED');
    const closed = await t.gql(SUBMIT, { id: stages[0].id }, pm.token);
    expect(codeOf(closed)).toBe('INVALID_STAGE_TRANSITION');
    expect(closed.errors![0].message).toContain('is CLOSED: the steering committee already approved');
  });

  it('submit, submit again (answered as it is), then approve and close', async () => {
    const stage = stages[1];
    const notStarted = await t.gql(SUBMIT, { id: stage.id }, pm.token);
    expect(codeOf(notStarted)).toBe('INVALID_STAGE_TRANSITION');
    expect(notStarted.errors![0].message).toContain('startStage');
    await t.ok(START, { id: stage.id }, pm.token);
    const submitted = (await t.ok(SUBMIT, { id: stage.id }, pm.token)).submitStageForGate;
    expect(submitted.status).toBe('AWAITING_GATE');
    const before = await snapshot();
    expect((await t.ok(SUBMIT, { id: stage.id }, pm.token)).submitStageForGate).toEqual(submitted);
    expect(await snapshot()).toEqual(before);
    // Submitted is not approved: the criteria still hold the gate.
    expect(codeOf(await approve(stage.id))).toBe('GATE_CRITERIA_NOT_MET');
    await waiveMust(stage);
    expect((await approve(stage.id)).data!.decideGate).toMatchObject({ status: 'AWAITING_GATE', gateDecision: { outcome: 'APPROVED' } });
    expect((await t.ok(CLOSE, { id: stage.id }, pm.token)).closeStage.status).toBe('CLOSED');
  });

  it('a submit and an approval sent at the same moment: no server error, and the stage ends approved, ready to close', async () => {
    for (const stage of stages.slice(2)) {
      await t.ok(START, { id: stage.id }, pm.token);
      await waiveMust(stage);
      const [submitted, approved] = await Promise.all([t.gql(SUBMIT, { id: stage.id }, pm.token), approve(stage.id)]);
      expect(codeOf(approved)).toBeUndefined();
      // Submitted first: both land. Approved first: the submit is told the gate was already approved.
      if (submitted.errors) {
        expect(codeOf(submitted)).toBe('INVALID_STAGE_TRANSITION');
        expect(submitted.errors[0].message).toContain('already approved');
      }
      const after = await stageNow(stage.id);
      expect(after).toMatchObject({ status: 'AWAITING_GATE', gateDecision: { outcome: 'APPROVED', decidedBy: { id: sponsor.id } } });
      expect((await t.ok(CLOSE, { id: stage.id }, pm.token)).closeStage.status).toBe('CLOSED');
    }
  });
});
