import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { RequestContext } from '../../../common/context/request-context';
import { byIdLoader, byParentLoader } from '../../../common/dataloaders/request-loaders';
import { findByIdOrFail, lockRow } from '../../../common/database/find-by-id';
import { badInput, DomainError } from '../../../common/errors/domain-error';
import { ErrorCode } from '../../../common/errors/error-codes';
import { AccessService } from '../../auth/access.service';
import { User } from '../../auth/entities/user.entity';
import { Project } from '../../project/entities/project.entity';
import { ProjectStatus } from '../../project/project.enums';
import { StatusReport } from '../entities/status-report.entity';
import { BaselineService } from '../../schedule/baseline.service';
import { Stage } from '../../plan/entities/stage.entity';
import { whyCannotChangeStatus } from '../../stage/project-status-transitions';
import { ExceptionDecision } from './exception.enums';
import {
  closesException, ComputedRating, exceptionDescription, exceptionPlanBaselineName, normaliseNote, ratingsRaisingExceptions, whyDecisionRefused,
} from './exception-rules';
import { ProjectException } from './project-exception.entity';

/**
 * Exceptions to the steering committee (REPORTING.md "Publishing and exceptions"): raised when a
 * report is published with a RED computed schedule or cost rating, decided by the committee.
 */
@Injectable()
export class ExceptionsService {
  constructor(
    private readonly access: AccessService,
    private readonly baselines: BaselineService,
  ) {}

  /**
   * Raises one exception per dimension whose computed rating (not the override) is RED among
   * schedule and cost. Called by publishStatusReport in its transaction (ctx.manager), with the
   * report already marked published and the ratings it froze. Safe to call twice for a report.
   */
  async raiseExceptionsForPublishedReport(ctx: RequestContext, report: StatusReport, computedRatings: readonly ComputedRating[]): Promise<ProjectException[]> {
    if (!report.publishedAt) throw new Error(`Status report ${report.id} is not published: exceptions are raised on publication`);
    const raising = ratingsRaisingExceptions(computedRatings);
    if (!raising.length) return [];
    // Serialised with gate decisions, which read the open exceptions under the same lock.
    await lockRow(ctx, Project, report.projectId, 'exclusive');
    const already = await ctx.manager.find(ProjectException, { where: { reportId: report.id } });
    const toRaise = raising.filter((r) => !already.some((e) => e.dimension === r.dimension));
    const raised = await ctx.manager.save(toRaise.map((rating) => ctx.manager.create(ProjectException, {
      projectId: report.projectId, reportId: report.id, dimension: rating.dimension,
      raisedAt: report.publishedAt!, description: exceptionDescription(report, rating.basis),
    })));
    this.forgetReads(ctx);
    return [...already, ...raised];
  }

  /**
   * The steering committee's decision (the guard admitted the caller). Closing decisions
   * (APPROVE_EXCEPTION_PLAN, PREMATURE_CLOSE) are taken once; REQUEST_EXCEPTION_PLAN once, before one.
   */
  async decide(ctx: RequestContext, id: string, decision: ExceptionDecision, note: string | null | undefined): Promise<ProjectException> {
    const user = this.access.requireUser(ctx);
    const found = await findByIdOrFail(ctx, ProjectException, id, 'Exception');
    // The project row first, as gate decisions and plan edits take it; then the exception.
    const project = await findByIdOrFail(ctx, Project, found.projectId, 'Project', { lock: true });
    const exception = await findByIdOrFail(ctx, ProjectException, id, 'Exception', { lock: true });
    const decidedBy = exception.decidedById ? await ctx.manager.findOne(User, { where: { id: exception.decidedById }, select: { id: true, fullName: true } }) : null;
    const refused = whyDecisionRefused({ ...exception, decidedByName: decidedBy?.fullName ?? null }, decision);
    if (refused) throw badInput(refused.message, refused.field);

    const now = new Date();
    const trimmed = normaliseNote(note);
    if (decision === ExceptionDecision.APPROVE_EXCEPTION_PLAN) {
      const report = await ctx.manager.findOneByOrFail(StatusReport, { id: exception.reportId });
      // Variance restarts from the plan as it stands: the approved exception plan.
      const baseline = await this.baselines.capture(ctx, project.id, exceptionPlanBaselineName(exception.dimension, report));
      exception.baselineId = baseline.id;
    }
    if (decision === ExceptionDecision.PREMATURE_CLOSE) await this.closeProject(ctx, project);
    if (decision === ExceptionDecision.REQUEST_EXCEPTION_PLAN) {
      exception.planRequestedById = user.id;
      exception.planRequestedAt = now;
      exception.planRequestNote = trimmed;
    }
    exception.decision = decision;
    exception.decidedById = user.id;
    exception.decidedAt = now;
    exception.note = trimmed;
    exception.open = !closesException(decision);
    const saved = await ctx.manager.save(exception);
    this.forgetReads(ctx);
    return saved;
  }

  /** Project.exceptions: newest first; one query for every project of a request. */
  byProject(ctx: RequestContext, projectId: string): Promise<ProjectException[]> {
    return byParentLoader(ctx, 'exceptionsByProject',
      (ids) => ctx.manager.find(ProjectException, { where: { projectId: In([...ids]) }, order: { raisedAt: 'DESC', dimension: 'ASC', id: 'ASC' } }),
      (row) => row.projectId).load(projectId);
  }

  /**
   * StatusReport.exceptions: the project's exceptions standing when the report was published
   * (for a draft: now) — raised by then and not closed before — including those it raised.
   * One query for every report of a request.
   */
  async byReport(ctx: RequestContext, reportId: string): Promise<ProjectException[]> {
    const rows = await byParentLoader(ctx, 'exceptionsByReport', async (ids) => {
      const found: { for_report: string; id: string }[] = await ctx.manager.query(
        `SELECT r.id AS for_report, e.id
           FROM status_report r
           JOIN project_exception e ON e.project_id = r.project_id
          WHERE r.id = ANY($1::uuid[])
            AND e.raised_at <= COALESCE(r.published_at, now())
            AND (e.open OR e.decided_at > COALESCE(r.published_at, now()))
          ORDER BY e.raised_at DESC, e.dimension, e.id`,
        [[...ids]],
      );
      const exceptions = await ctx.manager.findBy(ProjectException, { id: In([...new Set(found.map((f) => f.id))]) });
      const byId = new Map(exceptions.map((e) => [e.id, e]));
      return found.map((f) => ({ reportId: f.for_report, exception: byId.get(f.id)! }));
    }, (row) => row.reportId).load(reportId);
    return rows.map((row) => row.exception);
  }

  /** ProjectException.report; one query for every exception of a request. */
  async report(ctx: RequestContext, reportId: string): Promise<StatusReport> {
    const report = (await byIdLoader(ctx, 'statusReportsById', (ids) => ctx.manager.findBy(StatusReport, { id: In([...ids]) }), (row) => row.id).load(reportId))!;
    // Only a published report raises an exception: its computed fields read from its snapshot, as ReportingService.withContent does.
    return report.snapshot ? Object.assign(report, report.snapshot, { published: true }) : report;
  }

  /** PREMATURE_CLOSE: the project moves to CLOSED by the project status rules (a closed project stays closed). */
  private async closeProject(ctx: RequestContext, project: Project): Promise<void> {
    if (project.status === ProjectStatus.CLOSED) return;
    const stages = await ctx.manager.find(Stage, { where: { projectId: project.id } });
    const why = whyCannotChangeStatus(project.status, ProjectStatus.CLOSED, stages);
    if (why) throw new DomainError(ErrorCode.INVALID_STAGE_TRANSITION, why, { projectId: project.id, status: project.status });
    project.status = ProjectStatus.CLOSED;
    await ctx.manager.save(project);
  }

  private forgetReads(ctx: RequestContext): void {
    ctx.forget('loader:exceptionsByProject');
    ctx.forget('loader:exceptionsByReport');
    ctx.forget('loader:decisionLogByProject');
  }
}
