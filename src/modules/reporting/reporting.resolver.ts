import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { Transaction } from '../../common/context/transaction.interceptor';
import { MaxChars } from '../../common/validation/bounded-args';
import { INPUT_LIMITS } from '../../common/validation/input-limits';
import { Project } from '../project/entities/project.entity';
import { CreateStatusReportInput, UpdateStatusReportInput } from './dto/status-report.inputs';
import { StatusReport } from './entities/status-report.entity';
import { Rag } from '../schedule/rag.enum';
import { RagDimension } from './reporting.enums';
import { ReportingService } from './reporting.service';

@Resolver(() => StatusReport)
export class StatusReportResolver {
  constructor(private readonly reports: ReportingService) {}

  @Transaction()
  @Mutation(() => StatusReport, { description: 'The project manager drafts a report for a period; ratings and content are computed as of periodEnd' })
  createStatusReport(@Ctx() ctx: RequestContext, @Args('input') input: CreateStatusReportInput): Promise<StatusReport> {
    return this.reports.create(ctx, input);
  }

  @Transaction()
  @Mutation(() => StatusReport, { description: 'Drafts only (REPORT_PUBLISHED otherwise); version-checked' })
  updateStatusReport(@Ctx() ctx: RequestContext, @Args('input') input: UpdateStatusReportInput): Promise<StatusReport> {
    return this.reports.update(ctx, input);
  }

  @Transaction()
  @Mutation(() => StatusReport, { description: 'The project manager overrides a computed rating of a draft, with a reason; rating null clears the override' })
  overrideRating(
    @Ctx() ctx: RequestContext,
    @Args('reportId', { type: () => ID }) reportId: string,
    @Args('dimension', { type: () => RagDimension }) dimension: RagDimension,
    @Args('rating', { type: () => Rag, nullable: true }) rating: Rag | null,
    @Args('reason', { type: () => String, nullable: true }, MaxChars('reason', INPUT_LIMITS.maxTextLength)) reason: string | null,
  ): Promise<StatusReport> {
    return this.reports.overrideRating(ctx, reportId, dimension, rating ?? null, reason ?? null);
  }

  @Transaction()
  @Mutation(() => StatusReport, { description: 'Freezes the report (ratings, basis, content) for good; it reads the same after any later change' })
  publishStatusReport(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<StatusReport> {
    return this.reports.publish(ctx, id);
  }
}

@Resolver(() => Project)
export class ProjectStatusReportsResolver {
  constructor(private readonly reports: ReportingService) {}

  @ResolveField('statusReports', () => [StatusReport], {
    description: 'Newest period first. Drafts are listed for the project manager and consultants only; published reports for every member',
  })
  statusReports(@Ctx() ctx: RequestContext, @Parent() project: Project): Promise<StatusReport[]> {
    return this.reports.byProject(ctx, project);
  }
}
