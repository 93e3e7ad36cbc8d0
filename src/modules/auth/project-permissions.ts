import { ProjectRole } from './auth.enums';

const { PROJECT_MANAGER, STEERING_COMMITTEE, KEY_USER, CONSULTANT, TRAINER } = ProjectRole;
const EVERY_ROLE = Object.values(ProjectRole);

/**
 * The role matrix: which project roles may perform each action on a project's data.
 * Administrators may do everything but MEMBERS_ONLY_ACTIONS; a user with no membership in the project does not learn
 * that it exists. One table, read by AccessService, so that a rule lives in exactly one place.
 */
export const PROJECT_PERMISSIONS = {
  /** Read anything of the project. */
  read: EVERY_ROLE,
  /** Project settings, function areas, territories. */
  editProject: [PROJECT_MANAGER],
  manageMembers: [PROJECT_MANAGER],
  /** Milestones, tasks, links, baselines. */
  editPlan: [PROJECT_MANAGER],
  /** Existing tasks: name, duration, constraint, progress. */
  editTask: [PROJECT_MANAGER, CONSULTANT],
  manageCriteria: [PROJECT_MANAGER],
  waiveCriterion: [STEERING_COMMITTEE],
  decideGate: [STEERING_COMMITTEE],
  moveStage: [PROJECT_MANAGER],
  manageKeyUsers: [PROJECT_MANAGER],
  /** Key users' competency scores; each key user also reads their own (`mayReadCompetencyScores`). */
  readCompetencyScores: [PROJECT_MANAGER, CONSULTANT, STEERING_COMMITTEE],
  scheduleTraining: [PROJECT_MANAGER, TRAINER],
  /** Status reports: the project manager writes, overrides ratings and publishes (to the steering committee). */
  editReport: [PROJECT_MANAGER],
  publishReport: [PROJECT_MANAGER],
  /** Draft status reports are seen by the project manager and consultants; published ones by every member (REPORTING.md). */
  readDraftReports: [PROJECT_MANAGER, CONSULTANT],
  export: EVERY_ROLE,
  /** PRINCE2 tolerances (time, budget, cost) are the committee's, never the manager's (REPORTING.md). */
  setTolerances: [STEERING_COMMITTEE],
  /** Risks and issues: the project manager manages both registers. */
  manageRegisters: [PROJECT_MANAGER],
  /** Anyone working on the project may raise an issue (key users find most of them); observers only watch. */
  raiseIssue: [PROJECT_MANAGER, STEERING_COMMITTEE, KEY_USER, CONSULTANT, TRAINER],
  /** Meetings and their decisions: the manager's minutes; the committee's own for steering meetings (the service checks the kind). */
  keepMinutes: [PROJECT_MANAGER, STEERING_COMMITTEE],
  /** Exceptions raised by a RED report are the steering committee's to decide (REPORTING.md). */
  decideException: [STEERING_COMMITTEE],
} as const satisfies Record<string, readonly ProjectRole[]>;

export type ProjectAction = keyof typeof PROJECT_PERMISSIONS;

/**
 * The steering committee's own acts: waivers, gate decisions and tolerances are the client's and
 * the sponsor's word, so an administrator performs them only as a member holding the role.
 */
export const MEMBERS_ONLY_ACTIONS: ReadonlySet<ProjectAction> = new Set<ProjectAction>(['waiveCriterion', 'decideGate', 'setTolerances', 'decideException']);


export function rolesAllow(roles: readonly ProjectRole[], action: ProjectAction): boolean {
  const allowed: readonly ProjectRole[] = PROJECT_PERMISSIONS[action];
  return roles.some((role) => allowed.includes(role));
}

/**
 * Competency scores judge a person: the project manager, consultants and the steering committee
 * read them to choose and train key users, administrators see everything, and each key user reads
 * their own; other key users, trainers and observers do not.
 */
export function mayReadCompetencyScores(
  caller: { id: string; isAdmin: boolean; roles: readonly ProjectRole[] },
  assignment: { userId: string },
): boolean {
  return caller.isAdmin || rolesAllow(caller.roles, 'readCompetencyScores') || assignment.userId === caller.id;
}
