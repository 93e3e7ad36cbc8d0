import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { DecisionLogService } from './decision-log.service';
import { DecisionLogEntryResolver, DecisionResolver, ProjectSteeringResolver, SteeringMeetingResolver } from './steering.resolver';
import { SteeringService } from './steering.service';

/**
 * Meetings with decisions, and the project's decision log. On top of project, people, stage and
 * criterion (the log reads their records); nothing below imports it.
 */
@Module({
  imports: [PeopleModule],
  providers: [SteeringService, DecisionLogService, SteeringMeetingResolver, DecisionResolver, DecisionLogEntryResolver, ProjectSteeringResolver],
  exports: [SteeringService, DecisionLogService],
})
export class SteeringModule {}
