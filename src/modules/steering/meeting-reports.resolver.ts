import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/context/ctx.decorator';
import type { RequestContext } from '../../common/context/request-context';
import { StatusReport } from '../reporting/entities/status-report.entity';
import { ReportingService } from '../reporting/reporting.service';
import { SteeringMeeting } from './entities/steering-meeting.entity';
import { SteeringService } from './steering.service';

/** The status reports a steering meeting reviewed, as the caller may see them. */
@Resolver(() => SteeringMeeting)
export class MeetingReportsReviewedResolver {
  constructor(
    private readonly steering: SteeringService,
    private readonly reports: ReportingService,
  ) {}

  @ResolveField('reportsReviewed', () => [StatusReport], {
    description: 'Oldest period first; drafts only for the project manager and consultants',
  })
  async reportsReviewed(@Ctx() ctx: RequestContext, @Parent() meeting: SteeringMeeting): Promise<StatusReport[]> {
    return this.reports.visibleWithContent(ctx, meeting.projectId, await this.steering.reportsReviewed(ctx, meeting.id));
  }
}
