import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType } from 'graphql';
import { OPERATION_POLICIES, OperationPolicy } from '../../src/modules/auth/operation-policies';
import { MEMBERS_ONLY_ACTIONS, PROJECT_PERMISSIONS } from '../../src/modules/auth/project-permissions';
import { publishRedReport } from '../support/exceptions';
import { codeOf, GraphQLResponse, TestApp, TestUser, unique } from '../support/test-app';

/**
 * Every query and mutation × every role, generated from OPERATION_POLICIES: each call must succeed
 * or be refused with the code the table implies. Each call is built so that an allowed actor's
 * call succeeds (fresh objects in the state it needs); the few that cannot (changing one's password
 * would revoke the actor's token) stop at a named business rule that runs after access is granted.
 */
type Actor = 'anonymous' | 'nonMember' | 'admin' | 'PROJECT_MANAGER' | 'STEERING_COMMITTEE' | 'KEY_USER' | 'CONSULTANT' | 'TRAINER' | 'OBSERVER';
const ACTORS: Actor[] = ['anonymous', 'nonMember', 'admin', 'PROJECT_MANAGER', 'STEERING_COMMITTEE', 'KEY_USER', 'CONSULTANT', 'TRAINER', 'OBSERVER'];
const CLIENT_ACTORS: Actor[] = ['STEERING_COMMITTEE', 'KEY_USER'];

interface Call { query: string; variables?: Record<string, unknown> }

/** Calls that stop at a business rule checked after access: its code proves the call got through. */
const PAST_ACCESS: Record<string, string> = {
  changePassword: 'BAD_USER_INPUT', // a wrong current password: a right one would revoke the actor's token
};
type Build = (actor: Actor, user: TestUser | null) => Promise<Call>;

describe('role matrix (e2e)', () => {
  let t: TestApp;
  const users = {} as Record<Exclude<Actor, 'anonymous'>, TestUser>;
  let pm: TestUser;
  let loginUser: { email: string };
  let projectId: string, criterionId: string, taskIds: string[], milestone: { id: string }, areaId: string;
  let slot = 0;

  const pmOk = (query: string, variables: Record<string, unknown> = {}) => t.ok(query, variables, pm.token);
  const nextSlot = () => {
    slot += 1;
    const day = String(1 + (slot % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(slot / 28)).padStart(2, '0');
    // In the past: attendance is recorded only once a session has begun.
    return { startsAt: `2025-${month}-${day}T09:00:00+03:00`, endsAt: `2025-${month}-${day}T10:00:00+03:00` };
  };
  const newMember = async () => {
    const person = await t.user();
    await pmOk('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { id } }', { p: projectId, u: person.id });
    return person.id;
  };
  const newTask = async () => (await pmOk('mutation($i: AddTaskInput!) { addTask(input: $i) { id version } }', { i: { projectId, name: unique('task'), durationDays: 1 } })).addTask;
  const newSession = async () => (await pmOk('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id version } }', {
    i: { projectId, title: unique('session'), audience: 'END_USERS', format: 'REMOTE', meetingUrl: 'https://meet.example/x', trainerId: users.TRAINER.id, capacity: 5, attendeeIds: [users.OBSERVER.id], ...nextSlot() },
  })).scheduleTraining;
  /** A project of its own with the same members, from the prince2-crm template. */
  const fixtureProject = async () => {
    const project = (await pmOk('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id exitCriteria { id priority } } } }', {
      i: { code: unique('MXS'), name: 'Stage fixture', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    })).createProject;
    for (const role of ['STEERING_COMMITTEE', 'KEY_USER', 'CONSULTANT', 'TRAINER', 'OBSERVER'] as const) {
      await pmOk('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: project.id, u: users[role].id, r: role });
    }
    return project as { id: string; stages: { id: string; exitCriteria: { id: string; priority: string }[] }[] };
  };
  /** A one-day period of its own: reports of one project do not overlap. */
  let reportDay = 0;
  const nextReportPeriod = () => {
    const day = new Date(Date.UTC(2026, 3, 1) + reportDay++ * 86_400_000).toISOString().slice(0, 10);
    return { periodStart: day, periodEnd: day };
  };
  const newDraftReport = async () => (await pmOk('mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id version } }', {
    i: { projectId, ...nextReportPeriod() },
  })).createStatusReport as { id: string; version: number };
  const startStage = (id: string) => pmOk('mutation($id: ID!) { startStage(id: $id) { id } }', { id });
  /** Started, its MUST criteria waived and its gate approved: AWAITING_GATE, ready to close. */
  const throughGate = async (stage: { id: string; exitCriteria: { id: string; priority: string }[] }) => {
    await startStage(stage.id);
    for (const c of stage.exitCriteria.filter((x) => x.priority === 'MUST')) {
      await t.ok('mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed by the committee") { id } }', { id: c.id }, users.STEERING_COMMITTEE.token);
    }
    await t.ok('mutation($i: GateDecisionInput!) { decideGate(input: $i) { id } }', { i: { stageId: stage.id, outcome: 'APPROVED' } }, users.STEERING_COMMITTEE.token);
  };
  /** A fixture project's first stage in the state a call needs. */
  const stageIn = async (state: 'NOT_STARTED' | 'ACTIVE' | 'AWAITING_GATE') => {
    const stage = (await fixtureProject()).stages[0];
    if (state === 'ACTIVE') await startStage(stage.id);
    if (state === 'AWAITING_GATE') await throughGate(stage);
    return stage.id;
  };
  /** A fixture project in its last stage: every earlier stage closed, the last one started. */
  const projectInLastStage = async () => {
    const project = await fixtureProject();
    for (const stage of project.stages.slice(0, -1)) {
      await throughGate(stage);
      await pmOk('mutation($id: ID!) { closeStage(id: $id) { id } }', { id: stage.id });
    }
    await startStage(project.stages.at(-1)!.id);
    return project.id;
  };
  let steeringMeetingId: string | undefined;
  /** The fixture's steering meeting, recorded by the manager once. */
  const steeringMeeting = async () => {
    steeringMeetingId ??= (await pmOk('mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { id } }', {
      i: { projectId, kind: 'STEERING', heldOn: '2026-03-10', title: 'Matrix steering', attendeeIds: [pm.id, users.STEERING_COMMITTEE.id] },
    })).recordMeeting.id;
    return steeringMeetingId!;
  };
  const version = async (table: string, id: string) => (await t.dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

  const CALLS: Record<'Query' | 'Mutation', Record<string, Build>> = {
    Query: {
      me: async () => ({ query: '{ me { id } }' }),
      methodologyTemplates: async () => ({ query: '{ methodologyTemplates { key } }' }),
      workCalendars: async () => ({ query: '{ workCalendars { code } }' }),
      projects: async () => ({ query: '{ projects { totalCount } }' }),
      project: async () => ({ query: 'query($id: ID!) { project(id: $id) { id stages { id } } }', variables: { id: projectId } }),
      users: async () => ({ query: '{ users(search: "example.test", first: 5) { id email fullName organization } }' }),
    },
    Mutation: {
      login: async () => ({ query: 'mutation($e: String!) { login(email: $e, password: "matrix-password-1") { token } }', variables: { e: loginUser.email } }),
      changePassword: async () => ({ query: 'mutation { changePassword(currentPassword: "not-the-password", newPassword: "whatever-new-1") { token } }' }),
      createUser: async () => ({ query: 'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', variables: { i: { email: `${unique('new')}@example.test`, fullName: 'New', organization: 'CLIENT', password: 'long-enough-1' } } }),
      createProject: async () => ({ query: 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', variables: { i: { code: unique('MX'), name: 'x', clientName: 'x', templateKey: 'billing-remote', startDate: '2026-03-02' } } }),
      addMember: async () => ({ query: 'mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: OBSERVER) { id } }', variables: { p: projectId, u: (await t.user()).id } }),
      removeMember: async () => ({ query: 'mutation($p: ID!, $u: ID!) { removeMember(projectId: $p, userId: $u, role: OBSERVER) }', variables: { p: projectId, u: await newMember() } }),
      addFunctionArea: async () => ({ query: 'mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', variables: { p: projectId, n: unique('area') } }),
      addTerritory: async () => ({ query: 'mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', variables: { p: projectId, n: unique('territory') } }),
      changeProjectStatus: async () => ({ query: 'mutation($i: ChangeProjectStatusInput!) { changeProjectStatus(input: $i) { id } }', variables: { i: { projectId, version: await version('project', projectId), status: 'ON_HOLD' } } }),
      revokeTrainingCalendarUrl: async () => ({ query: 'mutation($p: ID!) { revokeTrainingCalendarUrl(projectId: $p) { id } }', variables: { p: projectId } }),
      addMilestone: async () => ({ query: 'mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', variables: { i: { projectId, name: unique('m'), splitBy: 'FUNCTION', functionAreaId: areaId } } }),
      updateMilestone: async () => ({ query: 'mutation($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id } }', variables: { i: { id: milestone.id, version: await version('milestone', milestone.id), name: unique('renamed') } } }),
      addTask: async () => ({ query: 'mutation($i: AddTaskInput!) { addTask(input: $i) { id } }', variables: { i: { projectId, name: unique('task'), durationDays: 2 } } }),
      updateTask: async () => ({ query: 'mutation($i: UpdateTaskInput!) { updateTask(input: $i) { id } }', variables: { i: { id: taskIds[0], version: await version('task', taskIds[0]), percentComplete: 10, actualStart: '2026-03-02' } } }),
      addDependency: async () => {
        const [a, b] = [await newTask(), await newTask()];
        return { query: 'mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', variables: { i: { predecessorId: a.id, successorId: b.id } } };
      },
      removeDependency: async () => {
        const [a, b] = [await newTask(), await newTask()];
        const link = (await pmOk('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', { i: { predecessorId: a.id, successorId: b.id } })).addDependency;
        return { query: 'mutation($id: ID!) { removeDependency(id: $id) }', variables: { id: link.id } };
      },
      captureBaseline: async () => ({ query: 'mutation($p: ID!, $n: String!) { captureBaseline(projectId: $p, name: $n) { id } }', variables: { p: projectId, n: unique('baseline') } }),
      addCriterion: async () => ({ query: 'mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', variables: { i: { milestoneId: milestone.id, text: unique('criterion'), confirmerIds: [users.KEY_USER.id] } } }),
      setCriterionConfirmers: async () => ({ query: 'mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }', variables: { id: criterionId, v: await version('criterion', criterionId), c: [users.KEY_USER.id] } }),
      setConfirmersInBulk: async () => {
        // A criterion of the area the key user does not confirm yet: an allowed call changes it.
        await pmOk('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { milestoneId: milestone.id, text: unique('bulk'), confirmerIds: [users.STEERING_COMMITTEE.id] } });
        return { query: 'mutation($i: SetConfirmersInBulkInput!) { setConfirmersInBulk(input: $i) { changed { id } } }', variables: {
          i: { projectId, functionAreaId: areaId, confirmerIds: [users.KEY_USER.id], mode: 'ADD' },
        } };
      },
      confirmCriterion: async () => ({ query: 'mutation($id: ID!) { confirmCriterion(id: $id) { id } }', variables: { id: criterionId } }),
      rejectCriterion: async () => ({ query: 'mutation($id: ID!) { rejectCriterion(id: $id, comment: "Not yet") { id } }', variables: { id: criterionId } }),
      waiveCriterion: async () => {
        const c = (await pmOk('mutation($i: AddCriterionInput!) { addCriterion(input: $i) { id } }', { i: { milestoneId: milestone.id, text: unique('to waive'), confirmerIds: [users.KEY_USER.id] } })).addCriterion;
        return { query: 'mutation($id: ID!) { waiveCriterion(id: $id, reason: "Agreed") { id } }', variables: { id: c.id } };
      },
      startStage: async () => ({ query: 'mutation($id: ID!) { startStage(id: $id) { id } }', variables: { id: await stageIn('NOT_STARTED') } }),
      submitStageForGate: async () => ({ query: 'mutation($id: ID!) { submitStageForGate(id: $id) { id } }', variables: { id: await stageIn('ACTIVE') } }),
      closeStage: async () => ({ query: 'mutation($id: ID!) { closeStage(id: $id) { id } }', variables: { id: await stageIn('AWAITING_GATE') } }),
      decideGate: async () => ({ query: 'mutation($i: GateDecisionInput!) { decideGate(input: $i) { id } }', variables: { i: { stageId: await stageIn('ACTIVE'), outcome: 'REJECTED', conditions: 'More work' } } }),
      decideSupportTransition: async () => ({ query: 'mutation($p: ID!) { decideSupportTransition(projectId: $p, outcome: REJECTED) { outcome } }', variables: { p: await projectInLastStage() } }),
      assignKeyUser: async () => {
        const person = await t.user();
        await pmOk('mutation($p: ID!, $u: ID!) { addMember(projectId: $p, userId: $u, role: KEY_USER) { id } }', { p: projectId, u: person.id });
        return { query: 'mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', variables: { i: { projectId, userId: person.id, functionAreaId: areaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } } };
      },
      updateKeyUser: async () => {
        const a = await CALLS.Mutation.assignKeyUser('PROJECT_MANAGER', pm).then((c) => pmOk(c.query, c.variables));
        return { query: 'mutation($i: UpdateKeyUserInput!) { updateKeyUser(input: $i) { id } }', variables: { i: { id: a.assignKeyUser.id, version: 1, teaching: 5 } } };
      },
      removeKeyUser: async () => {
        const a = await CALLS.Mutation.assignKeyUser('PROJECT_MANAGER', pm).then((c) => pmOk(c.query, c.variables));
        return { query: 'mutation($id: ID!) { removeKeyUser(id: $id, version: 1) }', variables: { id: a.assignKeyUser.id } };
      },
      setKeyUserQualificationRule: async () => ({ query: 'mutation($i: KeyUserQualificationInput!) { setKeyUserQualificationRule(input: $i) { id } }', variables: { i: { projectId, version: await version('project', projectId), minProcessKnowledge: 4, minTeaching: 3, requiredPerCell: 1 } } }),
      scheduleTraining: async (actor, user) => ({ query: 'mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', variables: { i: {
        projectId, title: unique('session'), audience: 'KEY_USERS', format: 'ONSITE', location: 'Room 1', trainerId: actor === 'admin' || !user ? users.TRAINER.id : user.id, capacity: 5, ...nextSlot(),
      } } }),
      rescheduleTraining: async () => {
        const s = await newSession();
        return { query: 'mutation($i: RescheduleTrainingInput!) { rescheduleTraining(input: $i) { id } }', variables: { i: { id: s.id, version: s.version, ...nextSlot() } } };
      },
      cancelTraining: async () => {
        const s = await newSession();
        return { query: 'mutation($id: ID!, $v: Int!) { cancelTraining(id: $id, version: $v) { id } }', variables: { id: s.id, v: s.version } };
      },
      inviteToTraining: async () => ({ query: 'mutation($s: ID!, $u: [ID!]!) { inviteToTraining(sessionId: $s, userIds: $u) { id } }', variables: { s: (await newSession()).id, u: [await newMember()] } }),
      uninviteFromTraining: async () => ({ query: 'mutation($s: ID!, $u: ID!) { uninviteFromTraining(sessionId: $s, userId: $u) { id } }', variables: { s: (await newSession()).id, u: users.OBSERVER.id } }),
      recordAttendance: async () => ({ query: 'mutation($s: ID!, $u: ID!) { recordAttendance(sessionId: $s, userId: $u, status: ATTENDED) { status } }', variables: { s: (await newSession()).id, u: users.OBSERVER.id } }),
      removeTask: async () => ({ query: 'mutation($id: ID!) { removeTask(id: $id) }', variables: { id: (await newTask()).id } }),
      updateDependency: async () => {
        const [a, b] = [await newTask(), await newTask()];
        const link = (await pmOk('mutation($i: AddDependencyInput!) { addDependency(input: $i) { id } }', { i: { predecessorId: a.id, successorId: b.id } })).addDependency;
        return { query: 'mutation($i: UpdateDependencyInput!) { updateDependency(input: $i) { id } }', variables: { i: { id: link.id, type: 'SS', lagDays: 2 } } };
      },
      removeMilestone: async () => {
        const m = (await pmOk('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', { i: { projectId, name: unique('m'), splitBy: 'FUNCTION', functionAreaId: areaId } })).addMilestone;
        return { query: 'mutation($id: ID!) { removeMilestone(id: $id) }', variables: { id: m.id } };
      },
      updateProject: async () => ({ query: 'mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }', variables: { i: { id: projectId, version: await version('project', projectId), clientName: unique('client') } } }),
      removeFunctionArea: async () => ({ query: 'mutation($id: ID!) { removeFunctionArea(id: $id) }', variables: {
        id: (await pmOk('mutation($p: ID!, $n: String!) { addFunctionArea(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('area') })).addFunctionArea.id,
      } }),
      removeTerritory: async () => ({ query: 'mutation($id: ID!) { removeTerritory(id: $id) }', variables: {
        id: (await pmOk('mutation($p: ID!, $n: String!) { addTerritory(projectId: $p, name: $n) { id } }', { p: projectId, n: unique('territory') })).addTerritory.id,
      } }),
      setTolerances: async () => ({ query: 'mutation($i: SetTolerancesInput!) { setTolerances(input: $i) { id } }', variables: {
        i: { projectId, version: await version('project', projectId), budget: '1250000.00', currency: 'RUB', costTolerancePercent: 10 },
      } }),
      setStatusDate: async () => ({ query: 'mutation($p: ID!, $d: Date) { setStatusDate(projectId: $p, statusDate: $d) { id statusDate } }', variables: { p: projectId, d: '2026-03-13' } }),
      addRisk: async () => ({ query: 'mutation($i: AddRiskInput!) { addRisk(input: $i) { id } }', variables: { i: { projectId, title: unique('risk'), probability: 2, impact: 3, ownerId: users.CONSULTANT.id } } }),
      updateRisk: async () => {
        const risk = (await pmOk('mutation($i: AddRiskInput!) { addRisk(input: $i) { id version } }', { i: { projectId, title: unique('risk'), probability: 2, impact: 3 } })).addRisk;
        return { query: 'mutation($i: UpdateRiskInput!) { updateRisk(input: $i) { id } }', variables: { i: { id: risk.id, version: risk.version, impact: 4, ownerId: users.KEY_USER.id } } };
      },
      raiseIssue: async () => ({ query: 'mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id } }', variables: { i: { projectId, title: unique('issue'), type: 'PROBLEM', priority: 'MEDIUM' } } }),
      updateIssue: async () => {
        const issue = (await pmOk('mutation($i: RaiseIssueInput!) { raiseIssue(input: $i) { id version } }', { i: { projectId, title: unique('issue'), type: 'PROBLEM', priority: 'LOW' } })).raiseIssue;
        return { query: 'mutation($i: UpdateIssueInput!) { updateIssue(input: $i) { id } }', variables: { i: { id: issue.id, version: issue.version, status: 'RESOLVED', resolution: 'Fixed' } } };
      },
      createStatusReport: async () => ({ query: 'mutation($i: CreateStatusReportInput!) { createStatusReport(input: $i) { id } }', variables: { i: { projectId, ...nextReportPeriod() } } }),
      updateStatusReport: async () => {
        const report = await newDraftReport();
        return { query: 'mutation($i: UpdateStatusReportInput!) { updateStatusReport(input: $i) { id } }', variables: { i: { id: report.id, version: report.version, summary: 'On track' } } };
      },
      overrideRating: async () => ({
        query: 'mutation($id: ID!) { overrideRating(reportId: $id, dimension: RISK, rating: GREEN, reason: "Mitigated") { id } }', variables: { id: (await newDraftReport()).id },
      }),
      publishStatusReport: async () => ({ query: 'mutation($id: ID!) { publishStatusReport(id: $id) { id } }', variables: { id: (await newDraftReport()).id } }),
      recordMeeting: async () => ({ query: 'mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { id } }', variables: {
        i: { projectId, kind: 'STEERING', heldOn: '2026-03-17', title: unique('steering'), attendeeIds: [pm.id, users.STEERING_COMMITTEE.id, users.OBSERVER.id] },
      } }),
      addMeetingDecision: async () => ({ query: 'mutation($i: AddDecisionInput!) { addMeetingDecision(input: $i) { id } }', variables: {
        i: { meetingId: await steeringMeeting(), text: unique('decision'), ownerId: users.CONSULTANT.id, dueDate: '2026-03-31' },
      } }),
      // A decision of the steering meeting owned by the consultant: its owner, the manager and the committee may update it.
      updateDecision: async () => {
        const decision = (await pmOk('mutation($i: AddDecisionInput!) { addMeetingDecision(input: $i) { id version } }', {
          i: { meetingId: await steeringMeeting(), text: unique('decision'), ownerId: users.CONSULTANT.id },
        })).addMeetingDecision;
        return { query: 'mutation($id: ID!, $v: Int!) { updateDecision(id: $id, version: $v, status: DONE) { id status } }', variables: { id: decision.id, v: decision.version } };
      },
      decideException: async () => {
        // A fresh open exception: a report published RED on schedule through publishStatusReport.
        const reportId = await publishRedReport(t, projectId, pm);
        const [exception] = await t.dataSource.query('SELECT id FROM project_exception WHERE report_id = $1', [reportId]);
        return { query: 'mutation($id: ID!) { decideException(id: $id, decision: REQUEST_EXCEPTION_PLAN, note: "By the next report") { id open } }', variables: { id: exception.id } };
      },
      exportProjectPlan: async () => ({ query: 'mutation($p: ID!) { exportProjectPlan(projectId: $p, locale: "ru") { url fileName expiresAt } }', variables: { p: projectId } }),
      exportAcceptanceCertificate: async () => ({ query: 'mutation($m: ID) { exportAcceptanceCertificate(milestoneId: $m, locale: "id") { url fileName expiresAt } }', variables: { m: milestone.id } }),
      exportTrainingSchedule: async () => ({ query: 'mutation($p: ID!) { exportTrainingSchedule(projectId: $p) { url fileName expiresAt } }', variables: { p: projectId } }),
      // A published report: every member may export it (a draft's visibility is tested in export-status-report).
      exportStatusReport: async () => {
        const report = await newDraftReport();
        await pmOk('mutation($id: ID!) { publishStatusReport(id: $id) { id } }', { id: report.id });
        return { query: 'mutation($id: ID!) { exportStatusReport(id: $id, locale: "id") { url fileName expiresAt } }', variables: { id: report.id } };
      },
    },
  };

  beforeAll(async () => {
    t = await TestApp.start();
    pm = await t.user();
    users.PROJECT_MANAGER = pm;
    users.admin = await t.user({ admin: true });
    users.nonMember = await t.user();
    for (const role of ['STEERING_COMMITTEE', 'KEY_USER', 'CONSULTANT', 'TRAINER', 'OBSERVER'] as const) {
      users[role] = await t.user({ organization: (CLIENT_ACTORS.includes(role) ? 'CLIENT' : 'INTEGRATOR') as never });
    }
    const login = await t.user();
    loginUser = { email: login.email };
    // The fixture's login account gets a known password through the API.
    await t.ok('mutation { changePassword(currentPassword: "correct-horse-battery", newPassword: "matrix-password-1") { token } }', {}, login.token);

    const { createProject } = await pmOk('mutation($i: CreateProjectInput!) { createProject(input: $i) { id stages { id exitCriteria { id } } tasks { id } } }', {
      i: { code: unique('MATRIX'), name: 'Matrix', clientName: 'Client', templateKey: 'prince2-crm', startDate: '2026-03-02' },
    });
    projectId = createProject.id;
    taskIds = createProject.tasks.map((x: any) => x.id);
    criterionId = createProject.stages[0].exitCriteria[0].id;
    for (const role of ['STEERING_COMMITTEE', 'KEY_USER', 'CONSULTANT', 'TRAINER', 'OBSERVER'] as const) {
      await pmOk('mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addMember(projectId: $p, userId: $u, role: $r) { id } }', { p: projectId, u: users[role].id, r: role });
    }
    areaId = (await pmOk('mutation($p: ID!) { addFunctionArea(projectId: $p, name: "Matrix area") { id } }', { p: projectId })).addFunctionArea.id;
    milestone = (await pmOk('mutation($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }', { i: { projectId, name: 'Matrix milestone', splitBy: 'FUNCTION', functionAreaId: areaId } })).addMilestone;
    // The key user confirms the milestone's acceptance criteria: a key user of its function area.
    await pmOk('mutation($i: AssignKeyUserInput!) { assignKeyUser(input: $i) { id } }', { i: { projectId, userId: users.KEY_USER.id, functionAreaId: areaId, processKnowledge: 4, systemLogic: 4, engagement: 4, teaching: 4 } });
    await pmOk('mutation($id: ID!, $v: Int!, $c: [ID!]!) { setCriterionConfirmers(id: $id, version: $v, confirmerIds: $c) { id } }', { id: criterionId, v: await version('criterion', criterionId), c: [users.KEY_USER.id] });
  });
  afterAll(() => t.close());

  it('every root operation of the schema has a policy and a call in this test, and nothing else', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = Object.keys(schema.getType(root) ? (schema.getType(root) as any).getFields() : {}).sort();
      expect({ root, names: Object.keys(OPERATION_POLICIES[root]).sort() }).toEqual({ root, names: fields });
      expect({ root, names: Object.keys(CALLS[root]).sort() }).toEqual({ root, names: fields });
    }
  });

  it('every project policy names the project through arguments the operation really has', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = (schema.getType(root) as any).getFields();
      for (const [operation, policy] of Object.entries(OPERATION_POLICIES[root])) {
        if (typeof policy === 'string') continue;
        expect(policy.scope.length).toBeGreaterThan(0);
        for (const { arg } of policy.scope) {
          const [name, field] = arg.split('.');
          const argument = fields[operation].args.find((a: any) => a.name === name);
          expect({ operation, arg, found: Boolean(argument) }).toEqual({ operation, arg, found: true });
          if (field) expect({ operation, arg, found: field in (getNamedType(argument.type) as any).getFields() }).toEqual({ operation, arg, found: true });
        }
      }
    }
  });

  /** The access outcome the table implies for an actor. */
  function expected(operation: string, policy: OperationPolicy, actor: Actor): string {
    if (policy === 'public') return 'allowed';
    if (actor === 'anonymous') return 'UNAUTHENTICATED';
    if (policy === 'signedIn') return PAST_ACCESS[operation] ?? 'allowed';
    if (policy === 'admin') return actor === 'admin' ? 'allowed' : 'FORBIDDEN';
    // No actor but the manager manages any project's members.
    if (policy === 'memberManagers') return actor === 'admin' || actor === 'PROJECT_MANAGER' ? 'allowed' : 'FORBIDDEN';
    if (policy.clientOnly && !CLIENT_ACTORS.includes(actor)) return actor === 'nonMember' ? 'NOT_FOUND' : 'FORBIDDEN';
    if (actor === 'nonMember') return 'NOT_FOUND';
    const base = actor === 'admin'
      ? !MEMBERS_ONLY_ACTIONS.has(policy.project)
      : (PROJECT_PERMISSIONS[policy.project] as readonly string[]).includes(actor);
    // Sessions of the fixture are given by users.TRAINER: beyond them, only managers and administrators.
    const permitted = base && (!policy.ownSessionsOnly || (['admin', 'PROJECT_MANAGER', 'TRAINER'] as Actor[]).includes(actor));
    if (!permitted) return 'FORBIDDEN';
    // The fixture's decisions belong to a steering meeting and are owned by the consultant.
    if (policy.decisionKeepersOnly && !(['admin', 'PROJECT_MANAGER', 'STEERING_COMMITTEE', 'CONSULTANT'] as Actor[]).includes(actor)) return 'FORBIDDEN';
    // The fixture's criterion has one confirmer, the key user; any other reader is refused by the rule.
    if (policy.confirmersOnly && actor !== 'KEY_USER') return 'NOT_A_CONFIRMER';
    return 'allowed';
  }

  /** 'allowed' only when the call succeeded outright: a business refusal is reported by its code. */
  const outcomeOf = (result: GraphQLResponse): string => codeOf(result) ?? 'allowed';

  for (const root of ['Query', 'Mutation'] as const) {
    for (const [operation, policy] of Object.entries(OPERATION_POLICIES[root])) {
      it(`${root}.${operation}`, async () => {
        const outcomes: Record<string, string> = {};
        const wanted: Record<string, string> = {};
        for (const actor of ACTORS) {
          const user = actor === 'anonymous' ? null : users[actor];
          const call = await CALLS[root][operation](actor, user);
          const result = await t.gql(call.query, call.variables ?? {}, user?.token);
          outcomes[actor] = outcomeOf(result);
          wanted[actor] = expected(operation, policy, actor);
        }
        expect(outcomes).toEqual(wanted);
      });
    }
  }

  it('confirmers alone confirm; the rest of the project gets NOT_A_CONFIRMER', async () => {
    for (const actor of ['PROJECT_MANAGER', 'STEERING_COMMITTEE', 'CONSULTANT', 'TRAINER', 'OBSERVER'] as const) {
      expect(codeOf(await t.gql('mutation($id: ID!) { confirmCriterion(id: $id) { id } }', { id: criterionId }, users[actor].token))).toBe('NOT_A_CONFIRMER');
    }
    expect(codeOf(await t.gql('mutation($id: ID!) { confirmCriterion(id: $id) { id } }', { id: criterionId }, users.KEY_USER.token))).toBeUndefined();
  });

  it('a trainer acts only on sessions they give', async () => {
    const session = (await pmOk('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id version } }', {
      i: { projectId, title: 'PM’s own', audience: 'END_USERS', format: 'ONSITE', location: 'Hall', trainerId: pm.id, capacity: 5, ...nextSlot() },
    })).scheduleTraining;
    expect(codeOf(await t.gql('mutation($id: ID!, $v: Int!) { cancelTraining(id: $id, v: $v) { id } }'.replace('v: $v', 'version: $v'), { id: session.id, v: session.version }, users.TRAINER.token))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('mutation($i: ScheduleTrainingInput!) { scheduleTraining(input: $i) { id } }', {
      i: { projectId, title: 'For someone else', audience: 'END_USERS', format: 'ONSITE', location: 'Hall', trainerId: pm.id, capacity: 5, ...nextSlot() },
    }, users.TRAINER.token))).toBe('FORBIDDEN');
  });
});
