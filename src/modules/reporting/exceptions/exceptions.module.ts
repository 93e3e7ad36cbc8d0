import { Module } from '@nestjs/common';
import { PeopleModule } from '../../people/people.module';
import { ScheduleModule } from '../../schedule/schedule.module';
import { ExceptionsService } from './exceptions.service';
import { ProjectExceptionResolver, ProjectExceptionsResolver, StatusReportExceptionsResolver } from './exceptions.resolver';

/**
 * Exceptions to the steering committee: raised on publication of a report (the reporting module
 * calls ExceptionsService.raiseExceptionsForPublishedReport), decided by the committee.
 */
@Module({
  imports: [PeopleModule, ScheduleModule],
  providers: [ExceptionsService, ProjectExceptionResolver, ProjectExceptionsResolver, StatusReportExceptionsResolver],
  exports: [ExceptionsService],
})
export class ExceptionsModule {}
