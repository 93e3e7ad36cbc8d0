import { Organization, ProjectRole } from '../auth/auth.enums';

/** What decides whether a person may confirm criteria of a project. */
export interface ConfirmerCandidate {
  organization: Organization;
  roles: readonly ProjectRole[];
  keyUserAssignments: readonly { functionAreaId: string; territoryId: string | null }[];
}

/** The slice a milestone's acceptance criteria belong to; null for exit and completion criteria. */
export interface MilestoneSlice {
  functionAreaId: string | null;
  territoryId: string | null;
}

/**
 * Whether a key-user assignment covers a milestone: the same function area (any, when the
 * milestone is cut by territory alone) and, when the milestone has a territory, that territory or
 * every territory (an assignment without a territory covers its function area everywhere, as in
 * coverage).
 */
export const assignmentCovers = (a: ConfirmerCandidate['keyUserAssignments'][number], milestone: MilestoneSlice): boolean =>
  (milestone.functionAreaId === null || a.functionAreaId === milestone.functionAreaId) &&
  (milestone.territoryId === null || a.territoryId === null || a.territoryId === milestone.territoryId);

/**
 * Why this person may not confirm a criterion, or null when they may. Acceptance is the client's
 * word on the integrator's work: confirmers are client-organisation members of the steering
 * committee or key users; for a milestone's acceptance criteria, key users of its function area
 * (and territory). The project manager never confirms, whatever their organisation.
 */
export function confirmerIneligibility(person: ConfirmerCandidate, milestone: MilestoneSlice | null): string | null {
  if (person.roles.includes(ProjectRole.PROJECT_MANAGER)) return 'is the project manager, who does not accept their own work';
  if (person.organization !== Organization.CLIENT) return 'is not of the client organisation';
  if (person.roles.includes(ProjectRole.STEERING_COMMITTEE)) return null;
  if (!person.roles.includes(ProjectRole.KEY_USER)) return 'holds neither the KEY_USER nor the STEERING_COMMITTEE role';
  if (milestone && !person.keyUserAssignments.some((a) => assignmentCovers(a, milestone))) {
    return 'is not assigned as key user to the milestone’s function area and territory (assignKeyUser)';
  }
  return null;
}
