import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext, SessionUser } from '../../common/context/request-context';
import { DomainError, forbidden, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { Membership } from './entities/membership.entity';
import { ProjectRole } from './auth.enums';
import { MEMBERS_ONLY_ACTIONS, PROJECT_PERMISSIONS, ProjectAction, rolesAllow } from './project-permissions';

const ACTION_DESCRIPTIONS: Record<ProjectAction, string> = {
  read: 'read this project',
  editProject: 'change the project settings',
  manageMembers: 'manage project members',
  editPlan: 'change the plan',
  editTask: 'edit tasks',
  manageCriteria: 'manage criteria',
  waiveCriterion: 'waive criteria',
  decideGate: 'decide stage gates',
  moveStage: 'start or close stages',
  manageKeyUsers: 'manage key users',
  readCompetencyScores: 'read the competency scores of other key users',
  scheduleTraining: 'schedule training',
  editReport: 'edit status reports',
  publishReport: 'publish status reports',
  readDraftReports: 'read draft status reports',
  export: 'export project documents',
  setTolerances: 'set the project tolerances',
  manageRegisters: 'manage the risk and issue registers',
  raiseIssue: 'raise issues',
  keepMinutes: 'record meetings and their decisions',
  decideException: 'decide exceptions',
};

/** Object-level authorisation: every service asks here before it reads or changes a project. */
@Injectable()
export class AccessService {
  requireUser(ctx: RequestContext): SessionUser {
    if (!ctx.user) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in first');
    return ctx.user;
  }

  requireAdmin(ctx: RequestContext): SessionUser {
    const user = this.requireUser(ctx);
    if (!user.isAdmin) throw forbidden('Only an administrator may do this');
    return user;
  }

  async rolesIn(ctx: RequestContext, projectId: string): Promise<ProjectRole[]> {
    const user = this.requireUser(ctx);
    return ctx.memoize(`roles:${projectId}`, async () => {
      const rows = await ctx.manager.find(Membership, { where: { projectId, userId: user.id }, select: { role: true } });
      return rows.map((row) => row.role);
    });
  }

  /** The caller's roles in a project, read with the session (AuthService.settleSession): `rolesIn` will not read them again. */
  rememberRoles(ctx: RequestContext, projectId: string, roles: ProjectRole[]): void {
    ctx.memoize(`roles:${projectId}`, () => Promise.resolve(roles));
  }

  /**
   * Refuses with NOT_FOUND when the user is not a member (the project's existence stays hidden)
   * and FORBIDDEN when they are a member without the right.
   */
  async assertCan(
    ctx: RequestContext,
    projectId: string,
    action: ProjectAction,
    subject: { what: string; id: string } = { what: 'Project', id: projectId },
  ): Promise<void> {
    const user = this.requireUser(ctx);
    const membersOnly = MEMBERS_ONLY_ACTIONS.has(action);
    if (user.isAdmin && !membersOnly) return;
    const roles = await this.rolesIn(ctx, projectId);
    if (roles.length === 0 && !user.isAdmin) throw notFound(subject.what, subject.id);
    if (roles.length === 0) {
      throw forbidden(`Administrators do not ${ACTION_DESCRIPTIONS[action]} for the steering committee; that needs ${PROJECT_PERMISSIONS[action].join(' or ')} membership`);
    }
    if (!rolesAllow(roles, action)) {
      throw forbidden(
        `Your role in this project (${roles.join(', ')}) may not ${ACTION_DESCRIPTIONS[action]}; ` +
          `that needs ${PROJECT_PERMISSIONS[action].join(' or ')}`,
      );
    }
  }

  /** Administrators, and members of any project whose role may add members there. */
  async managesMembersAnywhere(ctx: RequestContext): Promise<boolean> {
    const user = this.requireUser(ctx);
    if (user.isAdmin) return true;
    return ctx.manager.exists(Membership, { where: { userId: user.id, role: In([...PROJECT_PERMISSIONS.manageMembers]) } });
  }

  async canRead(ctx: RequestContext, projectId: string): Promise<boolean> {
    const user = this.requireUser(ctx);
    return user.isAdmin || (await this.rolesIn(ctx, projectId)).length > 0;
  }
}
