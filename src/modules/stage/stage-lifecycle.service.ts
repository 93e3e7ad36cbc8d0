import { Injectable } from '@nestjs/common';
import { todayIso } from '../../common/clock';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { CriterionKind } from '../criterion/criterion.enums';
import { CriterionService } from '../criterion/criterion.service';
import { Project } from '../project/entities/project.entity';
import { ProjectStatus } from '../project/project.enums';
import { GateDecisionInput } from './dto/gate-decision.input';
import { GateDecision } from './entities/gate-decision.entity';
import { Stage } from './entities/stage.entity';
import { GateOutcome, StageStatus } from './stage.enums';
import { whyProjectCannotStartStages } from './project-status-transitions';
import { isApproval, statusAfterGate, whyCannotDecideGate, whyCannotStart } from './stage-transitions';

const invalidTransition = (message: string, stage: Stage) =>
  new DomainError(ErrorCode.INVALID_STAGE_TRANSITION, message, { stageId: stage.id, status: stage.status });

/** NOT_STARTED → ACTIVE → AWAITING_GATE → CLOSED, never skipping a gate. */
@Injectable()
export class StageLifecycleService {
  constructor(
    private readonly access: AccessService,
    private readonly criteria: CriterionService,
  ) {}

  async start(ctx: RequestContext, id: string): Promise<Stage> {
    const stage = await this.getForChange(ctx, id);
    const stages = await ctx.manager.find(Stage, { where: { projectId: stage.projectId } });
    const project = await ctx.manager.findOneOrFail(Project, { where: { id: stage.projectId } });
    const reason = whyProjectCannotStartStages(project.status) ?? whyCannotStart(stage, stages);
    if (reason) throw invalidTransition(reason, stage);
    stage.status = StageStatus.ACTIVE;
    stage.actualStart = todayIso();
    if (project.status === ProjectStatus.PLANNING) {
      project.status = ProjectStatus.IN_PROGRESS;
      await ctx.manager.save(project);
    }
    return ctx.manager.save(stage);
  }

  /** The project manager reports the stage's work done and asks the steering committee to decide. */
  async submitForGate(ctx: RequestContext, id: string): Promise<Stage> {
    const stage = await this.getForChange(ctx, id);
    if (stage.status !== StageStatus.ACTIVE) throw invalidTransition(`Stage "${stage.name}" is ${stage.status}; only an active stage can be submitted for its gate`, stage);
    stage.status = StageStatus.AWAITING_GATE;
    return ctx.manager.save(stage);
  }

  async decideGate(ctx: RequestContext, input: GateDecisionInput): Promise<Stage> {
    const user = this.access.requireUser(ctx);
    const stage = await this.getForChange(ctx, input.stageId);
    const reason = whyCannotDecideGate(stage);
    if (reason) throw invalidTransition(reason, stage);
    const conditions = input.conditions?.trim() || null;
    if (input.outcome === GateOutcome.APPROVED_WITH_CONDITIONS && !conditions) {
      throw badInput('An approval with conditions needs the conditions', 'conditions');
    }
    await ctx.manager.insert(GateDecision, { projectId: stage.projectId, stageId: stage.id, outcome: input.outcome, conditions, decidedById: user.id });
    stage.status = statusAfterGate(input.outcome);
    ctx.forget('loader:gateDecisions');
    return ctx.manager.save(stage);
  }

  /** Refused while a MUST exit criterion is open (named), then while no approving decision stands. */
  async close(ctx: RequestContext, id: string): Promise<Stage> {
    const stage = await this.getForChange(ctx, id);
    if (stage.status !== StageStatus.ACTIVE && stage.status !== StageStatus.AWAITING_GATE) {
      throw invalidTransition(`Stage "${stage.name}" is ${stage.status}; only an active stage or one awaiting its gate can close`, stage);
    }
    const exitCriteria = (await this.criteria.byStage(ctx, stage.id)).filter((c) => c.kind === CriterionKind.EXIT);
    const blocking = await this.criteria.blockingMust(ctx, exitCriteria);
    if (blocking.length) {
      throw new DomainError(
        ErrorCode.GATE_CRITERIA_NOT_MET,
        `Stage "${stage.name}" cannot close: ${blocking.length === 1 ? '1 MUST exit criterion is' : `${blocking.length} MUST exit criteria are`} neither confirmed nor waived: ` +
          blocking.map((c) => `"${c.text}"`).join('; '),
        { blockingCriteria: blocking.map((c) => c.id) },
      );
    }
    const latest = await this.latestDecision(ctx, stage.id);
    if (!isApproval(latest?.outcome)) {
      throw new DomainError(
        ErrorCode.GATE_NOT_APPROVED,
        latest
          ? `Stage "${stage.name}" cannot close: the steering committee's latest gate decision is ${latest.outcome}`
          : `Stage "${stage.name}" cannot close: the steering committee has not approved its gate`,
        { stageId: stage.id },
      );
    }
    stage.status = StageStatus.CLOSED;
    stage.actualFinish = todayIso();
    return ctx.manager.save(stage);
  }

  latestDecision(ctx: RequestContext, stageId: string): Promise<GateDecision | null> {
    return ctx.manager.findOne(GateDecision, { where: { stageId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }

  private async getForChange(ctx: RequestContext, id: string): Promise<Stage> {
    const found = await findByIdOrFail(ctx, Stage, id, 'Stage');
    // Transitions of one project's stages are serialised on the project row.
    await lockRow(ctx, Project, found.projectId, 'exclusive');
    return findByIdOrFail(ctx, Stage, id, 'Stage', { lock: true });
  }
}
