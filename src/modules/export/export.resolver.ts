import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { FileExport } from './dto/file-export.type';
import { ExportService } from './export.service';

/**
 * The export mutations only hand out a link (they write nothing, so they take no transaction);
 * the workbook is rendered when the link is fetched.
 */
@Resolver(() => FileExport)
export class ExportResolver {
  constructor(private readonly exports: ExportService) {}

  @Mutation(() => FileExport, { description: 'The project plan (Plan and Rollout sheets) as an Excel workbook; locale en, ru or id' })
  exportProjectPlan(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('locale', { type: () => String, nullable: true, defaultValue: 'en' }) locale: string,
  ): Promise<FileExport> {
    return this.exports.exportProjectPlan(ctx, projectId, locale);
  }

  @Mutation(() => FileExport, { description: 'The acceptance certificate of a stage or a milestone (give exactly one) as an Excel workbook to sign; locale en, ru or id' })
  exportAcceptanceCertificate(
    @Ctx() ctx: RequestContext,
    @Args('stageId', { type: () => ID, nullable: true }) stageId: string | null,
    @Args('milestoneId', { type: () => ID, nullable: true }) milestoneId: string | null,
    @Args('locale', { type: () => String, nullable: true, defaultValue: 'en' }) locale: string,
  ): Promise<FileExport> {
    return this.exports.exportAcceptanceCertificate(ctx, stageId, milestoneId, locale);
  }

  @Mutation(() => FileExport, { description: 'The training schedule (Sessions and Attendance sheets) as an Excel workbook; locale en, ru or id' })
  exportTrainingSchedule(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('locale', { type: () => String, nullable: true, defaultValue: 'en' }) locale: string,
  ): Promise<FileExport> {
    return this.exports.exportTrainingSchedule(ctx, projectId, locale);
  }

  @Mutation(() => FileExport, { description: 'A status report on one A4 landscape page; a published one as frozen, a draft marked DRAFT (for those who may read drafts); locale en, ru or id' })
  exportStatusReport(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('locale', { type: () => String, nullable: true, defaultValue: 'en' }) locale: string,
  ): Promise<FileExport> {
    return this.exports.exportStatusReport(ctx, id, locale);
  }
}
