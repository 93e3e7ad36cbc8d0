import { Inject, Injectable } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { RequestContext } from '../../common/context/request-context';
import { isUuid } from '../../common/database/find-by-id';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { ErrorCode } from '../../common/errors/error-codes';
import { AccessService } from '../auth/access.service';
import { rolesAllow } from '../auth/project-permissions';
import { Membership } from '../auth/entities/membership.entity';
import { User } from '../auth/entities/user.entity';
import { todayIso } from '../../common/clock';
import { findByIdOrFail } from '../../common/database/find-by-id';
import { Project } from '../project/entities/project.entity';
import { Milestone } from '../plan/entities/milestone.entity';
import { Stage } from '../plan/entities/stage.entity';
import { badInput } from '../../common/errors/domain-error';
import { certificateSubjectId } from './certificate/certificate-data';
import { StatusReport } from '../reporting/entities/status-report.entity';
import { ReportingService } from '../reporting/reporting.service';
import { FileExport } from './dto/file-export.type';
import { exportFileName } from './kit/file-name';
import { parseLocale } from '../../common/i18n/locale';
import { signExport, verifyExport, type ExportRequest, type SignedExport } from './kit/export-link';
import { EXPORT_CLOCK, WORKBOOK_RENDERERS, type ExportClock, type ExportRequester, type WorkbookRenderer } from './kit/workbook-renderer';

/**
 * Issues download links and answers them. A link carries the signed export request; the
 * workbook is rendered (streamed) when the link is fetched, so nothing is stored and a link
 * shows the data as it is at download, to a person who may still read it then.
 */
@Injectable()
export class ExportService {
  private readonly renderers: Map<string, WorkbookRenderer>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXPORT_CLOCK) private readonly clock: ExportClock,
    @Inject(WORKBOOK_RENDERERS) renderers: WorkbookRenderer[],
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly reports: ReportingService,
  ) {
    this.renderers = new Map(renderers.map((r) => [r.kind, r]));
  }

  /** A link for the caller: the export mutations end here once they checked what they export. */
  issue(ctx: RequestContext, request: Omit<ExportRequest, 'userId'>): FileExport {
    const userId = this.access.requireUser(ctx).id;
    const { token, expiresAt } = signExport({ ...request, userId }, this.config.jwtSecret, this.clock.now());
    return { url: `${this.config.publicUrl}/exports/${token}`, fileName: request.fileName, expiresAt };
  }

  /**
   * The plan of a project the caller may export (the access guard checked membership). Named
   * `<code>_plan_<date>.xlsx`, the date being the status date the plan is read at, else today.
   */
  async exportProjectPlan(ctx: RequestContext, projectId: string, locale: string | null): Promise<FileExport> {
    const checked = parseLocale(locale);
    const project = await findByIdOrFail(ctx, Project, projectId, 'Project');
    const asOf = project.statusDate ?? todayIso(this.clock.now());
    return this.issue(ctx, { kind: 'plan', projectId, subjectId: projectId, locale: checked, fileName: exportFileName([project.code, 'plan', asOf]) });
  }

  /**
   * The acceptance certificate of a stage or a milestone (exactly one), for members who may read
   * its criteria (every member: the guard checked the role in the named object's project). Named
   * `<code>_acceptance_<stage or milestone>_<today>.xlsx`.
   */
  async exportAcceptanceCertificate(ctx: RequestContext, stageId: string | null | undefined, milestoneId: string | null | undefined, locale: string | null): Promise<FileExport> {
    if (Boolean(stageId) === Boolean(milestoneId)) {
      throw badInput('Give exactly one of stageId (a stage\'s exit criteria and gate) or milestoneId (a milestone\'s acceptance criteria)', stageId ? 'milestoneId' : 'stageId');
    }
    const checked = parseLocale(locale);
    const owner = stageId ? await findByIdOrFail(ctx, Stage, stageId, 'Stage') : await findByIdOrFail(ctx, Milestone, milestoneId!, 'Milestone');
    const project = await findByIdOrFail(ctx, Project, owner.projectId, 'Project');
    const subject = stageId ? { kind: 'stage' as const, id: owner.id } : { kind: 'milestone' as const, id: owner.id };
    return this.issue(ctx, {
      kind: 'certificate', projectId: project.id, subjectId: certificateSubjectId(subject), locale: checked,
      fileName: exportFileName([project.code, 'acceptance', owner.name, todayIso(this.clock.now())]),
    });
  }

  /** The training schedule of a project (sessions and attendance), for members who may read its sessions (every member). */
  async exportTrainingSchedule(ctx: RequestContext, projectId: string, locale: string | null): Promise<FileExport> {
    const checked = parseLocale(locale);
    const project = await findByIdOrFail(ctx, Project, projectId, 'Project');
    return this.issue(ctx, { kind: 'training', projectId, subjectId: projectId, locale: checked, fileName: exportFileName([project.code, 'training', todayIso(this.clock.now())]) });
  }

  /**
   * A status report the caller may read: published ones for every member, drafts for those who
   * may read drafts; to anyone else a draft does not exist (NOT_FOUND, as it is absent from
   * Project.statusReports). Named `<code>_status-report_<periodEnd>[_DRAFT].xlsx`.
   */
  async exportStatusReport(ctx: RequestContext, id: string, locale: string | null): Promise<FileExport> {
    const checked = parseLocale(locale);
    const report = await findByIdOrFail(ctx, StatusReport, id, 'Status report');
    const draft = report.publishedAt === null;
    if (draft && !(await this.reports.maySeeDrafts(ctx, report.projectId))) throw notFound('Status report', id);
    const project = await findByIdOrFail(ctx, Project, report.projectId, 'Project');
    return this.issue(ctx, {
      kind: 'statusReport', projectId: project.id, subjectId: report.id, locale: checked,
      fileName: exportFileName([project.code, 'status-report', report.periodEnd, ...(draft ? ['DRAFT'] : [])]),
    });
  }

  /**
   * Checks a link and, when it holds, renders its workbook into `out` through `start`, which sends
   * the headers first. Every refusal is the same NOT_FOUND, and comes before a byte is written.
   */
  async download(token: string, start: (request: SignedExport) => Writable): Promise<void> {
    const request = verifyExport(token, this.config.jwtSecret, this.clock.now());
    const renderer = request && this.renderers.get(request.kind);
    if (!request || !renderer || !isUuid(request.projectId) || !isUuid(request.userId)) throw gone();
    const ctx = new RequestContext(this.dataSource, null);
    const requester = await this.requesterOf(ctx, request);
    if (!requester || !(requester.isAdmin || rolesAllow(requester.roles, 'export'))) throw gone();
    await renderer.authorize?.(ctx, request, requester);
    await renderer.render(ctx, request, start(request));
  }

  /** The person who asked, as they are now (null when gone): the link holds only while they may still export. */
  private async requesterOf(ctx: RequestContext, request: SignedExport): Promise<ExportRequester | null> {
    const user = await ctx.manager.findOne(User, { where: { id: request.userId }, select: { id: true, isAdmin: true } });
    if (!user) return null;
    if (user.isAdmin) return { isAdmin: true, roles: [] };
    const roles = await ctx.manager.find(Membership, { where: { projectId: request.projectId, userId: user.id }, select: { role: true } });
    return { isAdmin: false, roles: roles.map((m) => m.role) };
  }
}

/** One answer for every bad link: whether it was forged, altered, expired or revoked is not told. */
const gone = () => new DomainError(ErrorCode.NOT_FOUND, 'This download link is not valid (links work for 15 minutes, for the person who asked); export again for a fresh one');
