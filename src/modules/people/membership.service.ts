import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { advisoryXactLock } from '../../common/database/advisory-lock';
import { findByIdOrFail, isUuid, lockRow } from '../../common/database/find-by-id';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { Project } from '../project/entities/project.entity';
import { ConfirmerCandidate, confirmerIneligibility, MilestoneSlice } from './confirmer-eligibility';
import { Membership } from '../auth/entities/membership.entity';
import { Organization, ProjectRole } from '../auth/auth.enums';
import { UserService } from './user.service';

const personLockKey = (userId: string) => `person:${userId}`;

/**
 * PRINCE2's separation of duties: the steering committee approves what the project manager
 * submits, waives criteria and decides gates, so nobody is both in one project.
 */
const EXCLUSIVE_ROLES: Partial<Record<ProjectRole, ProjectRole>> = {
  [ProjectRole.PROJECT_MANAGER]: ProjectRole.STEERING_COMMITTEE,
  [ProjectRole.STEERING_COMMITTEE]: ProjectRole.PROJECT_MANAGER,
};

@Injectable()
export class MembershipService {
  constructor(
    private readonly users: UserService,
  ) {}

  async addMember(ctx: RequestContext, projectId: string, userId: string, role: ProjectRole): Promise<Membership> {
    await findByIdOrFail(ctx, Project, projectId, 'Project');
    if (!isUuid(userId)) throw notFound('User', userId);
    await this.users.getById(ctx, userId);
    if (await ctx.manager.exists(Membership, { where: { projectId, userId, role } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `This user already has the role ${role} in the project`, { field: 'role' });
    }
    await this.lockMembersOf(ctx, projectId, userId);
    const excluded = EXCLUSIVE_ROLES[role];
    if (excluded && (await ctx.manager.exists(Membership, { where: { projectId, userId, role: excluded } }))) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `This user is the project's ${excluded}; the steering committee decides on the project manager's work, so one person cannot hold both roles`,
        { field: 'role' });
    }
    if (role === ProjectRole.PROJECT_MANAGER && (await this.openCriteriaConfirmedBy(ctx, projectId, userId)).length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        'This user confirms open criteria of the project; the project manager does not accept their own work, so reassign those criteria first',
        { field: 'role' });
    }
    const membership = await ctx.manager.save(ctx.manager.create(Membership, { projectId, userId, role }));
    ctx.forget(`roles:${projectId}`);
    return membership;
  }

  /**
   * Takes one role away. The project keeps a project manager; and a person's last role goes only
   * once nothing still open depends on them being a member (criteria they confirm, key-user
   * assignments, sessions they give or are invited to that have not ended): those are named, to
   * be reassigned first. What they did stays on record (confirmations, attendance).
   */
  async removeMember(ctx: RequestContext, projectId: string, userId: string, role: ProjectRole): Promise<boolean> {
    await findByIdOrFail(ctx, Project, projectId, 'Project');
    if (!isUuid(userId)) throw notFound('User', userId);
    await this.lockMembersOf(ctx, projectId, userId);
    // Waits for a key-user assignment in progress (it holds the project row exclusively).
    await lockRow(ctx, Project, projectId, 'shared');
    const roles = (await ctx.manager.find(Membership, { where: { projectId, userId }, select: { role: true } })).map((m) => m.role);
    if (!roles.includes(role)) {
      throw new DomainError(ErrorCode.NOT_FOUND, `This user has no role ${role} in the project`, { field: 'role' });
    }
    if (role === ProjectRole.PROJECT_MANAGER && (await ctx.manager.count(Membership, { where: { projectId, role } })) === 1) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'This is the project’s only project manager; add another one first', { field: 'role' });
    }
    if (roles.length === 1) {
      await this.assertNothingDependsOn(ctx, projectId, userId);
    } else {
      if (role === ProjectRole.KEY_USER) await this.assertNoKeyUserAssignments(ctx, projectId, userId);
      await this.assertStillConfirmerWithout(ctx, projectId, userId, { role });
    }
    await ctx.manager.delete(Membership, { projectId, userId, role });
    if (roles.length === 1) {
      // Who does a task is the plan's to say again: a person leaving the project leaves their tasks
      // without an owner (as a resource removed in MS Project), each task's version moving on.
      await ctx.manager.query('UPDATE task SET owner_id = NULL, version = version + 1 WHERE project_id = $1 AND owner_id = $2', [projectId, userId]);
      // The same for risks and issues they own: an open risk without an owner rates the report's risk AMBER
      // until the manager names another. Issues they raised keep them as raisedBy, the record of where it came from.
      await ctx.manager.query('UPDATE risk SET owner_id = NULL, version = version + 1 WHERE project_id = $1 AND owner_id = $2', [projectId, userId]);
      await ctx.manager.query('UPDATE project_issue SET owner_id = NULL, version = version + 1 WHERE project_id = $1 AND owner_id = $2', [projectId, userId]);
    }
    ctx.forget(`roles:${projectId}`);
    ctx.forget('loader:membershipsByProject');
    return true;
  }

  /**
   * Changes of one project's members run one at a time (the project's members lock), and each
   * takes the person's lock exclusively. Operations that name people take those locks shared,
   * first thing (`holdPeople`). Every person lock is taken before any row lock, so no one waits
   * for a person lock while holding a row, and no cycle of waits can form.
   */
  private async lockMembersOf(ctx: RequestContext, projectId: string, userId: string): Promise<void> {
    await advisoryXactLock(ctx.manager, `members:${projectId}`);
    await advisoryXactLock(ctx.manager, personLockKey(userId));
  }

  /**
   * For an operation that takes away what makes this person a confirmer (a key-user assignment):
   * excludes every operation holding them (`holdPeople`). Before any row lock, as `holdPeople`.
   */
  async lockPerson(ctx: RequestContext, userId: string): Promise<void> {
    await advisoryXactLock(ctx.manager, personLockKey(userId));
  }

  /**
   * For an operation about to name these people as confirmers, key users, trainers or attendees:
   * their memberships cannot change until it ends. Call it before the operation locks any row.
   */
  async holdPeople(ctx: RequestContext, userIds: readonly (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string' && isUuid(id)))].sort();
    for (const id of ids) await advisoryXactLock(ctx.manager, personLockKey(id), 'shared');
  }

  /** Criteria of the project this person confirms that are still open (not waived, not final). */
  async openCriteriaConfirmedBy(ctx: RequestContext, projectId: string, userId: string): Promise<string[]> {
    return (await this.openCriteriaWithSliceConfirmedBy(ctx, projectId, userId)).map((row) => row.id);
  }

  /** As openCriteriaConfirmedBy, with the slice of each acceptance criterion's milestone (null for the others). */
  private async openCriteriaWithSliceConfirmedBy(ctx: RequestContext, projectId: string, userId: string): Promise<{ id: string; milestone: MilestoneSlice | null }[]> {
    const rows: { id: string; milestone_id: string | null; function_area_id: string | null; territory_id: string | null }[] = await ctx.manager.query(
      `SELECT c.id, c.milestone_id, m.function_area_id, m.territory_id FROM criterion_confirmer cc
         JOIN criterion c ON c.id = cc.criterion_id
         JOIN project p ON p.id = c.project_id
         LEFT JOIN stage s ON s.id = c.stage_id
         LEFT JOIN milestone m ON m.id = c.milestone_id
        WHERE cc.user_id = $2 AND c.project_id = $1 AND c.waived_at IS NULL
          AND CASE WHEN c.stage_id IS NOT NULL THEN s.status <> 'CLOSED'
                   WHEN c.milestone_id IS NOT NULL THEN m.status <> 'ACCEPTED'
                   ELSE p.status NOT IN ('IN_SUPPORT', 'CLOSED') END
        ORDER BY c.id`,
      [projectId, userId],
    );
    return rows.map((row) => ({
      id: row.id,
      milestone: row.milestone_id ? { functionAreaId: row.function_area_id, territoryId: row.territory_id } : null,
    }));
  }

  /**
   * Organisation, roles and key-user assignments in this project of each of these people (those
   * that exist), with their names for messages: what `confirmerIneligibility` decides on.
   */
  async confirmerCandidates(ctx: RequestContext, projectId: string, userIds: readonly string[]): Promise<Map<string, ConfirmerCandidate & { fullName: string }>> {
    const rows: { id: string; full_name: string; organization: Organization; roles: ProjectRole[]; assignments: ConfirmerCandidate['keyUserAssignments'] }[] =
      await ctx.manager.query(
        `SELECT u.id, u.full_name, u.organization::text AS organization,
                ARRAY(SELECT m.role::text FROM membership m WHERE m.project_id = $1 AND m.user_id = u.id ORDER BY m.role) AS roles,
                COALESCE((SELECT json_agg(json_build_object('functionAreaId', k.function_area_id, 'territoryId', k.territory_id))
                            FROM key_user_assignment k WHERE k.project_id = $1 AND k.user_id = u.id), '[]'::json) AS assignments
           FROM app_user u WHERE u.id = ANY($2::uuid[])`,
        [projectId, [...new Set(userIds.filter(isUuid))]],
      );
    return new Map(rows.map((r) => [r.id, { fullName: r.full_name, organization: r.organization, roles: r.roles, keyUserAssignments: r.assignments }]));
  }

  /**
   * Confirmers are the client's people (`confirmerIneligibility`): BAD_USER_INPUT naming each
   * person who is not, and why. The people must be members already (`assertMembers`).
   */
  async assertEligibleConfirmers(ctx: RequestContext, projectId: string, userIds: readonly string[], milestone: MilestoneSlice | null): Promise<void> {
    const candidates = await this.confirmerCandidates(ctx, projectId, userIds);
    const refused = [...candidates].flatMap(([id, person]) => {
      const why = confirmerIneligibility(person, milestone);
      return why ? [{ id, text: `${person.fullName} (${id}) ${why}` }] : [];
    });
    if (refused.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `Criteria are confirmed by the client: its steering committee members, and key users${milestone ? ' of the milestone’s function area and territory' : ''}; not allowed: ${refused.map((r) => r.text).join('; ')}`,
        { field: 'confirmerIds', userIds: refused.map((r) => r.id) });
    }
  }

  /**
   * A person stops being able to confirm only once no open criterion needs them: taking away a
   * role or a key-user assignment that makes them a confirmer is refused, naming those criteria.
   */
  async assertStillConfirmerWithout(ctx: RequestContext, projectId: string, userId: string, taken: { role?: ProjectRole; assignment?: { functionAreaId: string; territoryId: string | null } }): Promise<void> {
    const open = await this.openCriteriaWithSliceConfirmedBy(ctx, projectId, userId);
    if (!open.length) return;
    const person = (await this.confirmerCandidates(ctx, projectId, [userId])).get(userId)!;
    // One assignment per person, function area and territory (assignKeyUser refuses a second).
    const isTaken = (a: ConfirmerCandidate['keyUserAssignments'][number]) =>
      a.functionAreaId === taken.assignment?.functionAreaId && a.territoryId === taken.assignment.territoryId;
    const after: ConfirmerCandidate = {
      organization: person.organization,
      roles: person.roles.filter((r) => r !== taken.role),
      keyUserAssignments: person.keyUserAssignments.filter((a) => !isTaken(a)),
    };
    const stranded = open.filter((c) => confirmerIneligibility(after, c.milestone) !== null).map((c) => c.id);
    if (stranded.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `${person.fullName} confirms ${stranded.length} open ${stranded.length === 1 ? 'criterion' : 'criteria'} that need${stranded.length === 1 ? 's' : ''} this ${taken.role ? `role (${taken.role})` : 'key-user assignment'}; give ${stranded.length === 1 ? 'it' : 'them'} other confirmers first (setCriterionConfirmers)`,
        { field: taken.role ? 'role' : 'id', criterionIds: stranded });
    }
  }

  private async assertNoKeyUserAssignments(ctx: RequestContext, projectId: string, userId: string): Promise<void> {
    const rows: { id: string }[] = await ctx.manager.query(
      'SELECT id FROM key_user_assignment WHERE project_id = $1 AND user_id = $2 ORDER BY id', [projectId, userId]);
    if (rows.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `This person holds ${rows.length} key-user ${rows.length === 1 ? 'assignment' : 'assignments'}, which only members with the KEY_USER role may hold; remove ${rows.length === 1 ? 'it' : 'them'} first (removeKeyUser)`,
        { field: 'role', keyUserAssignmentIds: rows.map((r) => r.id) });
    }
  }

  private async assertNothingDependsOn(ctx: RequestContext, projectId: string, userId: string): Promise<void> {
    const criteria = await this.openCriteriaConfirmedBy(ctx, projectId, userId);
    const [open] = await ctx.manager.query(
      `SELECT
         ARRAY(SELECT k.id FROM key_user_assignment k WHERE k.project_id = $1 AND k.user_id = $2 ORDER BY k.id) AS assignments,
         ARRAY(SELECT t.id FROM training_session t
                WHERE t.project_id = $1 AND t.cancelled_at IS NULL AND t.ends_at > now()
                  AND (t.trainer_id = $2 OR EXISTS (SELECT 1 FROM training_attendance a WHERE a.session_id = t.id AND a.user_id = $2))
                ORDER BY t.starts_at, t.id) AS sessions`,
      [projectId, userId],
    );
    const parts = [
      criteria.length && `confirm ${criteria.length} open ${criteria.length === 1 ? 'criterion' : 'criteria'} (setCriterionConfirmers)`,
      open.assignments.length && `hold ${open.assignments.length} key-user ${open.assignments.length === 1 ? 'assignment' : 'assignments'} (removeKeyUser)`,
      open.sessions.length && `give or are invited to ${open.sessions.length} training ${open.sessions.length === 1 ? 'session that has' : 'sessions that have'} not ended (rescheduleTraining, uninviteFromTraining)`,
    ].filter(Boolean);
    if (parts.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `This is the person’s last role in the project and they still ${parts.join('; ')}; reassign those first`, {
        field: 'userId', criterionIds: criteria, keyUserAssignmentIds: open.assignments, trainingSessionIds: open.sessions,
      });
    }
  }

  /** For the creator of a project, who becomes its first project manager. */
  async addCreator(ctx: RequestContext, projectId: string, userId: string): Promise<void> {
    await ctx.manager.insert(Membership, { projectId, userId, role: ProjectRole.PROJECT_MANAGER });
  }

  byProject(ctx: RequestContext, projectId: string): Promise<Membership[]> {
    return byParentLoader(
      ctx,
      'membershipsByProject',
      (ids) => ctx.manager.find(Membership, { where: { projectId: In([...ids]) }, order: { createdAt: 'ASC' } }),
      (m) => m.projectId,
    ).load(projectId);
  }

  /**
   * People an operation names (confirmers, key users, trainers, attendees) must be members of the
   * project: a manager cannot pull outsiders, or their names and emails, into it.
   */
  async assertMembers(ctx: RequestContext, projectId: string, userIds: readonly string[], field: string, who: string): Promise<void> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return;
    const malformed = ids.filter((id) => !isUuid(id));
    // An empty id among them is named as such, not listed as a blank between commas.
    if (malformed.length) throw notFound('User', malformed.some((id) => id.trim() === '') ? '' : malformed.join(', '));
    const rows = await ctx.manager.find(Membership, { where: { projectId, userId: In(ids) }, select: { userId: true } });
    const members = new Set(rows.map((row) => row.userId));
    const outsiders = ids.filter((id) => !members.has(id));
    if (outsiders.length) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT,
        `${who} must be members of the project (add them with addMember first); not members: ${outsiders.join(', ')}`,
        { field, userIds: outsiders });
    }
  }
}
