import type { TestApp, TestUser } from './test-app';

/**
 * The plan the status-report suites report on, from a `prince2-crm` project started 2026-03-02 on
 * the RU calendar: a Sales milestone (10 days' preparation) whose key user has attended no
 * key-user session (not ready), a baseline, the first stage task finished in the first week and the
 * preparation 90 % done, a budget of 1,000,000 set by the committee, one MUST criterion of the
 * first stage waived after the baseline and one rejected, two risks (scores 2 and 16) and two open
 * issues.
 */
export async function stageReportingScene(t: TestApp, scene: {
  projectId: string;
  pm: TestUser;
  sponsor: TestUser;
  keyUser: TestUser;
  /** The first stage's first task, and the first stage's MUST criteria. */
  firstTaskId: string;
  mustCriteria: { id: string }[];
}): Promise<{ milestoneId: string; prepareId: string }> {
  const { projectId, pm, sponsor, keyUser, mustCriteria } = scene;
  const taskVersion = async (id: string) => (await t.dataSource.query('SELECT version FROM task WHERE id = $1', [id]))[0].version as number;
  const areaId = (await t.ok('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Sales") { id } }', { p: projectId }, pm.token)).addFunctionArea.id;
  const m = (await t.ok('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id tasks { id name } } }', {
    i: { projectId, name: 'Sales go-live', splitBy: 'FUNCTION', functionAreaId: areaId, prepareDays: 10, hypercareDays: 10 },
  }, pm.token)).addMilestone;
  const prepareId = m.tasks.find((x: any) => x.name.endsWith('prepare')).id as string;
  await t.ok('mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', {
    i: { projectId, userId: keyUser.id, functionAreaId: areaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 },
  }, pm.token);
  await t.ok('mutation($p: ID!) { captureBaseline(projectId: $p, name: "Approved plan") { id } }', { p: projectId }, pm.token);

  const UPDATE_TASK = 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }';
  await t.ok(UPDATE_TASK, { i: { id: scene.firstTaskId, version: await taskVersion(scene.firstTaskId), actualStart: '2026-03-02', actualFinish: '2026-03-06' } }, pm.token);
  await t.ok(UPDATE_TASK, { i: { id: prepareId, version: await taskVersion(prepareId), actualStart: '2026-03-02', percentComplete: 90 } }, pm.token);

  await t.ok('mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', { i: { projectId, budget: '1000000' } }, sponsor.token);
  await t.ok('mutation($id: ID!, $r: String!) { waiveCriterion(id: $id, reason: $r) { id } }', { id: mustCriteria[0].id, r: 'Agreed at the board' }, sponsor.token);
  const cVersion = (await t.dataSource.query('SELECT version FROM criterion WHERE id = $1', [mustCriteria[1].id]))[0].version;
  await t.ok('mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }', { id: mustCriteria[1].id, v: cVersion, c: [keyUser.id] }, pm.token);
  await t.ok('mutation($id: ID!) { rejectCriterion(id: $id, comment: "Not tested") { id } }', { id: mustCriteria[1].id }, keyUser.token);

  await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Low risk', probability: 1, impact: 2 } }, pm.token);
  await t.ok('mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', { i: { projectId, title: 'Data migration late', probability: 4, impact: 4, ownerId: pm.id, response: 'REDUCE' } }, pm.token);
  await t.ok('mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', { i: { projectId, title: 'Printer driver', type: 'PROBLEM', priority: 'LOW' } }, keyUser.token);
  await t.ok('mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', { i: { projectId, title: 'Invoices wrong', type: 'OFF_SPECIFICATION', priority: 'HIGH', ownerId: pm.id } }, keyUser.token);
  return { milestoneId: m.id, prepareId };
}
