import type { RequestContext } from '../../common/context/request-context';
import { isUuid } from '../../common/database/find-by-id';
import { badInput, notFound } from '../../common/errors/domain-error';
import type { ProjectScope, ScopedEntity } from './operation-policies';

/** How a refusal names each kind of object. */
const LABELS: Record<ScopedEntity, string> = {
  Project: 'Project',
  Task: 'Task',
  Dependency: 'Dependency',
  Milestone: 'Milestone',
  Stage: 'Stage',
  Criterion: 'Criterion',
  TrainingSession: 'Training session',
  KeyUserAssignment: 'Key-user assignment',
  FunctionArea: 'Function area',
  Territory: 'Territory',
  Risk: 'Risk',
  ProjectIssue: 'Issue',
  StatusReport: 'Status report',
  SteeringMeeting: 'Meeting',
  MeetingDecision: 'Decision',
  ProjectException: 'Exception',
};

export interface ScopedSubject {
  projectId: string;
  /** The object the operation names, for a NOT_FOUND that does not reveal the project. */
  what: string;
  id: string;
}

/** The value at a dotted path of the operation's arguments (`input.id`), or undefined. */
export function argumentAt(args: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), args);
}

/**
 * The project id an operation names directly (its first present scope argument is a project's,
 * and a well-formed id), or null: read ahead with the session by the access guard.
 */
export function namedProject(scopes: readonly ProjectScope[], args: Record<string, unknown>): string | null {
  for (const scope of scopes) {
    const id = argumentAt(args, scope.arg);
    if (id === undefined || id === null) continue;
    return scope.entity === 'Project' && typeof id === 'string' && isUuid(id) ? id : null;
  }
  return null;
}

/**
 * The project an operation acts in: the first scope whose argument is present names either the
 * project itself or an object of it. An id of nothing (or a malformed id) is NOT_FOUND.
 */
export async function resolveProjectScope(ctx: RequestContext, scopes: readonly ProjectScope[], args: Record<string, unknown>): Promise<ScopedSubject> {
  for (const scope of scopes) {
    const id = argumentAt(args, scope.arg);
    if (id === undefined || id === null) continue;
    const what = LABELS[scope.entity];
    if (typeof id !== 'string' || !isUuid(id)) throw notFound(what, String(id).slice(0, 100));
    if (scope.entity === 'Project') return { projectId: id, what, id };
    const row = await ctx.manager.getRepository<{ id: string; projectId: string }>(scope.entity).findOne({ where: { id }, select: { id: true, projectId: true } });
    if (!row) throw notFound(what, id);
    return { projectId: row.projectId, what, id };
  }
  throw badInput(`Name the object to act on: ${scopes.map((s) => s.arg).join(' or ')}`, scopes[0].arg);
}
