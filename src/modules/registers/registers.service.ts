import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail } from '../../common/database/find-by-id';
import { staleVersion } from '../../common/errors/domain-error';
import { AccessService } from '../auth/access.service';
import { MembershipService } from '../people/membership.service';
import { Project } from '../project/entities/project.entity';
import { AddRiskInput, RaiseIssueInput, UpdateIssueInput, UpdateRiskInput } from './dto/register.inputs';
import { ProjectIssue } from './entities/project-issue.entity';
import { Risk } from './entities/risk.entity';
import { compareIssues, compareRisks, optionalText, requireRating, requireResolutionFor, requireTitle } from './register-rules';

/**
 * The risk and issue registers (REPORTING.md "Steering"). The guard admits the caller
 * (manageRegisters, raiseIssue); here every value is checked before anything is written, owners
 * must be members, and edits are version-checked on the locked row.
 */
@Injectable()
export class RegistersService {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipService,
  ) {}

  async addRisk(ctx: RequestContext, input: AddRiskInput): Promise<Risk> {
    await this.memberships.holdPeople(ctx, [input.ownerId]);
    await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    const risk = ctx.manager.create(Risk, {
      projectId: input.projectId,
      title: requireTitle(input.title),
      description: optionalText(input.description),
      probability: requireRating(input.probability, 'probability'),
      impact: requireRating(input.impact, 'impact'),
      ownerId: await this.owner(ctx, input.projectId, input.ownerId, 'Owners of risks'),
      response: input.response ?? null,
      proximity: input.proximity ?? null,
    });
    const saved = await ctx.manager.save(risk);
    ctx.forget('loader:risksByProject');
    return saved;
  }

  async updateRisk(ctx: RequestContext, input: UpdateRiskInput): Promise<Risk> {
    // The owner's membership cannot change until this edit ends (person locks come before row locks).
    await this.memberships.holdPeople(ctx, [input.ownerId]);
    const risk = await findByIdOrFail(ctx, Risk, input.id, 'Risk', { lock: true });
    if (risk.version !== input.version) throw staleVersion('Risk', risk.id, input.version, risk.version);
    if (input.title != null) risk.title = requireTitle(input.title);
    if (input.description !== undefined) risk.description = optionalText(input.description);
    if (input.probability != null) risk.probability = requireRating(input.probability, 'probability');
    if (input.impact != null) risk.impact = requireRating(input.impact, 'impact');
    if (input.ownerId !== undefined) risk.ownerId = await this.owner(ctx, risk.projectId, input.ownerId, 'Owners of risks');
    if (input.response !== undefined) risk.response = input.response;
    if (input.proximity !== undefined) risk.proximity = input.proximity;
    if (input.status != null) risk.status = input.status;
    const saved = await ctx.manager.save(risk);
    ctx.forget('loader:risksByProject');
    return saved;
  }

  /** Raised by the caller (any member but an observer, or an administrator), OPEN. */
  async raiseIssue(ctx: RequestContext, input: RaiseIssueInput): Promise<ProjectIssue> {
    const user = this.access.requireUser(ctx);
    await this.memberships.holdPeople(ctx, [input.ownerId]);
    await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    const issue = ctx.manager.create(ProjectIssue, {
      projectId: input.projectId,
      title: requireTitle(input.title),
      description: optionalText(input.description),
      type: input.type,
      priority: input.priority,
      ownerId: await this.owner(ctx, input.projectId, input.ownerId, 'Owners of issues'),
      raisedById: user.id,
    });
    const saved = await ctx.manager.save(issue);
    ctx.forget('loader:issuesByProject');
    return saved;
  }

  async updateIssue(ctx: RequestContext, input: UpdateIssueInput): Promise<ProjectIssue> {
    await this.memberships.holdPeople(ctx, [input.ownerId]);
    const issue = await findByIdOrFail(ctx, ProjectIssue, input.id, 'Issue', { lock: true });
    if (issue.version !== input.version) throw staleVersion('Issue', issue.id, input.version, issue.version);
    if (input.title != null) issue.title = requireTitle(input.title);
    if (input.description !== undefined) issue.description = optionalText(input.description);
    if (input.priority != null) issue.priority = input.priority;
    if (input.ownerId !== undefined) issue.ownerId = await this.owner(ctx, issue.projectId, input.ownerId, 'Owners of issues');
    if (input.resolution !== undefined) issue.resolution = optionalText(input.resolution);
    if (input.status != null) issue.status = input.status;
    // Also when only the resolution is taken away from a resolved issue.
    requireResolutionFor(issue.status, issue.resolution);
    const saved = await ctx.manager.save(issue);
    ctx.forget('loader:issuesByProject');
    return saved;
  }

  /** The register, open risks first by score (compareRisks); one query for every project of a request. */
  risks(ctx: RequestContext, projectId: string): Promise<Risk[]> {
    return byParentLoader(ctx, 'risksByProject',
      async (ids) => (await ctx.manager.find(Risk, { where: { projectId: In([...ids]) } })).sort(compareRisks),
      (row) => row.projectId).load(projectId);
  }

  /** The register, open issues first by priority (compareIssues); one query for every project of a request. */
  issues(ctx: RequestContext, projectId: string): Promise<ProjectIssue[]> {
    return byParentLoader(ctx, 'issuesByProject',
      async (ids) => (await ctx.manager.find(ProjectIssue, { where: { projectId: In([...ids]) } })).sort(compareIssues),
      (row) => row.projectId).load(projectId);
  }

  /** A member of the project, or null; anyone else is refused naming the person (field ownerId). */
  private async owner(ctx: RequestContext, projectId: string, ownerId: string | null | undefined, who: string): Promise<string | null> {
    if (ownerId == null) return null;
    await this.memberships.assertMembers(ctx, projectId, [ownerId], 'ownerId', who);
    return ownerId;
  }
}
