import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PeopleModule } from '../people/people.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService, feedTtlDays, TRAINING_FEED_TTL_DAYS } from './calendar-feed.service';
import { MilestoneReadinessResolver, ProjectTrainingResolver } from './project-training.resolver';
import { ReadinessService } from './readiness.service';
import { AttendanceResolver, TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';

@Module({
  // Feed tokens are signed with a key per project (CalendarFeedService.keyOf), never the module's default.
  imports: [PeopleModule, ScheduleModule, JwtModule.register({})],
  controllers: [CalendarFeedController],
  providers: [
    TrainingService, ReadinessService, CalendarFeedService, TrainingResolver, AttendanceResolver, ProjectTrainingResolver, MilestoneReadinessResolver,
    { provide: TRAINING_FEED_TTL_DAYS, useFactory: () => feedTtlDays(process.env.TRAINING_FEED_TTL_DAYS) },
  ],
  exports: [ReadinessService],
})
export class TrainingModule {}
