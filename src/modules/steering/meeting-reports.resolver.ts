import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { byParentLoader } from '../../common/dataloaders/request-loaders';
import { StatusReport } from '../reporting/entities/status-report.entity';
import { ReportingService } from '../reporting/reporting.service';
import { MeetingReport } from './entities/meeting-report.entity';
import { SteeringMeeting } from './entities/steering-meeting.entity';

/** The status reports a steering meeting reviewed. */
@Resolver(() => SteeringMeeting)
export class MeetingReportsReviewedResolver {
  constructor(private readonly reports: ReportingService) {}

  @ResolveField('reportsReviewed', () => [StatusReport], {
    description: 'Oldest period first; drafts only for the project manager and consultants',
  })
  async reportsReviewed(@Ctx() ctx: RequestContext, @Parent() meeting: SteeringMeeting): Promise<StatusReport[]> {
    // One statement for every meeting of the request.
    const rows = await byParentLoader(ctx, 'reportsByMeeting',
      (ids) => ctx.manager.createQueryBuilder(MeetingReport, 'mr')
        .innerJoinAndSelect('mr.report', 'r')
        .where('mr.meeting_id IN (:...ids)', { ids: [...ids] })
        .orderBy('r.periodStart').addOrderBy('r.id')
        .getMany(),
      (row) => row.meetingId).load(meeting.id);
    return this.reports.visibleWithContent(ctx, meeting.projectId, rows.map((row) => row.report!));
  }
}
