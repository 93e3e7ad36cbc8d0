import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { todayIso } from '../../common/clock';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { findByIdOrFail, lockRow } from '../../common/database/find-by-id';
import { badInput, DomainError, notFound, staleVersion } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { AccessService } from '../auth/access.service';
import { ExceptionsService } from './exceptions/exceptions.service';
import { rolesAllow } from '../auth/project-permissions';
import { Project } from '../project/entities/project.entity';
import { normaliseBudget } from '../project/tolerances';
import { CreateStatusReportInput, UpdateStatusReportInput } from './dto/status-report.inputs';
import { StatusReport } from './entities/status-report.entity';
import { Rag } from '../schedule/rag.enum';
import { periodsOverlap } from './rating-rules';
import { ComputedReport, ReportComputer } from './report-computer.service';
import { RagDimension } from './reporting.enums';

const WHAT = 'Status report';

/**
 * Status reports (REPORTING.md): drafts the project manager writes, computed afresh on every
 * read; publishing freezes one for good. Drafts are seen by the project manager and consultants
 * (and administrators), published reports by every member.
 */
@Injectable()
export class ReportingService {
  constructor(
    private readonly access: AccessService,
    private readonly computer: ReportComputer,
    private readonly exceptions: ExceptionsService,
  ) {}

  // ---- reads -----------------------------------------------------------------------------------

  /** The reports the caller may see, newest period first; one statement for every project of the request. */
  async byProject(ctx: RequestContext, project: Project): Promise<StatusReport[]> {
    const all = await byParentLoader(ctx, 'statusReportsByProject',
      (ids) => ctx.manager.find(StatusReport, { where: { projectId: In([...ids]) }, order: { periodStart: 'DESC', id: 'ASC' } }),
      (r) => r.projectId).load(project.id);
    return this.visibleWithContent(ctx, project.id, all, project);
  }

  /**
   * Reports of one project as the caller may see them (drafts hidden from those who may not see
   * drafts), in the order given, each with its content: a project's reports, a meeting's.
   */
  async visibleWithContent(ctx: RequestContext, projectId: string, reports: StatusReport[], project?: Project): Promise<StatusReport[]> {
    const visible = reports.some((r) => r.publishedAt === null) && !(await this.maySeeDrafts(ctx, projectId))
      ? reports.filter((r) => r.publishedAt !== null)
      : reports;
    const out: StatusReport[] = [];
    // One after the other: drafts of one project share everything the first one loads.
    for (const report of visible) out.push(await this.withContent(ctx, report, project));
    return out;
  }

  /** Drafts: the project manager and consultants (and administrators). */
  async maySeeDrafts(ctx: RequestContext, projectId: string): Promise<boolean> {
    const user = this.access.requireUser(ctx);
    return user.isAdmin || rolesAllow(await this.access.rolesIn(ctx, projectId), 'readDraftReports');
  }

  /** The report with its computed fields: frozen from the snapshot once published, else computed now. */
  async withContent(ctx: RequestContext, report: StatusReport, project?: Project): Promise<StatusReport> {
    if (report.snapshot) return Object.assign(report, report.snapshot as unknown as ComputedReport, { published: true });
    const row = project ?? await findByIdOrFail(ctx, Project, report.projectId, 'Project');
    return Object.assign(report, await this.computer.compute(ctx, report, row));
  }

  // ---- commands (each inside its mutation's transaction) -----------------------------------------

  async create(ctx: RequestContext, input: CreateStatusReportInput): Promise<StatusReport> {
    const user = this.access.requireUser(ctx);
    // Serialises reports of one project, so two concurrent creates cannot both pass the overlap check.
    if (!(await lockRow(ctx, Project, input.projectId, 'exclusive'))) throw notFound('Project', input.projectId);
    const project = await findByIdOrFail(ctx, Project, input.projectId, 'Project');
    await this.assertPeriod(ctx, project, input.periodStart, input.periodEnd, null);
    const report = await ctx.manager.save(ctx.manager.create(StatusReport, {
      projectId: project.id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      summary: optionalText(input.summary),
      decisionsRequested: [],
      ratingOverrides: [],
      snapshot: null,
      publishedAt: null,
      publishedById: null,
      createdById: user.id,
    }));
    ctx.forget('loader:statusReportsByProject');
    return this.withContent(ctx, report, project);
  }

  async update(ctx: RequestContext, input: UpdateStatusReportInput): Promise<StatusReport> {
    const movesPeriod = input.periodStart != null || input.periodEnd != null;
    if (movesPeriod) {
      // The project's lock first, as create takes it: the overlap check cannot race.
      const { projectId } = await findByIdOrFail(ctx, StatusReport, input.id, WHAT);
      await lockRow(ctx, Project, projectId, 'exclusive');
    }
    const report = await this.draftForChange(ctx, input.id, input.version);
    if (movesPeriod) {
      const project = await findByIdOrFail(ctx, Project, report.projectId, 'Project');
      const start = input.periodStart ?? report.periodStart;
      const end = input.periodEnd ?? report.periodEnd;
      await this.assertPeriod(ctx, project, start, end, report.id);
      report.periodStart = start;
      report.periodEnd = end;
    }
    if (input.summary !== undefined) report.summary = optionalText(input.summary);
    if (input.costToDate !== undefined) report.costToDate = input.costToDate === null ? null : normaliseAmount(input.costToDate, 'costToDate', true);
    if (input.forecastAtCompletion !== undefined) {
      report.forecastAtCompletion = input.forecastAtCompletion === null ? null : normaliseAmount(input.forecastAtCompletion, 'forecastAtCompletion', false);
    }
    if (input.decisionsRequested !== undefined) report.decisionsRequested = (input.decisionsRequested ?? []).map((d) => d.trim()).filter(Boolean);
    return this.saveDraft(ctx, report);
  }

  /** The PM's rating for a dimension, with a reason; null clears it and the computed one applies again. */
  async overrideRating(ctx: RequestContext, reportId: string, dimension: RagDimension, rating: Rag | null, reason: string | null): Promise<StatusReport> {
    const user = this.access.requireUser(ctx);
    const report = await this.draftForChange(ctx, reportId, null);
    const others = report.ratingOverrides.filter((o) => o.dimension !== dimension);
    if (rating === null) {
      report.ratingOverrides = others;
    } else {
      const why = reason?.trim();
      if (!why) throw badInput(`Say why ${dimension} is ${rating} rather than the computed rating: reason is required with a rating`, 'reason');
      if (why.length > INPUT_LIMITS.maxTextLength) throw badInput(`reason must be at most ${INPUT_LIMITS.maxTextLength} characters`, 'reason');
      report.ratingOverrides = [...others, { dimension, rating, reason: why, byId: user.id, at: new Date().toISOString() }];
    }
    return this.saveDraft(ctx, report);
  }

  /** Freezes the report as it stands now (ratings, basis, content) into its snapshot. */
  async publish(ctx: RequestContext, id: string): Promise<StatusReport> {
    const user = this.access.requireUser(ctx);
    const report = await this.draftForChange(ctx, id, null);
    const project = await findByIdOrFail(ctx, Project, report.projectId, 'Project');
    const computed = await this.computer.compute(ctx, report, project);
    report.snapshot = { ...computed, published: true } as unknown as Record<string, unknown>;
    report.publishedAt = new Date();
    report.publishedById = user.id;
    const saved = await ctx.manager.save(report);
    // A computed (not overridden) schedule or cost rating of RED raises an exception to the
    // steering committee, in this transaction.
    await this.exceptions.raiseExceptionsForPublishedReport(ctx, saved, computed.ratings);
    ctx.forget('loader:statusReportsByProject');
    return this.withContent(ctx, saved, project);
  }

  // ---- rules -------------------------------------------------------------------------------------

  /** A draft locked for a change, checked against the version the caller read (when it sends one). */
  private async draftForChange(ctx: RequestContext, id: string, version: number | null): Promise<StatusReport> {
    const report = await findByIdOrFail(ctx, StatusReport, id, WHAT, { lock: true });
    if (report.publishedAt !== null) {
      throw new DomainError(ErrorCode.REPORT_PUBLISHED,
        `The status report for ${report.periodStart}–${report.periodEnd} was published ${report.publishedAt.toISOString()} and never changes; write the next period's report instead`);
    }
    if (version !== null && report.version !== version) throw staleVersion(WHAT, report.id, version, report.version);
    return report;
  }

  private async saveDraft(ctx: RequestContext, report: StatusReport): Promise<StatusReport> {
    const saved = await ctx.manager.save(report);
    ctx.forget('loader:statusReportsByProject');
    return this.withContent(ctx, saved);
  }

  /**
   * periodStart ≤ periodEnd ≤ today (UTC): a report describes what has happened, and its periodEnd
   * is the status date its schedule is read at (actuals cannot lie in the future). The period
   * lies within the project (from its start) and overlaps no other report of the project.
   */
  private async assertPeriod(ctx: RequestContext, project: Project, start: string, end: string, self: string | null): Promise<void> {
    if (end < start) throw badInput(`periodEnd ${end} is before periodStart ${start}`, 'periodEnd');
    const today = todayIso();
    if (end > today) throw badInput(`periodEnd ${end} is after today (${today}, UTC): a report covers what has happened; report on it once the period is over`, 'periodEnd');
    if (end < project.startDate) throw badInput(`periodEnd ${end} is before the project starts (${project.startDate})`, 'periodEnd');
    const others = await ctx.manager.find(StatusReport, {
      where: { projectId: project.id, ...(self ? { id: Not(self) } : {}) },
      select: { id: true, periodStart: true, periodEnd: true },
      order: { periodStart: 'ASC' },
    });
    const clash = others.find((r) => periodsOverlap({ start, end }, { start: r.periodStart, end: r.periodEnd }));
    if (clash) {
      throw badInput(`The period ${start}–${end} overlaps the report for ${clash.periodStart}–${clash.periodEnd}; ` +
        `periods of one project do not overlap (start after ${clash.periodEnd}, or end before ${clash.periodStart})`, 'periodStart');
    }
  }
}

const optionalText = (value: string | null | undefined): string | null => value?.trim() || null;

/** An amount as numeric(18,2) keeps it; cost to date may be 0, a forecast at completion may not. */
function normaliseAmount(value: string, field: string, zeroAllowed: boolean): string {
  if (zeroAllowed && /^0*(\.0*)?$/.test(value) && /\d/.test(value)) return '0.00';
  try {
    return normaliseBudget(value, field);
  } catch (error) {
    if (error instanceof DomainError && /more than 0/.test(error.message)) {
      throw badInput(`${field} must be ${zeroAllowed ? '0 or more' : 'more than 0'} (it was ${value.slice(0, 100)}); send null to clear it`, field);
    }
    throw error;
  }
}
