import { Injectable } from '@nestjs/common';
import { todayIso } from '../../common/clock';
import type { RequestContext } from '../../common/context/request-context';
import { findByIdOrFail, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { CriterionService } from '../criterion/criterion.service';
import { User } from '../auth/entities/user.entity';
import { Project } from '../project/entities/project.entity';
import { ProjectStatus } from '../project/project.enums';
import { RecordedProgressService } from '../schedule/recorded-progress.service';
import { GateDecisionInput } from './dto/gate-decision.input';
import { GateDecision } from './entities/gate-decision.entity';
import { Stage } from '../plan/entities/stage.entity';
import { GateOutcome, StageStatus } from '../plan/stage.enums';
import { DecisionOnRecord, describeOpenCriteria, OpenException, openMustExitCriteria, submitForGate, whyGateApprovalBlockedByExceptions, whyGateOutcomeRefused } from './gate-rules';
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
    private readonly progress: RecordedProgressService,
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

  /**
   * The project manager reports the stage's work done and asks the steering committee to decide.
   * Safe to repeat, and not in the way of a committee that decided first (`submitForGate`).
   */
  async submitForGate(ctx: RequestContext, id: string): Promise<Stage> {
    const stage = await this.getForChange(ctx, id);
    const outcome = submitForGate(stage, await this.decisionOnRecord(ctx, stage.id));
    if (outcome.action === 'refuse') throw invalidTransition(outcome.reason, stage);
    if (outcome.action === 'unchanged') return stage;
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
    // The project row is locked exclusively (getForChange): no confirmation or waiver lands meanwhile.
    const open = await this.openMustExitCriteria(ctx, stage.id);
    const refused = whyGateOutcomeRefused(stage, input.outcome, open);
    if (refused) throw new DomainError(ErrorCode.GATE_CRITERIA_NOT_MET, refused, { stageId: stage.id, blockingCriteria: open.map((c) => c.id) });
    if (isApproval(input.outcome)) {
      const exceptions = await this.openExceptions(ctx, stage.projectId);
      const blocked = whyGateApprovalBlockedByExceptions(stage, input.outcome, exceptions);
      if (blocked) throw new DomainError(ErrorCode.EXCEPTION_OPEN, blocked, { stageId: stage.id, openExceptions: exceptions.map((e) => e.id) });
    }
    await ctx.manager.insert(GateDecision, { projectId: stage.projectId, stageId: stage.id, outcome: input.outcome, conditions, decidedById: user.id });
    stage.status = statusAfterGate(input.outcome);
    ctx.forget('loader:gateDecisions');
    return ctx.manager.save(stage);
  }

  /**
   * Refused while a MUST exit criterion is open (named), then while no approving decision stands.
   * The stage's work is done once its gate lets it close: its tasks without an actual finish are
   * recorded finished by today (`progressWhenDone`), in the same transaction.
   */
  async close(ctx: RequestContext, id: string): Promise<Stage> {
    const stage = await this.getForChange(ctx, id);
    if (stage.status !== StageStatus.ACTIVE && stage.status !== StageStatus.AWAITING_GATE) {
      throw invalidTransition(`Stage "${stage.name}" is ${stage.status}; only an active stage or one awaiting its gate can close`, stage);
    }
    const blocking = await this.openMustExitCriteria(ctx, stage.id);
    if (blocking.length) {
      throw new DomainError(ErrorCode.GATE_CRITERIA_NOT_MET, `Stage "${stage.name}" cannot close: ${describeOpenCriteria(blocking)}`,
        { blockingCriteria: blocking.map((c) => c.id) });
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
    await this.progress.finishStageWork(ctx, stage.projectId, stage.id, stage.actualFinish);
    return ctx.manager.save(stage);
  }

  latestDecision(ctx: RequestContext, stageId: string): Promise<GateDecision | null> {
    return ctx.manager.findOne(GateDecision, { where: { stageId }, order: { decidedAt: 'DESC', id: 'DESC' } });
  }

  /** The stage's MUST exit criteria that are PENDING or REJECTED (`openMustExitCriteria`), in their order. */
  private async openMustExitCriteria(ctx: RequestContext, stageId: string) {
    const criteria = await this.criteria.byStage(ctx, stageId);
    const statuses = await this.criteria.statuses(ctx, criteria);
    return openMustExitCriteria(criteria.map((c, i) => ({ id: c.id, text: c.text, kind: c.kind, priority: c.priority, status: statuses[i] })));
  }

  /**
   * The project's open exceptions, oldest first. Read by table name: exceptions belong to the
   * steering module, which sits above this one. The project row is locked (getForChange), and
   * deciding an exception locks it too, so none is decided or raised meanwhile.
   */
  private openExceptions(ctx: RequestContext, projectId: string): Promise<OpenException[]> {
    return ctx.manager.query(
      'SELECT id, description FROM project_exception WHERE project_id = $1 AND open ORDER BY raised_at, id',
      [projectId],
    );
  }

  private async decisionOnRecord(ctx: RequestContext, stageId: string): Promise<DecisionOnRecord | null> {
    const latest = await this.latestDecision(ctx, stageId);
    if (!latest) return null;
    const by = await ctx.manager.findOne(User, { where: { id: latest.decidedById }, select: { id: true, fullName: true } });
    return { outcome: latest.outcome, decidedAt: latest.decidedAt, decidedByName: by?.fullName ?? latest.decidedById };
  }

  private async getForChange(ctx: RequestContext, id: string): Promise<Stage> {
    const found = await findByIdOrFail(ctx, Stage, id, 'Stage');
    // Transitions of one project's stages are serialised on the project row.
    await lockRow(ctx, Project, found.projectId, 'exclusive');
    return findByIdOrFail(ctx, Stage, id, 'Stage', { lock: true });
  }
}
