import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { isUuid } from '../../common/database/find-by-id';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { Project } from '../project/entities/project.entity';
import { Membership } from './entities/membership.entity';
import { ProjectRole } from './people.enums';
import { UserService } from './user.service';

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
    if (!isUuid(projectId) || !(await ctx.manager.exists(Project, { where: { id: projectId } }))) {
      throw notFound('Project', projectId);
    }
    if (!isUuid(userId)) throw notFound('User', userId);
    await this.users.getById(ctx, userId);
    if (await ctx.manager.exists(Membership, { where: { projectId, userId, role } })) {
      throw new DomainError(ErrorCode.DUPLICATE, `This user already has the role ${role} in the project`, { field: 'role' });
    }
    const excluded = EXCLUSIVE_ROLES[role];
    if (excluded) {
      // Two concurrent grants of the two roles to one person wait for each other.
      await ctx.manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`membership:${projectId}:${userId}`]);
      if (await ctx.manager.exists(Membership, { where: { projectId, userId, role: excluded } })) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT,
          `This user is the project's ${excluded}; the steering committee decides on the project manager's work, so one person cannot hold both roles`,
          { field: 'role' });
      }
    }
    const membership = await ctx.manager.save(ctx.manager.create(Membership, { projectId, userId, role }));
    ctx.forget(`roles:${projectId}`);
    return membership;
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
    if (malformed.length) throw notFound('User', malformed.join(', '));
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
