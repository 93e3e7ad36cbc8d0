import { codeOf, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Ids inside an operation: a manager acting in their own project passes ids of another client's
 * project (stages, milestones, tasks, areas, territories, people). Each is refused, and neither
 * project changes.
 */
describe('ids from another project inside an operation (e2e)', () => {
  let t: TestApp;
  let pmA: TestUser, pmB: TestUser, memberB: TestUser, memberA: TestUser;
  let a: Fixture, b: Fixture;

  interface Fixture { projectId: string; stageId: string; milestoneId: string; taskId: string; plainTaskId: string; areaId: string; territoryId: string; criterionId: string; riskId: string; issueId: string }

  const ADD_MEMBER = 'mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }';

  async function fixture(pm: TestUser, member: TestUser): Promise<Fixture> {
    const project = (await t.ok('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id exitCriteria { id version } } } }', {
      i: { code: unique('XP'), name: 'Cross', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    }, pm.token)).createProject;
    const projectId = project.id;
    await t.ok(ADD_MEMBER, { p: projectId, u: member.id, r: 'KEY_USER' }, pm.token);
    const areaId = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Orders") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
    const territoryId = (await t.ok('mutation($p: ID!) { addTerritory(projectId: $p, name: "Plant") { id } }', { p: projectId }, pm.token)).addTerritory.id;
    const milestone = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id tasks { id } } }', {
      i: { projectId, name: 'Orders at the plant', splitBy: 'FUNCTION_AND_TERRITORY', functionAreaId: areaId, territoryId },
    }, pm.token)).addMilestone;
    const plainTaskId = (await t.ok('mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', { i: { projectId, name: 'Plain', durationDays: 1 } }, pm.token)).addTask.id;
    const riskId = (await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Cutover at the plant', probability: 3, impact: 4 } }, pm.token)).addRisk.id;
    const issueId = (await t.ok('mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', { i: { projectId, title: 'Orders lost at the plant', type: 'PROBLEM', priority: 'HIGH' } }, pm.token)).raiseIssue.id;
    return {
      riskId, issueId,
      projectId, stageId: project.stages[0].id, milestoneId: milestone.id, taskId: milestone.tasks[0].id, plainTaskId, areaId, territoryId,
      criterionId: project.stages[0].exitCriteria[0].id,
    };
  }

  /** Every row either project owns, per table: a refusal must leave all of them as they were. */
  const snapshot = async () => {
    const ids = [a.projectId, b.projectId];
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM task WHERE project_id = ANY($1))::int AS tasks,
              (SELECT count(*) FROM dependency WHERE project_id = ANY($1))::int AS links,
              (SELECT count(*) FROM milestone WHERE project_id = ANY($1))::int AS milestones,
              (SELECT count(*) FROM criterion WHERE project_id = ANY($1))::int AS criteria,
              (SELECT count(*) FROM criterion_confirmer cc JOIN criterion c ON c.id = cc.criterion_id WHERE c.project_id = ANY($1))::int AS confirmers,
              (SELECT count(*) FROM key_user_assignment WHERE project_id = ANY($1))::int AS key_users,
              (SELECT count(*) FROM training_session WHERE project_id = ANY($1))::int AS sessions,
              (SELECT count(*) FROM training_attendance ta JOIN training_session s ON s.id = ta.session_id WHERE s.project_id = ANY($1))::int AS invitations,
              (SELECT count(*) FROM membership WHERE project_id = ANY($1))::int AS members,
              (SELECT json_agg(r ORDER BY r.id) FROM risk r WHERE project_id = ANY($1))::text AS risks,
              (SELECT json_agg(i ORDER BY i.id) FROM project_issue i WHERE project_id = ANY($1))::text AS issues,
              (SELECT json_agg(json_build_array(p.budget::text, p.currency, p.time_tolerance_days, p.cost_tolerance_percent, p.version) ORDER BY p.id) FROM project p WHERE id = ANY($1))::text AS tolerances`,
      [ids],
    );
    return row;
  };

  beforeAll(async () => {
    t = await TestApp.start();
    [pmA, pmB, memberA, memberB] = await Promise.all([t.user(), t.user(), t.user(), t.user()]);
    a = await fixture(pmA, memberA);
    b = await fixture(pmB, memberB);
  });
  afterAll(() => t.close());

  const slot = { startsAt: '2027-02-01T09:00:00+03:00', endsAt: '2027-02-01T10:00:00+03:00' };
  const CASES: [string, string, () => Record<string, unknown>][] = [
    ['addTask with a stage of B', 'mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', () => ({ i: { projectId: a.projectId, name: 'x', durationDays: 1, stageId: b.stageId } })],
    ['addTask with a milestone of B', 'mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', () => ({ i: { projectId: a.projectId, name: 'x', durationDays: 1, milestoneId: b.milestoneId } })],
    ['addDependency to a task of B', 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', () => ({ i: { predecessorId: a.taskId, successorId: b.taskId } })],
    ['addMilestone with a function area of B', 'mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', () => ({ i: { projectId: a.projectId, name: 'x', splitBy: 'FUNCTION', functionAreaId: b.areaId } })],
    ['addMilestone with a territory of B', 'mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', () => ({ i: { projectId: a.projectId, name: 'x', splitBy: 'TERRITORY', territoryId: b.territoryId } })],
    ['addCriterion with a confirmer of B', 'mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', () => ({ i: { projectId: a.projectId, text: 'x', confirmerIds: [memberB.id] } })],
    ['assignKeyUser with a member of B', 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', () => ({ i: { projectId: a.projectId, userId: memberB.id, functionAreaId: a.areaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } })],
    ['assignKeyUser with a function area of B', 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', () => ({ i: { projectId: a.projectId, userId: memberA.id, functionAreaId: b.areaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } })],
    ['assignKeyUser with a territory of B', 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', () => ({ i: { projectId: a.projectId, userId: memberA.id, functionAreaId: a.areaId, territoryId: b.territoryId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } })],
    ...(['functionAreaId', 'territoryId', 'milestoneId'] as const).map((field): [string, string, () => Record<string, unknown>] => [
      `scheduleTraining with a ${field} of B`, 'mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }',
      () => ({ i: { projectId: a.projectId, title: 'x', audience: 'KEY_USERS', format: 'ONSITE', location: 'Room', trainerId: pmA.id, capacity: 5, ...slot, [field]: ({ functionAreaId: b.areaId, territoryId: b.territoryId, milestoneId: b.milestoneId })[field] } }),
    ]),
    ...(['stageId', 'milestoneId', 'ownerId'] as const).map((field): [string, string, () => Record<string, unknown>] => [
      `updateTask with a ${field} of B`, 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }',
      () => ({ i: { id: a.plainTaskId, version: 1, [field]: ({ stageId: b.stageId, milestoneId: b.milestoneId, ownerId: memberB.id })[field] } }),
    ]),
    ['removeTask of B', 'mutation($id: ID!) { removeTask(id: $id) }', () => ({ id: b.taskId })],
    ['removeMilestone of B', 'mutation($id: ID!) { removeMilestone(id: $id) }', () => ({ id: b.milestoneId })],
    ['removeFunctionArea of B', 'mutation($id: ID!) { removeFunctionArea(id: $id) }', () => ({ id: b.areaId })],
    ['removeTerritory of B', 'mutation($id: ID!) { removeTerritory(id: $id) }', () => ({ id: b.territoryId })],
    ['updateProject of B', 'mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }', () => ({ i: { id: b.projectId, version: 1, name: 'Taken over' } })],
    ['removeMember of a member of B, in A', 'mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: KEY_USER) }', () => ({ p: a.projectId, u: memberB.id })],
    ['removeMember in B', 'mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: KEY_USER) }', () => ({ p: b.projectId, u: memberB.id })],
    ['scheduleTraining with a trainer of B', 'mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', () => ({ i: { projectId: a.projectId, title: 'x', audience: 'KEY_USERS', format: 'ONSITE', location: 'Room', trainerId: pmB.id, capacity: 5, ...slot } })],
    ['addRisk with an owner from B', 'mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', () => ({ i: { projectId: a.projectId, title: 'x', probability: 2, impact: 2, ownerId: memberB.id } })],
    ['updateRisk with an owner from B', 'mutation($i: UpdateRiskInput!) { updateRisk(input: $i) { id } }', () => ({ i: { id: a.riskId, version: 1, ownerId: memberB.id } })],
    ['updateRisk of a risk of B', 'mutation($i: UpdateRiskInput!) { updateRisk(input: $i) { id } }', () => ({ i: { id: b.riskId, version: 1, title: 'Taken over' } })],
    ['raiseIssue with an owner from B', 'mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', () => ({ i: { projectId: a.projectId, title: 'x', type: 'PROBLEM', priority: 'LOW', ownerId: memberB.id } })],
    ['raiseIssue in B', 'mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', () => ({ i: { projectId: b.projectId, title: 'x', type: 'PROBLEM', priority: 'LOW' } })],
    ['updateIssue with an owner from B', 'mutation($i: UpdateIssueInput!) { updateIssue(input: $i) { id } }', () => ({ i: { id: a.issueId, version: 1, ownerId: memberB.id } })],
    ['updateIssue of an issue of B', 'mutation($i: UpdateIssueInput!) { updateIssue(input: $i) { id } }', () => ({ i: { id: b.issueId, version: 1, status: 'CLOSED' } })],
    ['setTolerances of B', 'mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', () => ({ i: { projectId: b.projectId, budget: '1.00' } })],
    ['scheduleTraining with an attendee of B', 'mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', () => ({ i: { projectId: a.projectId, title: 'x', audience: 'KEY_USERS', format: 'ONSITE', location: 'Room', trainerId: pmA.id, capacity: 5, attendeeIds: [memberB.id], ...slot } })],
  ];

  for (const [name, query, variables] of CASES) {
    it(`${name} is refused and changes nothing`, async () => {
      const before = await snapshot();
      const result = await t.gql(query, variables(), pmA.token);
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(codeOf(result));
      // The refusal does not describe B's object beyond the id the caller sent.
      expect(result.errors![0].message).not.toMatch(/Orders at the plant|Plant|Cross/);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('setCriterionConfirmers with a member of B is refused and changes nothing', async () => {
    const before = await snapshot();
    const [{ version }] = await t.dataSource.query('SELECT version FROM criterion WHERE id = $1', [a.criterionId]);
    const result = await t.gql('mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }',
      { id: a.criterionId, v: version, c: [memberB.id] }, pmA.token);
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('inviting a member of B to a session of A is refused and changes nothing', async () => {
    const session = (await t.ok('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', {
      i: { projectId: a.projectId, title: 'Orders', audience: 'KEY_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/a', trainerId: pmA.id, capacity: 5, startsAt: '2027-02-02T09:00:00+03:00', endsAt: '2027-02-02T10:00:00+03:00' },
    }, pmA.token)).scheduleTraining;
    const before = await snapshot();
    expect(codeOf(await t.gql('mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { id } }', { s: session.id, u: [memberB.id] }, pmA.token))).toBe('BAD_USER_INPUT');
    expect(await snapshot()).toEqual(before);
  });

  it('a manager of both projects is told the link crosses projects; a manager of one only that the task is not found', async () => {
    await t.ok(ADD_MEMBER, { p: b.projectId, u: pmA.id, r: 'PROJECT_MANAGER' }, pmB.token);
    const link = 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }';
    const both = await t.gql(link, { i: { predecessorId: a.taskId, successorId: b.taskId } }, pmA.token);
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0].message).toMatch(/same project/);
    const outsider = await t.gql(link, { i: { predecessorId: b.taskId, successorId: a.taskId } }, pmB.token);
    expect(codeOf(outsider)).toBe('NOT_FOUND');
  });
});
