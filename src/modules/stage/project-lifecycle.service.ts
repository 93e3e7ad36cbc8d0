import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail } from '../../common/database/find-by-id';
import { badInput, DomainError, forbidden, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { CriterionKind } from '../criterion/criterion.enums';
import { CriterionService } from '../criterion/criterion.service';
import { User } from '../auth/entities/user.entity';
import { Organization } from '../auth/auth.enums';
import { Project } from '../project/entities/project.entity';
import { ProjectStatus } from '../project/project.enums';
import { ChangeProjectStatusInput } from './dto/change-project-status.input';
import { GateDecision } from './entities/gate-decision.entity';
import { GateOutcome } from '../plan/stage.enums';
import { Stage } from '../plan/entities/stage.entity';
import { whyCannotChangeStatus, whyCannotDecideSupport } from './project-status-transitions';
import { isApproval } from './stage-transitions';

/**
 * The project's own lifecycle; above all the move into support, which is the client's recorded
 * decision and needs every completion criterion confirmed or waived.
 */
@Injectable()
export class ProjectLifecycleService {
  constructor(
    private readonly access: AccessService,
    private readonly criteria: CriterionService,
  ) {}

  /** Recorded by a steering committee member of the client organisation. */
  async decideSupportTransition(ctx: RequestContext, projectId: string, outcome: GateOutcome, conditions: string | null | undefined): Promise<GateDecision> {
    const session = this.access.requireUser(ctx);
    // Locked like a status change, so a decision and the move it allows are ordered.
    const project = await findByIdOrFail(ctx, Project, projectId, 'Project', { lock: true });
    const user = await ctx.manager.findOneOrFail(User, { where: { id: session.id } });
    if (user.organization !== Organization.CLIENT) {
      throw forbidden('The move to support is the client’s decision: only a steering committee member of the client organisation records it');
    }
    const stages = await ctx.manager.find(Stage, { where: { projectId } });
    const why = whyCannotDecideSupport(project.status, stages);
    if (why) throw new DomainError(ErrorCode.INVALID_STAGE_TRANSITION, why, { projectId, status: project.status });
    const trimmed = conditions?.trim() || null;
    if (outcome === GateOutcome.APPROVED_WITH_CONDITIONS && !trimmed) throw badInput('An approval with conditions needs the conditions', 'conditions');
    const decision = ctx.manager.create(GateDecision, { projectId, stageId: null, outcome, conditions: trimmed, decidedById: user.id });
    return ctx.manager.save(decision);
  }

  async changeStatus(ctx: RequestContext, input: ChangeProjectStatusInput): Promise<Project> {
    const project = await findByIdOrFail(ctx, Project, input.projectId, 'Project', { lock: true });
    if (project.version !== input.version) throw staleVersion('Project', project.id, input.version, project.version);
    if (input.status === project.status) return project;
    const stages = await ctx.manager.find(Stage, { where: { projectId: project.id } });
    const why = whyCannotChangeStatus(project.status, input.status, stages);
    if (why) throw new DomainError(ErrorCode.INVALID_STAGE_TRANSITION, why, { projectId: project.id, status: project.status });
    if (input.status === ProjectStatus.IN_SUPPORT) await this.assertReadyForSupport(ctx, project);
    project.status = input.status;
    return ctx.manager.save(project);
  }

  private async assertReadyForSupport(ctx: RequestContext, project: Project): Promise<void> {
    const completion = (await this.criteria.byProject(ctx, project.id)).filter((c) => c.kind === CriterionKind.COMPLETION);
    const blocking = await this.criteria.blockingMust(ctx, completion);
    if (blocking.length) {
      throw new DomainError(
        ErrorCode.GATE_CRITERIA_NOT_MET,
        `The project cannot move to support while these MUST completion criteria are neither confirmed nor waived: ` +
          blocking.map((c) => `"${c.text}"`).join('; '),
        { blockingCriteria: blocking.map((c) => c.id) },
      );
    }
    const latest = await ctx.manager.findOne(GateDecision, {
      where: { projectId: project.id, stageId: IsNull() },
      order: { decidedAt: 'DESC', id: 'DESC' },
    });
    if (!isApproval(latest?.outcome)) {
      throw new DomainError(
        ErrorCode.GATE_NOT_APPROVED,
        latest
          ? `The client's latest decision on the move to support is ${latest.outcome}`
          : 'The project cannot move to support before the client records its decision (decideSupportTransition)',
        { projectId: project.id },
      );
    }
  }
}
