import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { ReportingModule } from '../reporting/reporting.module';
import { DecisionLogService } from './decision-log.service';
import { MeetingReportsReviewedResolver } from './meeting-reports.resolver';
import { DecisionLogEntryResolver, DecisionResolver, ProjectSteeringResolver, SteeringMeetingResolver } from './steering.resolver';
import { SteeringService } from './steering.service';

/**
 * Meetings with decisions, the reports they reviewed, and the project's decision log. On top of
 * project, people, stage, criterion and reporting (the log reads their records, exceptions
 * included); only the exports import it.
 */
@Module({
  imports: [PeopleModule, ReportingModule],
  providers: [SteeringService, DecisionLogService, SteeringMeetingResolver, DecisionResolver, DecisionLogEntryResolver, ProjectSteeringResolver, MeetingReportsReviewedResolver],
  exports: [SteeringService, DecisionLogService],
})
export class SteeringModule {}
