import type { ProjectAction } from './project-permissions';

/**
 * Who may call each root operation of the API: one table, read by AuthGuard before the operation
 * runs, and by the generated role-matrix test. An operation missing here is refused (fail closed).
 *
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any signed-in user (createProject makes its creator the project manager);
 * - `admin`: administrators;
 * - `memberManagers`: those who may add members somewhere: administrators and the project
 *   managers of any project (the people look-up, `users`);
 * - `{ project: action, scope }`: members whose role may perform that action (PROJECT_PERMISSIONS)
 *   in the project of the object `scope` names; others get FORBIDDEN, non-members NOT_FOUND. The
 *   guard finds that project from the arguments; the services check that every other id an
 *   operation takes (a successor task, confirmers, attendees, …) belongs to the same project.
 * - Rules on the row itself, enforced by the services after the guard: `ownSessionsOnly`: besides
 *   administrators and project managers, only the session's trainer succeeds; `confirmersOnly`:
 *   only the criterion's confirmers succeed (NOT_A_CONFIRMER otherwise); `clientOnly`: only
 *   members of the client organisation succeed; `decisionKeepersOnly`: besides administrators and
 *   project managers, only the decision's owner and, for a steering meeting's decision, steering
 *   committee members succeed. recordMeeting and addMeetingDecision also admit the steering
 *   committee only for STEERING meetings (the service checks the kind).
 */
export type OperationPolicy = 'public' | 'signedIn' | 'admin' | 'memberManagers' | ProjectPolicy;

export interface ProjectPolicy {
  project: ProjectAction;
  /** Where the operation's project comes from: the first of these whose argument is present. */
  scope: readonly ProjectScope[];
  ownSessionsOnly?: boolean;
  confirmersOnly?: boolean;
  clientOnly?: boolean;
  decisionKeepersOnly?: boolean;
}

/** The entities whose rows belong to a project (each has a `projectId`), by entity name. */
export type ScopedEntity = 'Project' | 'Task' | 'Dependency' | 'Milestone' | 'Stage' | 'Criterion' | 'TrainingSession' | 'KeyUserAssignment'
  | 'FunctionArea' | 'Territory' | 'Risk' | 'ProjectIssue' | 'StatusReport' | 'SteeringMeeting' | 'MeetingDecision' | 'ProjectException';

export interface ProjectScope {
  entity: ScopedEntity;
  /** The argument holding the id: a name, or a dotted path into an input object. */
  arg: string;
}

const projectIn = (arg: string): ProjectScope[] => [{ entity: 'Project', arg }];
const ownerOf = (entity: ScopedEntity, arg: string): ProjectScope[] => [{ entity, arg }];

export const OPERATION_POLICIES: Record<'Query' | 'Mutation', Record<string, OperationPolicy>> = {
  Query: {
    me: 'signedIn',
    methodologyTemplates: 'signedIn',
    workCalendars: 'signedIn',
    projects: 'signedIn',
    project: { project: 'read', scope: projectIn('id') },
    users: 'memberManagers',
  },
  Mutation: {
    login: 'public',
    changePassword: 'signedIn',
    createUser: 'admin',
    createProject: 'signedIn',
    addMember: { project: 'manageMembers', scope: projectIn('projectId') },
    removeMember: { project: 'manageMembers', scope: projectIn('projectId') },
    addFunctionArea: { project: 'editProject', scope: projectIn('projectId') },
    addTerritory: { project: 'editProject', scope: projectIn('projectId') },
    changeProjectStatus: { project: 'editProject', scope: projectIn('input.projectId') },
    revokeTrainingCalendarUrl: { project: 'editProject', scope: projectIn('projectId') },
    addMilestone: { project: 'editPlan', scope: projectIn('input.projectId') },
    updateMilestone: { project: 'editPlan', scope: ownerOf('Milestone', 'input.id') },
    addTask: { project: 'editPlan', scope: projectIn('input.projectId') },
    updateTask: { project: 'editTask', scope: ownerOf('Task', 'input.id') },
    addDependency: { project: 'editPlan', scope: ownerOf('Task', 'input.predecessorId') },
    removeDependency: { project: 'editPlan', scope: ownerOf('Dependency', 'id') },
    captureBaseline: { project: 'editPlan', scope: projectIn('projectId') },
    addCriterion: { project: 'manageCriteria', scope: [
      { entity: 'Stage', arg: 'input.stageId' }, { entity: 'Milestone', arg: 'input.milestoneId' }, { entity: 'Project', arg: 'input.projectId' },
    ] },
    setCriterionConfirmers: { project: 'manageCriteria', scope: ownerOf('Criterion', 'id') },
    setConfirmersInBulk: { project: 'manageCriteria', scope: projectIn('input.projectId') },
    confirmCriterion: { project: 'read', scope: ownerOf('Criterion', 'id'), confirmersOnly: true },
    rejectCriterion: { project: 'read', scope: ownerOf('Criterion', 'id'), confirmersOnly: true },
    waiveCriterion: { project: 'waiveCriterion', scope: ownerOf('Criterion', 'id') },
    startStage: { project: 'moveStage', scope: ownerOf('Stage', 'id') },
    submitStageForGate: { project: 'moveStage', scope: ownerOf('Stage', 'id') },
    closeStage: { project: 'moveStage', scope: ownerOf('Stage', 'id') },
    decideGate: { project: 'decideGate', scope: ownerOf('Stage', 'input.stageId') },
    decideSupportTransition: { project: 'decideGate', scope: projectIn('projectId'), clientOnly: true },
    assignKeyUser: { project: 'manageKeyUsers', scope: projectIn('input.projectId') },
    updateKeyUser: { project: 'manageKeyUsers', scope: ownerOf('KeyUserAssignment', 'input.id') },
    removeKeyUser: { project: 'manageKeyUsers', scope: ownerOf('KeyUserAssignment', 'id') },
    setKeyUserQualificationRule: { project: 'manageKeyUsers', scope: projectIn('input.projectId') },
    scheduleTraining: { project: 'scheduleTraining', scope: projectIn('input.projectId'), ownSessionsOnly: true },
    rescheduleTraining: { project: 'scheduleTraining', scope: ownerOf('TrainingSession', 'input.id'), ownSessionsOnly: true },
    cancelTraining: { project: 'scheduleTraining', scope: ownerOf('TrainingSession', 'id'), ownSessionsOnly: true },
    inviteToTraining: { project: 'scheduleTraining', scope: ownerOf('TrainingSession', 'sessionId'), ownSessionsOnly: true },
    uninviteFromTraining: { project: 'scheduleTraining', scope: ownerOf('TrainingSession', 'sessionId'), ownSessionsOnly: true },
    // Any member may give a session (key users train end users); the service admits its trainer.
    recordAttendance: { project: 'read', scope: ownerOf('TrainingSession', 'sessionId'), ownSessionsOnly: true },
    // Plan editing (issue 12). Moving a task or setting its owner (updateTask) also needs editPlan: the service checks it.
    removeTask: { project: 'editPlan', scope: ownerOf('Task', 'id') },
    updateDependency: { project: 'editPlan', scope: ownerOf('Dependency', 'input.id') },
    removeMilestone: { project: 'editPlan', scope: ownerOf('Milestone', 'id') },
    updateProject: { project: 'editProject', scope: projectIn('input.id') },
    removeFunctionArea: { project: 'editProject', scope: ownerOf('FunctionArea', 'id') },
    removeTerritory: { project: 'editProject', scope: ownerOf('Territory', 'id') },
    // Tolerances and registers (issue 14).
    setTolerances: { project: 'setTolerances', scope: projectIn('input.projectId') },
    // The status date is the project manager's, as the plan is (REPORTING.md).
    setStatusDate: { project: 'editPlan', scope: projectIn('projectId') },
    addRisk: { project: 'manageRegisters', scope: projectIn('input.projectId') },
    updateRisk: { project: 'manageRegisters', scope: ownerOf('Risk', 'input.id') },
    raiseIssue: { project: 'raiseIssue', scope: projectIn('input.projectId') },
    updateIssue: { project: 'manageRegisters', scope: ownerOf('ProjectIssue', 'input.id') },
    // Status reports (issue 14): the project manager's; the steering committee reads them once published.
    createStatusReport: { project: 'editReport', scope: projectIn('input.projectId') },
    updateStatusReport: { project: 'editReport', scope: ownerOf('StatusReport', 'input.id') },
    overrideRating: { project: 'editReport', scope: ownerOf('StatusReport', 'reportId') },
    publishStatusReport: { project: 'publishReport', scope: ownerOf('StatusReport', 'id') },
    // Meetings and decisions (issue 16).
    recordMeeting: { project: 'keepMinutes', scope: projectIn('input.projectId') },
    addMeetingDecision: { project: 'keepMinutes', scope: ownerOf('SteeringMeeting', 'input.meetingId') },
    // A decision's owner reports it done whatever their role: the service admits the keepers.
    updateDecision: { project: 'read', scope: ownerOf('MeetingDecision', 'id'), decisionKeepersOnly: true },
    // Exceptions (issue 16): the steering committee's decision.
    decideException: { project: 'decideException', scope: ownerOf('ProjectException', 'id') },
    // Excel exports (issue 15): whoever may read the project may export it.
    exportProjectPlan: { project: 'export', scope: projectIn('projectId') },
    // Criteria and training sessions are read by every member (no restricted readers): so is their export.
    exportAcceptanceCertificate: { project: 'export', scope: [{ entity: 'Stage', arg: 'stageId' }, { entity: 'Milestone', arg: 'milestoneId' }] },
    exportTrainingSchedule: { project: 'export', scope: projectIn('projectId') },
    // A draft's export follows the draft's visibility: the service refuses those who may not read drafts.
    exportStatusReport: { project: 'export', scope: ownerOf('StatusReport', 'id') },
  },
};
