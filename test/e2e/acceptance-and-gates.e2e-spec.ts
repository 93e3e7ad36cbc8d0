import { bringConfirmersUnderTheRules, MIGRATION_REASON } from '../../src/migrations/1795960000000-ConfirmersFromTheClient';
import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

const STAGES = `query($id: ID!) { project(id: $id) { status version stages { id name sequence status actualStart actualFinish
  gateDecision { outcome conditions decidedBy { id } decidedAt }
  exitCriteria { id text priority status confirmers { id } confirmations { decision comment user { id } at } waiverReason } } } }`;
const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';
const SET_CONFIRMERS = 'mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }';
const CONFIRM = 'mutation($id: ID!, $c: String) { confirmCriterion(id: $id, comment: $c) { id status confirmations { decision user { id } } } }';
const REJECT = 'mutation($id: ID!, $c: String!) { rejectCriterion(id: $id, comment: $c) { id status } }';
const WAIVE = 'mutation($id: ID!, $r: String!) { waiveCriterion(id: $id, reason: $r) { id status waiverReason waivedBy { id } waivedAt } }';
const START = 'mutation($id: ID!) { startStage(id: $id) { id status actualStart } }';
const CLOSE = 'mutation($id: ID!) { closeStage(id: $id) { id status actualFinish } }';
const DECIDE = 'mutation($i: GateDecisionInput!) { decideGate(input: $i) { id status gateDecision { outcome conditions } } }';
const ASSIGN_KEY_USER = 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id version } }';
const ADD_CRITERION = 'mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id kind priority status confirmers { id } } }';

describe('acceptance criteria and stage gates (e2e)', () => {
  let t: TestApp;
  let pm: TestUser, steering: TestUser, clientSteering: TestUser, keyUser: TestUser, keyUser2: TestUser, observer: TestUser;
  let projectId: string;
  let stages: any[];

  const load = async () => (await t.ok(STAGES, { id: projectId }, pm.token)).project;
  const criterionVersion = async (id: string) => (await t.dataSource.query('SELECT version FROM criterion WHERE id = $1', [id]))[0].version;
  /** Everything of this project a refusal must leave as it was. */
  const snapshot = async () => (await t.dataSource.query(
    `SELECT (SELECT count(*) FROM confirmation c JOIN criterion cr ON cr.id = c.criterion_id WHERE cr.project_id = $1) c,
            (SELECT count(*) FROM gate_decision WHERE project_id = $1) g,
            (SELECT string_agg(status::text || coalesce(actual_finish::text, ''), ',' ORDER BY sequence) FROM stage WHERE project_id = $1) s,
            (SELECT count(*) FROM criterion WHERE waived_at IS NOT NULL AND project_id = $1) w,
            (SELECT count(*) FROM confirmer_change cc JOIN criterion cr ON cr.id = cc.criterion_id WHERE cr.project_id = $1) cc,
            (SELECT string_agg(status::text, ',' ORDER BY name) FROM milestone WHERE project_id = $1) m,
            (SELECT status FROM project WHERE id = $1) p`, [projectId]))[0];

  beforeAll(async () => {
    t = await TestApp.start();
    [pm, steering, clientSteering, keyUser, keyUser2, observer] = await Promise.all([
      t.user(), t.user(), t.user({ organization: 'CLIENT' as never }), t.user({ organization: 'CLIENT' as never }),
      t.user({ organization: 'CLIENT' as never }), t.user(),
    ]);
    const { createProject } = await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { code: unique('GATE'), name: 'Gates', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token);
    projectId = createProject.id;
    for (const [user, role] of [[steering, 'STEERING_COMMITTEE'], [clientSteering, 'STEERING_COMMITTEE'], [keyUser, 'KEY_USER'], [keyUser2, 'KEY_USER'], [observer, 'OBSERVER']] as const) {
      await t.ok(ADD_MEMBER, { p: projectId, u: user.id, r: role }, pm.token);
    }
    stages = (await load()).stages;
    // The project manager assigns the key users as confirmers of every exit criterion.
    for (const stage of stages) {
      for (const c of stage.exitCriteria) {
        await t.ok(SET_CONFIRMERS, { id: c.id, v: await criterionVersion(c.id), c: [keyUser.id, keyUser2.id] }, pm.token);
      }
    }
  });
  afterAll(() => t.close());

  it('refuses to start any stage but the first, and to close a stage that is not active', async () => {
    const before = await snapshot();
    const second = await t.gql(START, { id: stages[1].id }, pm.token);
    expect(codeOf(second)).toBe('INVALID_STAGE_TRANSITION');
    expect(second.errors![0].message).toContain(`"${stages[0].name}"`);
    expect(second.errors![0].extensions).toMatchObject({ stageId: stages[1].id, status: 'NOT_STARTED' });
    expect(codeOf(await t.gql(CLOSE, { id: stages[0].id }, pm.token))).toBe('INVALID_STAGE_TRANSITION');
    expect(codeOf(await t.gql(DECIDE, { i: { stageId: stages[0].id, outcome: 'APPROVED' } }, steering.token))).toBe('INVALID_STAGE_TRANSITION');
    expect(await snapshot()).toEqual(before);
  });

  it('only the project manager starts a stage; the project moves to IN_PROGRESS', async () => {
    const before = await snapshot();
    for (const user of [steering, keyUser, observer]) expect(codeOf(await t.gql(START, { id: stages[0].id }, user.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(START, { id: stages[0].id }, (await t.user()).token))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(before);
    const { startStage } = await t.ok(START, { id: stages[0].id }, pm.token);
    expect(startStage.status).toBe('ACTIVE');
    expect(startStage.actualStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await load()).status).toBe('IN_PROGRESS');
    expect(codeOf(await t.gql(START, { id: stages[0].id }, pm.token))).toBe('INVALID_STAGE_TRANSITION');
  });

  it('closing is refused while MUST exit criteria are open, naming exactly those', async () => {
    const before = await snapshot();
    const result = await t.gql(CLOSE, { id: stages[0].id }, pm.token);
    expect(codeOf(result)).toBe('GATE_CRITERIA_NOT_MET');
    const must = stages[0].exitCriteria.filter((c: any) => c.priority === 'MUST');
    expect([...result.errors![0].extensions!.blockingCriteria].sort()).toEqual(must.map((c: any) => c.id).sort());
    for (const c of must) expect(result.errors![0].message).toContain(c.text);
    expect(await snapshot()).toEqual(before);
  });

  it('the project manager does not confirm their own work: refused as confirmer, and a confirmer is not made project manager', async () => {
    const criterion = stages[0].exitCriteria[0];
    const before = await snapshot();
    const refused = await t.gql(SET_CONFIRMERS, { id: criterion.id, v: await criterionVersion(criterion.id), c: [keyUser.id, pm.id] }, pm.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions).toMatchObject({ field: 'confirmerIds', userIds: [pm.id] });
    expect(codeOf(await t.gql(ADD_CRITERION, { i: { stageId: stages[0].id, text: unique('own'), confirmerIds: [pm.id] } }, pm.token))).toBe('BAD_USER_INPUT');
    const promoted = await t.gql(ADD_MEMBER, { p: projectId, u: keyUser.id, r: 'PROJECT_MANAGER' }, pm.token);
    expect(codeOf(promoted)).toBe('BAD_USER_INPUT');
    expect(promoted.errors![0].message).toContain('confirms open criteria');
    expect(await snapshot()).toEqual(before);
  });

  it('only a confirmer confirms or rejects; a rejection needs a comment', async () => {
    const criterion = stages[0].exitCriteria[0];
    const before = await snapshot();
    for (const user of [pm, steering, observer]) {
      const result = await t.gql(CONFIRM, { id: criterion.id }, user.token);
      expect(codeOf(result)).toBe('NOT_A_CONFIRMER');
      expect(result.errors![0].extensions!.criterionId).toBe(criterion.id);
    }
    // The confirmer rule comes first: a non-confirmer's empty rejection is NOT_A_CONFIRMER too.
    expect(codeOf(await t.gql(REJECT, { id: criterion.id, c: '' }, observer.token))).toBe('NOT_A_CONFIRMER');
    expect(codeOf(await t.gql(CONFIRM, { id: criterion.id }, (await t.user()).token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(REJECT, { id: criterion.id, c: '   ' }, keyUser.token))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('derives status from each confirmer’s latest decision', async () => {
    const c = stages[0].exitCriteria[0];
    const status = async () => (await load()).stages[0].exitCriteria.find((x: any) => x.id === c.id).status;
    expect(await status()).toBe('PENDING');
    await t.ok(CONFIRM, { id: c.id, c: 'Interviews held' }, keyUser.token);
    expect(await status()).toBe('PENDING');
    await t.ok(REJECT, { id: c.id, c: 'The warehouse was not interviewed' }, keyUser2.token);
    expect(await status()).toBe('REJECTED');
    await t.ok(CONFIRM, { id: c.id }, keyUser2.token);
    expect(await status()).toBe('CONFIRMED');
    const history = (await load()).stages[0].exitCriteria.find((x: any) => x.id === c.id).confirmations;
    expect(history.map((h: any) => [h.user.id, h.decision])).toEqual([
      [keyUser.id, 'CONFIRMED'], [keyUser2.id, 'REJECTED'], [keyUser2.id, 'CONFIRMED'],
    ]);
  });

  it('concurrent confirmations by two key users both land', async () => {
    const c = stages[0].exitCriteria[1];
    const results = await Promise.all([keyUser, keyUser2].map((u) => t.gql(CONFIRM, { id: c.id }, u.token)));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const after = (await load()).stages[0].exitCriteria.find((x: any) => x.id === c.id);
    expect(after.status).toBe('CONFIRMED');
    expect(after.confirmations).toHaveLength(2);
    // Now two MUST criteria are met: the refusal to close names exactly the others.
    const must = (await load()).stages[0].exitCriteria.filter((x: any) => x.priority === 'MUST');
    const open = must.filter((x: any) => x.status !== 'CONFIRMED').map((x: any) => x.id).sort();
    expect(open.length).toBeLessThan(must.length);
    const refusal = await t.gql(CLOSE, { id: stages[0].id }, pm.token);
    expect([...refusal.errors![0].extensions!.blockingCriteria].sort()).toEqual(open);
  });

  it('a confirmer whose rejection stands cannot be taken off the criterion', async () => {
    const c = stages[0].exitCriteria[2];
    await t.ok(REJECT, { id: c.id, c: 'The scope misses returns' }, keyUser2.token);
    const before = await snapshot();
    const result = await t.gql(SET_CONFIRMERS, { id: c.id, v: await criterionVersion(c.id), c: [keyUser.id] }, pm.token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions).toMatchObject({ field: 'confirmerIds', userIds: [keyUser2.id] });
    expect(await snapshot()).toEqual(before);
    // Adding someone is fine, and recorded; the rejection still stands until its author confirms.
    await t.ok(SET_CONFIRMERS, { id: c.id, v: await criterionVersion(c.id), c: [keyUser.id, keyUser2.id, clientSteering.id] }, pm.token);
    await t.ok(CONFIRM, { id: c.id, c: 'Returns added' }, keyUser2.token);
    await t.ok(SET_CONFIRMERS, { id: c.id, v: await criterionVersion(c.id), c: [keyUser.id, keyUser2.id] }, pm.token);
  });

  it('only the steering committee waives, with a reason; a waived criterion stops blocking', async () => {
    const open = (await load()).stages[0].exitCriteria.filter((c: any) => c.priority === 'MUST' && c.status !== 'CONFIRMED');
    expect(open.length).toBeGreaterThan(0);
    const target = open[0];
    const before = await snapshot();
    expect(codeOf(await t.gql(WAIVE, { id: target.id, r: 'Not needed' }, pm.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(WAIVE, { id: target.id, r: 'Not needed' }, keyUser.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(WAIVE, { id: target.id, r: '' }, steering.token))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    const { waiveCriterion } = await t.ok(WAIVE, { id: target.id, r: 'Scope agreed verbally with the owner' }, steering.token);
    expect(waiveCriterion).toMatchObject({ status: 'WAIVED', waiverReason: 'Scope agreed verbally with the owner', waivedBy: { id: steering.id } });
    expect(Math.abs(Date.parse(waiveCriterion.waivedAt) - Date.now())).toBeLessThan(60_000);
    const afterWaiver = await snapshot();
    expect(codeOf(await t.gql(WAIVE, { id: target.id, r: 'Again' }, steering.token))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(afterWaiver);
    for (const c of open.slice(1)) {
      await t.ok(CONFIRM, { id: c.id }, keyUser.token);
      await t.ok(CONFIRM, { id: c.id }, keyUser2.token);
    }
  });

  it('with criteria met, closing still needs an approving gate decision', async () => {
    const before = await snapshot();
    const result = await t.gql(CLOSE, { id: stages[0].id }, pm.token);
    expect(codeOf(result)).toBe('GATE_NOT_APPROVED');
    expect(result.errors![0].extensions!.stageId).toBe(stages[0].id);
    expect(await snapshot()).toEqual(before);
  });

  it('only the steering committee decides; conditions are required with a conditional approval; a rejection sends the stage back', async () => {
    const before = await snapshot();
    for (const user of [pm, keyUser, observer, await t.user({ admin: true })]) {
      expect(codeOf(await t.gql(DECIDE, { i: { stageId: stages[0].id, outcome: 'APPROVED' } }, user.token))).toBe('FORBIDDEN');
    }
    expect(codeOf(await t.gql(DECIDE, { i: { stageId: stages[0].id, outcome: 'APPROVED_WITH_CONDITIONS' } }, steering.token))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    await t.ok('mutation($id: ID!) { submitStageForGate(id: $id) { status } }', { id: stages[0].id }, pm.token);
    const rejected = await t.ok(DECIDE, { i: { stageId: stages[0].id, outcome: 'REJECTED', conditions: 'Plan lacks the warehouse' } }, steering.token);
    expect(rejected.decideGate).toMatchObject({ status: 'ACTIVE', gateDecision: { outcome: 'REJECTED' } });
    const afterRejection = await snapshot();
    const closeAfterRejection = await t.gql(CLOSE, { id: stages[0].id }, pm.token);
    expect(codeOf(closeAfterRejection)).toBe('GATE_NOT_APPROVED');
    expect(closeAfterRejection.errors![0].message).toContain('REJECTED');
    expect(await snapshot()).toEqual(afterRejection);
    const approved = await t.ok(DECIDE, { i: { stageId: stages[0].id, outcome: 'APPROVED_WITH_CONDITIONS', conditions: 'Add the warehouse in Analysis' } }, steering.token);
    expect(approved.decideGate).toMatchObject({ status: 'AWAITING_GATE', gateDecision: { outcome: 'APPROVED_WITH_CONDITIONS', conditions: 'Add the warehouse in Analysis' } });
  });

  it('closes the stage; the next one may start; the same rules hold for the second stage', async () => {
    const { closeStage } = await t.ok(CLOSE, { id: stages[0].id }, pm.token);
    expect(closeStage.status).toBe('CLOSED');
    expect(closeStage.actualFinish).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const before = await snapshot();
    expect(codeOf(await t.gql(START, { id: stages[2].id }, pm.token))).toBe('INVALID_STAGE_TRANSITION');
    // A closed stage's exit criteria are final: no more decisions, confirmers or waivers.
    const closedCriterion = stages[0].exitCriteria[0];
    expect(codeOf(await t.gql(REJECT, { id: closedCriterion.id, c: 'Too late' }, keyUser.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SET_CONFIRMERS, { id: closedCriterion.id, v: await criterionVersion(closedCriterion.id), c: [keyUser.id] }, pm.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(WAIVE, { id: stages[0].exitCriteria.at(-1).id, r: 'Late' }, steering.token))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
    await t.ok(START, { id: stages[1].id }, pm.token);
    for (const c of stages[1].exitCriteria) {
      if (c.priority !== 'MUST') continue;
      await t.ok(CONFIRM, { id: c.id }, keyUser.token);
      await t.ok(CONFIRM, { id: c.id }, keyUser2.token);
    }
    await t.ok(DECIDE, { i: { stageId: stages[1].id, outcome: 'APPROVED' } }, steering.token);
    expect((await t.ok(CLOSE, { id: stages[1].id }, pm.token)).closeStage.status).toBe('CLOSED');
    const project = await load();
    expect(project.stages.map((s: any) => s.status)).toEqual(['CLOSED', 'CLOSED', 'NOT_STARTED', 'NOT_STARTED', 'NOT_STARTED']);
    expect(project.stages[0].gateDecision.decidedBy.id).toBe(steering.id);
  });

  it('confirmations cannot be altered: no API path, and the database refuses', async () => {
    const [row] = await t.dataSource.query('SELECT id, criterion_id FROM confirmation LIMIT 1');
    await expect(t.dataSource.query("UPDATE confirmation SET comment = 'rewritten' WHERE id = $1", [row.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM confirmation WHERE id = $1', [row.id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query("UPDATE gate_decision SET conditions = 'x'")).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('UPDATE confirmer_change SET confirmer_ids = $1', [[]])).rejects.toThrow(/append-only/);
    for (const table of ['confirmation', 'gate_decision', 'confirmer_change']) {
      await expect(t.dataSource.query(`TRUNCATE ${table} CASCADE`)).rejects.toThrow(/append-only/);
    }
    // What was confirmed and what was waived stay as recorded.
    await expect(t.dataSource.query("UPDATE criterion SET text = text || ' (edited)' WHERE id = $1", [row.criterion_id])).rejects.toThrow(/never change/);
    await expect(t.dataSource.query("UPDATE criterion SET priority = 'COULD' WHERE id = $1", [row.criterion_id])).rejects.toThrow(/never change/);
    const [waived] = await t.dataSource.query('SELECT id FROM criterion WHERE project_id = $1 AND waived_at IS NOT NULL LIMIT 1', [projectId]);
    await expect(t.dataSource.query('UPDATE criterion SET waived_at = NULL, waived_by_id = NULL, waiver_reason = NULL WHERE id = $1', [waived.id])).rejects.toThrow(/waiver/);
    await expect(t.dataSource.query("UPDATE criterion SET waiver_reason = 'rewritten' WHERE id = $1", [waived.id])).rejects.toThrow(/waiver/);
    const { __schema } = await t.ok('{ __schema { mutationType { fields { name } } } }', {}, observer.token);
    const names = __schema.mutationType.fields.map((f: any) => f.name);
    expect(names.filter((n: string) => /confirmation/i.test(n) && /update|delete|remove|edit/i.test(n))).toEqual([]);
  });

  it('the acceptance log lists confirmer assignments, confirmations, waivers and gate decisions in order', async () => {
    const { project } = await t.ok(`query($id: ID!) { project(id: $id) { acceptanceLog { at kind outcome comment user { id } stage { id } criterion { id } confirmers { id } } } }`, { id: projectId }, observer.token);
    const log = project.acceptanceLog;
    const times = log.map((e: any) => e.at);
    expect(times).toEqual([...times].sort());
    expect(log.filter((e: any) => e.kind === 'GATE_DECIDED').map((e: any) => e.outcome)).toEqual(['REJECTED', 'APPROVED_WITH_CONDITIONS', 'APPROVED']);
    expect(log.find((e: any) => e.kind === 'CRITERION_WAIVED')).toMatchObject({ user: { id: steering.id }, comment: 'Scope agreed verbally with the owner' });
    expect(log.find((e: any) => e.kind === 'CRITERION_REJECTED')).toMatchObject({ user: { id: keyUser2.id }, comment: 'The warehouse was not interviewed' });
    const changes = log.filter((e: any) => e.kind === 'CONFIRMERS_SET' && e.criterion.id === stages[0].exitCriteria[2].id);
    expect(changes.map((e: any) => e.confirmers.map((u: any) => u.id).sort())).toEqual([
      [keyUser.id, keyUser2.id].sort(), [keyUser.id, keyUser2.id, clientSteering.id].sort(), [keyUser.id, keyUser2.id].sort(),
    ]);
    expect(changes.every((e: any) => e.user.id === pm.id)).toBe(true);
  });

  describe('criteria and acceptance of milestones', () => {
    let area1: string, area2: string, intake: any, docs: any;

    beforeAll(async () => {
      area1 = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Sales orders") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
      area2 = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Invoicing") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
      const add = async (name: string, functionAreaId: string) => (await t.ok(
        'mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id version tasks { id name } } }',
        { i: { projectId, name, splitBy: 'FUNCTION', functionAreaId } }, pm.token)).addMilestone;
      intake = await add('Sales orders', area1);
      docs = await add('Invoicing', area2);
      // A milestone's acceptance is confirmed by the key users of its function area.
      for (const [user, functionAreaId] of [[keyUser, area1], [keyUser2, area2]] as const) {
        await t.ok(ASSIGN_KEY_USER, { i: { projectId, userId: user.id, functionAreaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } }, pm.token);
      }
      await t.ok('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', {
        i: { predecessorId: intake.tasks.find((x: any) => x.name.endsWith('go-live')).id, successorId: docs.tasks[0].id },
      }, pm.token);
    });

    it('adds criteria to a milestone with member confirmers, refusing bad input', async () => {
      const before = Number((await t.dataSource.query('SELECT count(*) n FROM criterion'))[0].n);
      const outsider = await t.user();
      expect(codeOf(await t.gql(ADD_CRITERION, { i: { milestoneId: intake.id, text: 'x', confirmerIds: [outsider.id] } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_CRITERION, { i: { milestoneId: intake.id, text: 'x', confirmerIds: [] } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_CRITERION, { i: { milestoneId: intake.id, stageId: stages[2].id, text: 'x', confirmerIds: [keyUser.id] } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_CRITERION, { i: { milestoneId: intake.id, text: 'x', confirmerIds: [keyUser.id] } }, keyUser.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(ADD_CRITERION, { i: { stageId: stages[0].id, text: 'x', confirmerIds: [keyUser.id] } }, pm.token))).toBe('BAD_USER_INPUT');
      expect(Number((await t.dataSource.query('SELECT count(*) n FROM criterion'))[0].n)).toBe(before);
      const { addCriterion } = await t.ok(ADD_CRITERION, { i: { milestoneId: intake.id, text: 'Orders are taken in the new system', confirmerIds: [keyUser.id] } }, pm.token);
      expect(addCriterion).toMatchObject({ kind: 'ACCEPTANCE', priority: 'MUST', status: 'PENDING', confirmers: [{ id: keyUser.id }] });
      await t.ok(ADD_CRITERION, { i: { milestoneId: docs.id, text: 'Invoices print correctly', confirmerIds: [keyUser2.id] } }, pm.token);
    });

    const accept = async (m: any, token: string) => {
      const version = (await t.dataSource.query('SELECT version FROM milestone WHERE id = $1', [m.id]))[0].version;
      return t.gql('mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { status } }', { i: { id: m.id, version, status: 'ACCEPTED' } }, token);
    };

    it('a milestone is accepted only with its MUST criteria met, and only after the function it follows', async () => {
      const blocked = await accept(intake, pm.token);
      expect(codeOf(blocked)).toBe('GATE_CRITERIA_NOT_MET');
      expect(blocked.errors![0].extensions!.blockingCriteria).toHaveLength(1);
      const docsCriterion = (await t.ok('query($id: ID!) { project(id: $id) { milestones { id acceptanceCriteria { id } } } }', { id: projectId }, pm.token))
        .project.milestones.find((m: any) => m.id === docs.id).acceptanceCriteria[0];
      await t.ok(CONFIRM, { id: docsCriterion.id }, keyUser2.token);
      const before = await snapshot();
      const early = await accept(docs, pm.token);
      expect(codeOf(early)).toBe('INVALID_STAGE_TRANSITION');
      expect(early.errors![0].message).toContain('"Sales orders"');
      expect(early.errors![0].extensions!.blockingMilestones).toEqual([intake.id]);
      expect(await snapshot()).toEqual(before);
      const intakeCriterion = blocked.errors![0].extensions!.blockingCriteria[0];
      await t.ok(CONFIRM, { id: intakeCriterion }, keyUser.token);
      expect((await accept(intake, pm.token)).data!.updateMilestone.status).toBe('ACCEPTED');
      expect((await accept(docs, pm.token)).data!.updateMilestone.status).toBe('ACCEPTED');
      // Acceptance is final: the milestone stays accepted and its criteria cannot be reopened.
      const version = (await t.dataSource.query('SELECT version FROM milestone WHERE id = $1', [intake.id]))[0].version;
      const back = await t.gql('mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { status } }', { i: { id: intake.id, version, status: 'HYPERCARE' } }, pm.token);
      expect(codeOf(back)).toBe('INVALID_STAGE_TRANSITION');
      expect(codeOf(await t.gql(REJECT, { id: intakeCriterion, c: 'Changed my mind' }, keyUser.token))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(ADD_CRITERION, { i: { milestoneId: intake.id, text: 'Late', confirmerIds: [keyUser.id] } }, pm.token))).toBe('BAD_USER_INPUT');
    });

    it('a function followed through an ordinary task in between is still a prerequisite', async () => {
      const area3 = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Payments") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
      const add = async (name: string, functionAreaId: string) => (await t.ok(
        'mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id version tasks { id name } } }',
        { i: { projectId, name, splitBy: 'FUNCTION', functionAreaId } }, pm.token)).addMilestone;
      const returns = await add('Returns', area2);
      const payments = await add('Payments', area3);
      const between = (await t.ok('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', { i: { projectId, name: 'Data migration', durationDays: 3 } }, pm.token)).addTask;
      const LINK = 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }';
      await t.ok(LINK, { i: { predecessorId: returns.tasks.find((x: any) => x.name.endsWith('go-live')).id, successorId: between.id } }, pm.token);
      await t.ok(LINK, { i: { predecessorId: between.id, successorId: payments.tasks[0].id } }, pm.token);
      const refused = await accept(payments, pm.token);
      expect(codeOf(refused)).toBe('INVALID_STAGE_TRANSITION');
      expect(refused.errors![0].extensions!.blockingMilestones).toEqual([returns.id]);
    });
  });

  describe('transition to support', () => {
    const CHANGE = 'mutation($i: ChangeProjectStatusInput!) { changeProjectStatus(input: $i) { status version } }';
    const SUPPORT = 'mutation($p: ID!, $o: GateOutcome!, $c: String) { decideSupportTransition(projectId: $p, outcome: $o, conditions: $c) { outcome decidedBy { id } } }';
    const toSupport = async () => t.gql(CHANGE, { i: { projectId, version: (await load()).version, status: 'IN_SUPPORT' } }, pm.token);

    /** A stage through its gate: started, MUST criteria confirmed by both key users, approved, closed. */
    const passStage = async (stage: any) => {
      await t.ok(START, { id: stage.id }, pm.token);
      for (const c of stage.exitCriteria.filter((x: any) => x.priority === 'MUST')) {
        await t.ok(CONFIRM, { id: c.id }, keyUser.token);
        await t.ok(CONFIRM, { id: c.id }, keyUser2.token);
      }
      await t.ok(DECIDE, { i: { stageId: stage.id, outcome: 'APPROVED' } }, steering.token);
      await t.ok(CLOSE, { id: stage.id }, pm.token);
    };

    it('is refused while earlier stages are open, naming them; the last stage must have started', async () => {
      const before = await snapshot();
      const early = await toSupport();
      expect(codeOf(early)).toBe('INVALID_STAGE_TRANSITION');
      expect(early.errors![0].message).toContain(`"${stages[2].name}" (NOT_STARTED)`);
      // Nor may the client decide on support this early: a decision months ahead would open the way later.
      const earlyDecision = await t.gql(SUPPORT, { p: projectId, o: 'APPROVED' }, clientSteering.token);
      expect(codeOf(earlyDecision)).toBe('INVALID_STAGE_TRANSITION');
      expect(earlyDecision.errors![0].message).toContain(`"${stages[2].name}" (NOT_STARTED)`);
      expect(await snapshot()).toEqual(before);
      await passStage(stages[2]);
      await passStage(stages[3]);
      const lastNotStarted = await toSupport();
      expect(codeOf(lastNotStarted)).toBe('INVALID_STAGE_TRANSITION');
      expect(lastNotStarted.errors![0].message).toContain(`"${stages[4].name}"`);
      expect(codeOf(await t.gql(SUPPORT, { p: projectId, o: 'APPROVED' }, clientSteering.token))).toBe('INVALID_STAGE_TRANSITION');
      expect(before.p).toBe('IN_PROGRESS');
      expect((await snapshot()).p).toBe('IN_PROGRESS');
      await t.ok(START, { id: stages[4].id }, pm.token);
    });

    it('is refused while completion criteria are open, listing them', async () => {
      const before = await snapshot();
      const result = await toSupport();
      expect(codeOf(result)).toBe('GATE_CRITERIA_NOT_MET');
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { criteria { id kind priority text } } }', { id: projectId }, pm.token);
      const must = project.criteria.filter((c: any) => c.kind === 'COMPLETION' && c.priority === 'MUST');
      expect([...result.errors![0].extensions!.blockingCriteria].sort()).toEqual(must.map((c: any) => c.id).sort());
      for (const c of must) expect(result.errors![0].message).toContain(c.text);
      expect(await snapshot()).toEqual(before);
      expect(before.p).toBe('IN_PROGRESS');
    });

    it('needs the client’s recorded decision, by a client-side steering committee member', async () => {
      const { project } = await t.ok('query($id: ID!) { project(id: $id) { criteria { id kind } } }', { id: projectId }, pm.token);
      for (const c of project.criteria.filter((x: any) => x.kind === 'COMPLETION')) {
        await t.ok(WAIVE, { id: c.id, r: 'Accepted at the final steering committee' }, steering.token);
      }
      const before = await snapshot();
      const noDecision = await toSupport();
      expect(codeOf(noDecision)).toBe('GATE_NOT_APPROVED');
      expect(noDecision.errors![0].message).toContain('decideSupportTransition');
      expect(codeOf(await t.gql(SUPPORT, { p: projectId, o: 'APPROVED' }, steering.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SUPPORT, { p: projectId, o: 'APPROVED' }, keyUser.token))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SUPPORT, { p: projectId, o: 'APPROVED' }, (await t.user({ admin: true, organization: 'CLIENT' as never })).token))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      const { decideSupportTransition } = await t.ok(SUPPORT, { p: projectId, o: 'APPROVED' }, clientSteering.token);
      expect(decideSupportTransition).toMatchObject({ outcome: 'APPROVED', decidedBy: { id: clientSteering.id } });
      expect(codeOf(await t.gql(CHANGE, { i: { projectId, version: 1, status: 'IN_SUPPORT' } }, pm.token))).toBe('STALE_VERSION');
      expect((await toSupport()).data!.changeProjectStatus.status).toBe('IN_SUPPORT');
      // Decided and done: a later decision cannot rewrite it.
      const after = await snapshot();
      const late = await t.gql(SUPPORT, { p: projectId, o: 'REJECTED', c: 'Changed our mind' }, clientSteering.token);
      expect(codeOf(late)).toBe('INVALID_STAGE_TRANSITION');
      expect(late.errors![0].message).toContain('already IN_SUPPORT');
      expect(await snapshot()).toEqual(after);
    });

    it('the last stage closes through its gate; a project in support does not go back', async () => {
      // The gate is approved once its MUST exit criteria are met (approving earlier is GATE_CRITERIA_NOT_MET).
      for (const c of stages[4].exitCriteria.filter((x: any) => x.priority === 'MUST')) {
        await t.ok(CONFIRM, { id: c.id }, keyUser.token);
        await t.ok(CONFIRM, { id: c.id }, keyUser2.token);
      }
      await t.ok(DECIDE, { i: { stageId: stages[4].id, outcome: 'APPROVED' } }, steering.token);
      await t.ok(CLOSE, { id: stages[4].id }, pm.token);
      const project = await load();
      expect(project.stages.map((s: any) => s.status)).toEqual(['CLOSED', 'CLOSED', 'CLOSED', 'CLOSED', 'CLOSED']);
      const back = await t.gql(CHANGE, { i: { projectId, version: project.version, status: 'IN_PROGRESS' } }, pm.token);
      expect(codeOf(back)).toBe('INVALID_STAGE_TRANSITION');
      expect(back.errors![0].message).toContain('CLOSED');
      expect((await t.ok(CHANGE, { i: { projectId, version: project.version, status: 'CLOSED' } }, pm.token)).changeProjectStatus.status).toBe('CLOSED');
    });
  });

  describe('status derived from every sequence of decisions', () => {
    let statusProject: string;
    type Step = [TestUser, 'confirm' | 'reject'];
    const A = () => keyUser;
    const B = () => keyUser2;
    const CASES: [string, () => TestUser[], () => Step[], string][] = [
      ['one confirmer, no decision', () => [A()], () => [], 'PENDING'],
      ['one confirmer confirms', () => [A()], () => [[A(), 'confirm']], 'CONFIRMED'],
      ['one confirmer rejects', () => [A()], () => [[A(), 'reject']], 'REJECTED'],
      ['one confirmer rejects, then confirms', () => [A()], () => [[A(), 'reject'], [A(), 'confirm']], 'CONFIRMED'],
      ['one confirmer confirms, then rejects', () => [A()], () => [[A(), 'confirm'], [A(), 'reject']], 'REJECTED'],
      ['two confirmers, no decision', () => [A(), B()], () => [], 'PENDING'],
      ['two confirmers, one confirms', () => [A(), B()], () => [[A(), 'confirm']], 'PENDING'],
      ['two confirmers, one rejects', () => [A(), B()], () => [[A(), 'reject']], 'REJECTED'],
      ['two confirmers, both confirm', () => [A(), B()], () => [[A(), 'confirm'], [B(), 'confirm']], 'CONFIRMED'],
      ['two confirmers, one confirms and one rejects', () => [A(), B()], () => [[A(), 'confirm'], [B(), 'reject']], 'REJECTED'],
      ['two confirmers, the rejecter re-confirms', () => [A(), B()], () => [[A(), 'confirm'], [B(), 'reject'], [B(), 'confirm']], 'CONFIRMED'],
      ['two confirmers, both confirm, then one rejects', () => [A(), B()], () => [[A(), 'confirm'], [B(), 'confirm'], [A(), 'reject']], 'REJECTED'],
      ['two confirmers, one rejects then confirms, the other silent', () => [A(), B()], () => [[A(), 'reject'], [A(), 'confirm']], 'PENDING'],
      ['two confirmers, both reject, one re-confirms', () => [A(), B()], () => [[A(), 'reject'], [B(), 'reject'], [A(), 'confirm']], 'REJECTED'],
      ['two confirmers, both reject, both re-confirm', () => [A(), B()], () => [[A(), 'reject'], [B(), 'reject'], [A(), 'confirm'], [B(), 'confirm']], 'CONFIRMED'],
    ];

    beforeAll(async () => {
      statusProject = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: unique('STATUS'), name: 'Status table', clientName: 'Client', templateKey: 'billing-remote', startDate: '2026-03-02' },
      }, pm.token)).createProject.id;
      for (const user of [keyUser, keyUser2]) await t.ok(ADD_MEMBER, { p: statusProject, u: user.id, r: 'KEY_USER' }, pm.token);
    });

    for (const [name, confirmers, steps, expected] of CASES) {
      it(`${name}: ${expected}`, async () => {
        const { addCriterion } = await t.ok(ADD_CRITERION, { i: { projectId: statusProject, text: name, confirmerIds: confirmers().map((u) => u.id) } }, pm.token);
        let status = addCriterion.status;
        for (const [user, step] of steps()) {
          status = step === 'confirm'
            ? (await t.ok(CONFIRM, { id: addCriterion.id }, user.token)).confirmCriterion.status
            : (await t.ok(REJECT, { id: addCriterion.id, c: 'Not yet' }, user.token)).rejectCriterion.status;
        }
        expect(status).toBe(expected);
        const { project } = await t.ok('query($id: ID!) { project(id: $id) { criteria { id status confirmations { user { id } decision } } } }', { id: statusProject }, pm.token);
        const stored = project.criteria.find((c: any) => c.id === addCriterion.id);
        expect(stored.status).toBe(expected);
        expect(stored.confirmations.map((c: any) => [c.user.id, c.decision])).toEqual(steps().map(([u, step]) => [u.id, step === 'confirm' ? 'CONFIRMED' : 'REJECTED']));
      });
    }
  });

  /**
   * A step that needs criteria met and a change to those criteria, sent at the same moment:
   * whichever lands first, the other sees it, so a stage never closes (nor a milestone is
   * accepted) over a rejection that was acknowledged.
   */
  describe('concurrent steps', () => {
    let raceProject: string;
    let raceStages: any[];
    const ROUNDS = 4;
    const loadRace = async () => (await t.ok(STAGES, { id: raceProject }, pm.token)).project;

    beforeAll(async () => {
      raceProject = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: unique('RACE'), name: 'Races', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
      }, pm.token)).createProject.id;
      for (const [user, role] of [[steering, 'STEERING_COMMITTEE'], [keyUser, 'KEY_USER'], [keyUser2, 'KEY_USER']] as const) {
        await t.ok(ADD_MEMBER, { p: raceProject, u: user.id, r: role }, pm.token);
      }
      raceStages = (await loadRace()).stages;
      for (const stage of raceStages) {
        for (const c of stage.exitCriteria) await t.ok(SET_CONFIRMERS, { id: c.id, v: await criterionVersion(c.id), c: [keyUser.id] }, pm.token);
      }
    });

    /** Starts the stage, confirms its MUST criteria and has its gate approved: ready to close. */
    const readyToClose = async (stage: any) => {
      await t.ok(START, { id: stage.id }, pm.token);
      for (const c of stage.exitCriteria.filter((x: any) => x.priority === 'MUST')) await t.ok(CONFIRM, { id: c.id }, keyUser.token);
      await t.ok(DECIDE, { i: { stageId: stage.id, outcome: 'APPROVED' } }, steering.token);
    };

    it('closing a stage and rejecting or adding one of its criteria never both land', async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const stage = raceStages[round];
        await readyToClose(stage);
        const must = stage.exitCriteria.find((c: any) => c.priority === 'MUST');
        const [closed, rejected, added] = await Promise.all([
          t.gql(CLOSE, { id: stage.id }, pm.token),
          t.gql(REJECT, { id: must.id, c: `Round ${round}: not done` }, keyUser.token),
          t.gql(ADD_CRITERION, { i: { stageId: stage.id, text: `Round ${round}: one more`, confirmerIds: [keyUser.id] } }, pm.token),
        ]);
        const after = (await loadRace()).stages[round];
        if (closed.errors) {
          expect(codeOf(closed)).toBe('GATE_CRITERIA_NOT_MET');
          expect(after.status).not.toBe('CLOSED');
          // Clear the way for the next round.
          for (const c of after.exitCriteria.filter((x: any) => x.priority === 'MUST' && x.status !== 'CONFIRMED')) {
            await t.ok(SET_CONFIRMERS, { id: c.id, v: await criterionVersion(c.id), c: [keyUser.id] }, pm.token);
            await t.ok(CONFIRM, { id: c.id }, keyUser.token);
          }
          await t.ok(CLOSE, { id: stage.id }, pm.token);
        } else {
          // Closed first: the rejection and the new criterion came too late, and nothing of them was written.
          expect(codeOf(rejected)).toBe('BAD_USER_INPUT');
          expect(codeOf(added)).toBe('BAD_USER_INPUT');
          expect(after.exitCriteria.every((c: any) => c.priority !== 'MUST' || c.status === 'CONFIRMED')).toBe(true);
          expect(after.exitCriteria.some((c: any) => c.text === `Round ${round}: one more`)).toBe(false);
        }
        const final = (await loadRace()).stages[round];
        expect(final.status).toBe('CLOSED');
        expect(final.exitCriteria.filter((c: any) => c.priority === 'MUST' && c.status !== 'CONFIRMED')).toEqual([]);
      }
    });

    it('a confirmer being removed and their rejection never both land', async () => {
      const criterion = (await t.ok(ADD_CRITERION, { i: { projectId: raceProject, text: 'Confirmer race', confirmerIds: [keyUser.id, keyUser2.id] } }, pm.token)).addCriterion;
      await t.ok(CONFIRM, { id: criterion.id }, keyUser.token);
      for (let round = 0; round < ROUNDS; round++) {
        const [removed, rejected] = await Promise.all([
          t.gql(SET_CONFIRMERS, { id: criterion.id, v: await criterionVersion(criterion.id), c: [keyUser.id] }, pm.token),
          t.gql(REJECT, { id: criterion.id, c: `Round ${round}: wrong` }, keyUser2.token),
        ]);
        const state = (await t.ok('query($id: ID!) { project(id: $id) { criteria { id status confirmers { id } } } }', { id: raceProject }, pm.token))
          .project.criteria.find((c: any) => c.id === criterion.id);
        // Never a rejection acknowledged and then silently dropped with its author.
        expect(removed.errors && rejected.errors).toBeFalsy();
        if (!rejected.errors) {
          expect(state.confirmers.map((c: any) => c.id)).toContain(keyUser2.id);
          expect(state.status).toBe('REJECTED');
        } else {
          expect(codeOf(rejected)).toBe('NOT_A_CONFIRMER');
          expect(state.confirmers.map((c: any) => c.id)).toEqual([keyUser.id]);
        }
        // Back to two confirmers, keyUser2 confirming, for the next round.
        await t.ok(SET_CONFIRMERS, { id: criterion.id, v: await criterionVersion(criterion.id), c: [keyUser.id, keyUser2.id] }, pm.token);
        await t.ok(CONFIRM, { id: criterion.id }, keyUser2.token);
      }
    });
  });

  describe('who may confirm: the client’s key users and steering committee', () => {
    const CLIENT = { organization: 'CLIENT' as never };
    let p: string, area: string, otherArea: string, territory: string, milestone: any, criterion: string;
    let manager: TestUser, sponsor: TestUser, supplier: TestUser, areaKeyUser: TestUser, otherKeyUser: TestUser, integratorKeyUser: TestUser,
      clientObserver: TestUser, consultant: TestUser;
    const as = (token: string) => ({ ok: (q: string, v: any) => t.ok(q, v, token), gql: (q: string, v: any) => t.gql(q, v, token) });
    const assign = (userId: string, functionAreaId: string, territoryId: string | null = null) =>
      t.ok(ASSIGN_KEY_USER, { i: { projectId: p, userId, functionAreaId, territoryId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } }, manager.token);
    const setConfirmers = async (id: string, c: string[]) => t.gql(SET_CONFIRMERS, { id, v: await criterionVersion(id), c }, manager.token);

    beforeAll(async () => {
      [manager, sponsor, supplier, areaKeyUser, otherKeyUser, integratorKeyUser, clientObserver, consultant] = await Promise.all([
        t.user(CLIENT), t.user(CLIENT), t.user(), t.user(CLIENT),
        t.user(CLIENT), t.user(), t.user(CLIENT), t.user(),
      ]);
      p = (await as(manager.token).ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
        i: { code: unique('WHO'), name: 'Who confirms', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
      })).createProject.id;
      for (const [user, role] of [[sponsor, 'STEERING_COMMITTEE'], [supplier, 'STEERING_COMMITTEE'], [areaKeyUser, 'KEY_USER'], [areaKeyUser, 'TRAINER'],
        [otherKeyUser, 'KEY_USER'], [integratorKeyUser, 'KEY_USER'], [clientObserver, 'OBSERVER'], [consultant, 'CONSULTANT']] as const) {
        await t.ok(ADD_MEMBER, { p, u: user.id, r: role }, manager.token);
      }
      area = (await as(manager.token).ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Orders") { id } }', { p })).addFunctionArea.id;
      otherArea = (await as(manager.token).ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Documents") { id } }', { p })).addFunctionArea.id;
      territory = (await as(manager.token).ok('mutation($p: ID!) { addTerritory(projectId: $p, name: "Plant 2") { id } }', { p })).addTerritory.id;
      milestone = (await as(manager.token).ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', {
        i: { projectId: p, name: 'Orders at plant 2', splitBy: 'FUNCTION_AND_TERRITORY', functionAreaId: area, territoryId: territory },
      })).addMilestone;
      await assign(areaKeyUser.id, area, territory);
      await assign(otherKeyUser.id, otherArea);
      await assign(integratorKeyUser.id, area);
      criterion = (await as(manager.token).ok(ADD_CRITERION, { i: { milestoneId: milestone.id, text: 'Orders flow at plant 2', confirmerIds: [areaKeyUser.id] } })).addCriterion.id;
    });

    it('refuses integrators, observers and key users of another area as confirmers, naming each; changes nothing', async () => {
      const [{ count: before }] = await t.dataSource.query('SELECT count(*)::int FROM confirmer_change WHERE criterion_id = $1', [criterion]);
      for (const person of [supplier, integratorKeyUser, clientObserver, consultant, otherKeyUser]) {
        const refused = await setConfirmers(criterion, [areaKeyUser.id, person.id]);
        expect({ who: person.email, code: codeOf(refused) }).toEqual({ who: person.email, code: 'BAD_USER_INPUT' });
        expect(refused.errors![0].message).toContain(`${person.email} (${person.id})`);
        expect(refused.errors![0].extensions).toMatchObject({ field: 'confirmerIds', userIds: [person.id] });
        const added = await t.gql(ADD_CRITERION, { i: { milestoneId: milestone.id, text: 'x', confirmerIds: [person.id] } }, manager.token);
        expect(codeOf(added)).toBe('BAD_USER_INPUT');
      }
      // For exit and completion criteria, every client key user may confirm; integrators still not.
      const exitCriterion = (await t.ok(STAGES, { id: p }, manager.token)).project.stages[0].exitCriteria[0].id;
      expect(codeOf(await setConfirmers(exitCriterion, [otherKeyUser.id, sponsor.id]))).toBeUndefined();
      expect(codeOf(await setConfirmers(exitCriterion, [integratorKeyUser.id]))).toBe('BAD_USER_INPUT');
      const [{ count: after }] = await t.dataSource.query('SELECT count(*)::int FROM confirmer_change WHERE criterion_id = $1', [criterion]);
      expect(after).toBe(before);
      // The client's steering committee and the area's key users may.
      expect(codeOf(await setConfirmers(criterion, [areaKeyUser.id, sponsor.id]))).toBeUndefined();
    });

    it('a confirmer who is no longer eligible cannot decide (data from before the rule)', async () => {
      const c = (await t.ok(ADD_CRITERION, { i: { milestoneId: milestone.id, text: 'Old data', confirmerIds: [areaKeyUser.id] } }, manager.token)).addCriterion.id;
      await t.dataSource.query('INSERT INTO criterion_confirmer (criterion_id, user_id) VALUES ($1, $2), ($1, $3)', [c, consultant.id, otherKeyUser.id]);
      for (const person of [consultant, otherKeyUser]) {
        const refused = await t.gql(CONFIRM, { id: c }, person.token);
        expect({ who: person.email, code: codeOf(refused) }).toEqual({ who: person.email, code: 'NOT_A_CONFIRMER' });
        expect(refused.errors![0].message).toContain(person.email);
      }
      expect(Number((await t.dataSource.query('SELECT count(*) n FROM confirmation WHERE criterion_id = $1', [c]))[0].n)).toBe(0);
      await t.dataSource.query('DELETE FROM criterion_confirmer WHERE criterion_id = $1 AND user_id = ANY($2::uuid[])', [c, [consultant.id, otherKeyUser.id]]);
      expect(codeOf(await setConfirmers(c, [sponsor.id]))).toBeUndefined();
    });

    it('what makes someone a confirmer is not taken away while open criteria need it', async () => {
      const removeRole = (userId: string, role: string) => t.gql('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { removeMember(projectId: $p, userId: $u, role: $r) }', { p, u: userId, r: role }, manager.token);
      const assignments = async (userId: string) => t.dataSource.query('SELECT id, version FROM key_user_assignment WHERE project_id = $1 AND user_id = $2', [p, userId]);
      const [only] = await assignments(areaKeyUser.id);
      const removeAssignment = (a: any) => t.gql('mutation($id: ID!, $v: Int!) { removeKeyUser(id: $id, version: $v) }', { id: a.id, v: a.version }, manager.token);
      // The area key user confirms the milestone's criterion and also trains: KEY_USER cannot go, nor their assignment.
      const roleRefused = await removeRole(areaKeyUser.id, 'KEY_USER');
      expect(codeOf(roleRefused)).toBe('BAD_USER_INPUT');
      expect(roleRefused.errors![0].extensions).toMatchObject({ field: 'role', keyUserAssignmentIds: [only.id] });
      const assignmentRefused = await removeAssignment(only);
      expect(codeOf(assignmentRefused)).toBe('BAD_USER_INPUT');
      expect(assignmentRefused.errors![0].extensions).toMatchObject({ criterionIds: [criterion] });
      // A second assignment covering the milestone lets the first go; the role goes once nothing needs it.
      const second = (await assign(areaKeyUser.id, area)).assignKeyUser;
      expect(codeOf(await removeAssignment(only))).toBeUndefined();
      expect(codeOf(await removeAssignment(second))).toBe('BAD_USER_INPUT');
      expect(codeOf(await setConfirmers(criterion, [sponsor.id]))).toBeUndefined();
      expect(codeOf(await removeAssignment(second))).toBeUndefined();
      expect(codeOf(await removeRole(areaKeyUser.id, 'KEY_USER'))).toBeUndefined();
      // The client sponsor confirms; taking away their committee role is refused while they do.
      await t.ok(ADD_MEMBER, { p, u: sponsor.id, r: 'OBSERVER' }, manager.token);
      const sponsorRefused = await removeRole(sponsor.id, 'STEERING_COMMITTEE');
      expect(codeOf(sponsorRefused)).toBe('BAD_USER_INPUT');
      expect(sponsorRefused.errors![0].extensions!.criterionIds).toContain(criterion);
    });

    it('the upgrade takes ineligible confirmers off open criteria, logs why, and gives assigned observers the KEY_USER role', async () => {
      const c = (await t.ok(ADD_CRITERION, { i: { milestoneId: milestone.id, text: 'Before the rule', confirmerIds: [sponsor.id] } }, manager.token)).addCriterion.id;
      const version = await criterionVersion(c);
      // Data from before the rule: an integrator and an observer as confirmers, an observer holding an assignment.
      await t.dataSource.query('INSERT INTO criterion_confirmer (criterion_id, user_id) VALUES ($1, $2), ($1, $3)', [c, consultant.id, clientObserver.id]);
      await t.ok(CONFIRM, { id: c }, sponsor.token);
      await t.dataSource.query('INSERT INTO confirmation (criterion_id, user_id, decision) VALUES ($1, $2, $3)', [c, consultant.id, 'CONFIRMED']);
      await t.dataSource.query(`INSERT INTO key_user_assignment (project_id, user_id, function_area_id, process_knowledge, system_logic, engagement, teaching, version)
                                VALUES ($1, $2, $3, 4, 4, 4, 4, 1)`, [p, clientObserver.id, otherArea]);
      const report = await bringConfirmersUnderTheRules(t.dataSource, [p]);
      expect(report.keyUserRolesGiven).toEqual([{ projectId: p, userId: clientObserver.id }]);
      expect(report.confirmersRemoved).toEqual([{ criterionId: c, removedUserIds: [consultant.id, clientObserver.id].sort(), keptUserIds: [sponsor.id] }]);
      const { project } = await t.ok(`query($id: ID!) { project(id: $id) { milestones { acceptanceCriteria { id status confirmers { id } confirmations { user { id } } } }
        acceptanceLog { kind user { id } comment criterion { id } confirmers { id } } } }`, { id: p }, manager.token);
      const after = project.milestones[0].acceptanceCriteria.find((x: any) => x.id === c);
      expect(after.confirmers).toEqual([{ id: sponsor.id }]);
      expect(after.confirmations.map((x: any) => x.user.id)).toEqual([sponsor.id, consultant.id]); // history stays
      expect(project.acceptanceLog.filter((e: any) => e.criterion?.id === c).at(-1)).toEqual({
        kind: 'CONFIRMERS_SET', user: null, comment: MIGRATION_REASON, criterion: { id: c }, confirmers: [{ id: sponsor.id }],
      });
      expect(await criterionVersion(c)).toBe(version + 1);
      // Everything follows the rules now: a second run changes nothing.
      expect(await bringConfirmersUnderTheRules(t.dataSource, [p])).toEqual({ keyUserRolesGiven: [], confirmersRemoved: [] });
    });
  });
});
