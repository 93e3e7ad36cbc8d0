import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail } from '../../common/database/find-by-id';
import { badInput, DomainError, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { Milestone } from '../milestone/entities/milestone.entity';
import { MembershipService } from '../people/membership.service';
import { Project } from '../project/entities/project.entity';
import { Stage } from '../stage/entities/stage.entity';
import { StageStatus } from '../stage/stage.enums';
import { ConfirmationDecision, CriterionKind, Priority } from './criterion.enums';
import { CriterionService } from './criterion.service';
import { AddCriterionInput } from './dto/add-criterion.input';
import { Confirmation } from './entities/confirmation.entity';
import { CriterionConfirmer } from './entities/criterion-confirmer.entity';
import { Criterion } from './entities/criterion.entity';

const MAX_TEXT = 10_000;

/** What changes criteria: adding them, assigning confirmers, confirmations and waivers. */
@Injectable()
export class CriterionCommandService {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipService,
    private readonly criteria: CriterionService,
  ) {}

  async add(ctx: RequestContext, input: AddCriterionInput): Promise<Criterion> {
    const owners = [input.projectId, input.stageId, input.milestoneId].filter(Boolean);
    if (owners.length !== 1) {
      throw badInput('Give exactly one of projectId (completion), stageId (exit) or milestoneId (acceptance)', 'stageId');
    }
    const { projectId, kind, stageId, milestoneId } = await this.resolveOwner(ctx, input);
    const confirmerIds = await this.validateConfirmers(ctx, projectId, input.confirmerIds);
    const criterion = await ctx.manager.save(ctx.manager.create(Criterion, {
      projectId, stageId, milestoneId, kind, text: input.text.trim(), priority: input.priority ?? Priority.MUST,
      position: await ctx.manager.count(Criterion, { where: { projectId, stageId: stageId ?? IsNull(), milestoneId: milestoneId ?? IsNull(), kind } }),
    }));
    await ctx.manager.insert(CriterionConfirmer, confirmerIds.map((userId) => ({ criterionId: criterion.id, userId })));
    return criterion;
  }

  /** Replaces the confirmers, e.g. of criteria that came from a template. Past decisions stay. */
  async setConfirmers(ctx: RequestContext, id: string, version: number, confirmerIds: string[]): Promise<Criterion> {
    const criterion = await this.getForChange(ctx, id);
    if (criterion.version !== version) {
      throw staleVersion('Criterion', id, version, criterion.version);
    }
    const ids = await this.validateConfirmers(ctx, criterion.projectId, confirmerIds);
    await ctx.manager.delete(CriterionConfirmer, { criterionId: id });
    await ctx.manager.insert(CriterionConfirmer, ids.map((userId) => ({ criterionId: id, userId })));
    criterion.version += 1;
    await ctx.manager.update(Criterion, { id }, { version: criterion.version });
    ctx.forget('loader:confirmersByCriterion');
    return criterion;
  }

  async decide(ctx: RequestContext, id: string, decision: ConfirmationDecision, comment: string | null | undefined): Promise<Criterion> {
    const user = this.access.requireUser(ctx);
    const criterion = await findByIdOrFail(ctx, Criterion, id, 'Criterion');
    const trimmed = comment?.trim() || null;
    if (trimmed && trimmed.length > MAX_TEXT) throw badInput(`comment must be at most ${MAX_TEXT} characters`, 'comment');
    if (decision === ConfirmationDecision.REJECTED && !trimmed) {
      throw badInput('A rejection needs a comment saying what is wrong', 'comment');
    }
    const confirmers = await this.criteria.confirmerIds(ctx, id);
    if (!confirmers.includes(user.id)) {
      throw new DomainError(ErrorCode.NOT_A_CONFIRMER,
        `You are not a confirmer of "${criterion.text}"; its confirmers are assigned by the project manager`, { criterionId: id });
    }
    await ctx.manager.insert(Confirmation, { criterionId: id, userId: user.id, decision, comment: trimmed });
    ctx.forget('loader:confirmationsByCriterion');
    return criterion;
  }

  async waive(ctx: RequestContext, id: string, reason: string): Promise<Criterion> {
    const user = this.access.requireUser(ctx);
    const criterion = await this.getForChange(ctx, id);
    const trimmed = reason.trim();
    if (!trimmed) throw badInput('A waiver needs the reason the steering committee accepted', 'reason');
    if (trimmed.length > MAX_TEXT) throw badInput(`reason must be at most ${MAX_TEXT} characters`, 'reason');
    if (criterion.waivedAt) throw badInput(`"${criterion.text}" was already waived`, 'id');
    criterion.waiverReason = trimmed;
    criterion.waivedById = user.id;
    criterion.waivedAt = new Date();
    return ctx.manager.save(criterion);
  }

  private getForChange(ctx: RequestContext, id: string): Promise<Criterion> {
    return findByIdOrFail(ctx, Criterion, id, 'Criterion', { lock: true });
  }

  private async resolveOwner(ctx: RequestContext, input: AddCriterionInput) {
    if (input.stageId) {
      const stage = await findByIdOrFail(ctx, Stage, input.stageId, 'Stage');
      if (stage.status === StageStatus.CLOSED) throw badInput(`Stage "${stage.name}" is closed; its exit criteria are final`, 'stageId');
      return { projectId: stage.projectId, kind: CriterionKind.EXIT, stageId: stage.id, milestoneId: null };
    }
    if (input.milestoneId) {
      const milestone = await findByIdOrFail(ctx, Milestone, input.milestoneId, 'Milestone');
      return { projectId: milestone.projectId, kind: CriterionKind.ACCEPTANCE, stageId: null, milestoneId: milestone.id };
    }
    const project = await findByIdOrFail(ctx, Project, input.projectId!, 'Project');
    return { projectId: project.id, kind: CriterionKind.COMPLETION, stageId: null, milestoneId: null };
  }

  private async validateConfirmers(ctx: RequestContext, projectId: string, confirmerIds: string[]): Promise<string[]> {
    const ids = [...new Set(confirmerIds)];
    if (ids.length === 0) throw badInput('A criterion needs at least one confirmer', 'confirmerIds');
    await this.memberships.assertMembers(ctx, projectId, ids, 'confirmerIds', 'Confirmers');
    return ids;
  }
}
