import type { ProjectAction } from './project-permissions';

/**
 * Who may call each root operation of the API: one table, read by AuthGuard before the operation
 * runs, and by the generated role-matrix test. An operation missing here is refused (fail closed).
 *
 * - `public`: anyone, signed in or not;
 * - `signedIn`: any signed-in user (createProject makes its creator the project manager);
 * - `admin`: administrators;
 * - `{ project: action }`: members whose role may perform that action in the operation's project
 *   (PROJECT_PERMISSIONS); others get FORBIDDEN, non-members NOT_FOUND. The services check it on
 *   the objects the operation names, with the same action.
 * - `ownSessionsOnly`: a trainer (without a manager's role) acts only on sessions they give;
 *   `confirmersOnly`: only the criterion's confirmers succeed (NOT_A_CONFIRMER otherwise);
 *   `clientOnly`: only members of the client organisation succeed.
 */
export type OperationPolicy =
  | 'public'
  | 'signedIn'
  | 'admin'
  | { project: ProjectAction; ownSessionsOnly?: boolean; confirmersOnly?: boolean; clientOnly?: boolean };

export const OPERATION_POLICIES: Record<'Query' | 'Mutation', Record<string, OperationPolicy>> = {
  Query: {
    me: 'public',
    methodologyTemplates: 'signedIn',
    workCalendars: 'signedIn',
    projects: 'signedIn',
    project: { project: 'read' },
  },
  Mutation: {
    login: 'public',
    changePassword: 'signedIn',
    createUser: 'admin',
    createProject: 'signedIn',
    addMember: { project: 'manageMembers' },
    addFunctionArea: { project: 'editProject' },
    addTerritory: { project: 'editProject' },
    changeProjectStatus: { project: 'editProject' },
    revokeTrainingCalendarUrl: { project: 'editProject' },
    addMilestone: { project: 'editPlan' },
    updateMilestone: { project: 'editPlan' },
    addTask: { project: 'editPlan' },
    updateTask: { project: 'editTask' },
    addDependency: { project: 'editPlan' },
    removeDependency: { project: 'editPlan' },
    captureBaseline: { project: 'editPlan' },
    addCriterion: { project: 'manageCriteria' },
    setCriterionConfirmers: { project: 'manageCriteria' },
    confirmCriterion: { project: 'read', confirmersOnly: true },
    rejectCriterion: { project: 'read', confirmersOnly: true },
    waiveCriterion: { project: 'waiveCriterion' },
    startStage: { project: 'moveStage' },
    submitStageForGate: { project: 'moveStage' },
    closeStage: { project: 'moveStage' },
    decideGate: { project: 'decideGate' },
    decideSupportTransition: { project: 'decideGate', clientOnly: true },
    assignKeyUser: { project: 'manageKeyUsers' },
    updateKeyUser: { project: 'manageKeyUsers' },
    removeKeyUser: { project: 'manageKeyUsers' },
    setKeyUserQualificationRule: { project: 'manageKeyUsers' },
    scheduleTraining: { project: 'scheduleTraining', ownSessionsOnly: true },
    rescheduleTraining: { project: 'scheduleTraining', ownSessionsOnly: true },
    cancelTraining: { project: 'scheduleTraining', ownSessionsOnly: true },
    inviteToTraining: { project: 'scheduleTraining', ownSessionsOnly: true },
    uninviteFromTraining: { project: 'scheduleTraining', ownSessionsOnly: true },
    recordAttendance: { project: 'recordAttendance', ownSessionsOnly: true },
  },
};
