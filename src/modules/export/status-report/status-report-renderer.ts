import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../common/config/app-config';
import type { RequestContext } from '../../../common/context/request-context';
import { notFound } from '../../../common/errors/domain-error';
import { rolesAllow } from '../../auth/project-permissions';
import { Project } from '../../project/entities/project.entity';
import { StatusReport } from '../../reporting/entities/status-report.entity';
import { ReportingService } from '../../reporting/reporting.service';
import { exceptionMessage } from '../../reporting/exceptions/exception-phrases';
import { ExceptionsService } from '../../reporting/exceptions/exceptions.service';
import type { SignedExport } from '../kit/export-link';
import { formatsOf, type Locale } from '../../../common/i18n/locale';
import { loadTemplate } from '../kit/template';
import type { ExportRequester, WorkbookRenderer } from '../kit/workbook-renderer';
import { STATUS_REPORT_LABELS } from './status-report-labels';
import { reportSentence } from './status-report-phrases';
import { writeStatusReportWorkbook, type ReportException, type StatusReportData } from './status-report-workbook';

/**
 * The status report workbook (EXPORTS.md 2): one A4 landscape page — header, RAG per dimension,
 * summary, this and next period, milestones, top risks, open issues, exceptions, decisions
 * requested. A published report prints from its frozen snapshot; a draft says DRAFT and only
 * those who may read drafts get it.
 */
@Injectable()
export class StatusReportWorkbook implements WorkbookRenderer {
  readonly kind = 'statusReport';

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportingService,
    private readonly exceptions: ExceptionsService,
  ) {}

  /** A draft's link works only while its holder may still read drafts of the project. */
  async authorize(ctx: RequestContext, request: SignedExport, requester: ExportRequester): Promise<void> {
    const report = await this.reportOf(ctx, request);
    if (report.publishedAt !== null) return;
    if (!requester.isAdmin && !rolesAllow(requester.roles, 'readDraftReports')) throw notFound('Status report', report.id);
  }

  async render(ctx: RequestContext, request: SignedExport, out: Writable): Promise<void> {
    const report = await this.reportOf(ctx, request);
    const project = await ctx.manager.findOneByOrFail(Project, { id: report.projectId });
    const read = await this.reports.withContent(ctx, report, project);
    const template = await loadTemplate(this.config.exportTemplatesDir, 'status-report');
    const locale = request.locale as Locale;
    await writeStatusReportWorkbook(
      { project, report: read as StatusReportData['report'], exceptions: await this.exceptionsOf(ctx, report) },
      {
        template, label: template.labelsFor(locale, STATUS_REPORT_LABELS), formats: formatsOf(locale),
        sentence: (message, english) => reportSentence(message, english, locale),
      },
      out,
    );
  }

  /**
   * The exceptions standing at publication (for a draft: now), as StatusReport.exceptions reads
   * them; a decision shows only when it was taken by then, so a published report prints the same later.
   */
  private async exceptionsOf(ctx: RequestContext, report: StatusReport): Promise<ReportException[]> {
    const asOf = report.publishedAt ?? new Date();
    const exceptions = await this.exceptions.byReport(ctx, report.id);
    // The reports that raised them (this one, or earlier ones still open): their frozen ratings
    // hold the messages the descriptions were made from, which print in the export's locale.
    const raisedBy = exceptions.length
      ? new Map((await ctx.manager.find(StatusReport, {
        where: { id: In([...new Set(exceptions.map((e) => e.reportId))]) }, select: { id: true, periodStart: true, periodEnd: true, snapshot: true },
      })).map((r) => [r.id, r]))
      : new Map<string, StatusReport>();
    return exceptions.map((e) => {
      const by = raisedBy.get(e.reportId);
      const ratings = (by?.snapshot as { ratings?: { dimension: string; basis: string; basisMessage?: unknown }[] } | null)?.ratings ?? [];
      return {
        dimension: e.dimension,
        description: e.description,
        descriptionMessage: by ? exceptionMessage(e.description, by, ratings.find((r) => r.dimension === (e.dimension as string))) : null,
        decision: e.decision && e.decidedAt && e.decidedAt <= asOf ? e.decision : null,
      };
    });
  }

  private async reportOf(ctx: RequestContext, request: SignedExport): Promise<StatusReport> {
    const report = await ctx.manager.findOne(StatusReport, { where: { id: request.subjectId } });
    if (!report || report.projectId !== request.projectId) throw notFound('Status report', request.subjectId);
    return report;
  }
}

