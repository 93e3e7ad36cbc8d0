import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { MilestoneReadinessResolver, ProjectTrainingResolver } from './project-training.resolver';
import { ReadinessService } from './readiness.service';
import { AttendanceResolver, TrainingResolver } from './training.resolver';
import { TrainingService } from './training.service';

@Module({
  imports: [PeopleModule, ScheduleModule],
  controllers: [CalendarFeedController],
  providers: [TrainingService, ReadinessService, CalendarFeedService, TrainingResolver, AttendanceResolver, ProjectTrainingResolver, MilestoneReadinessResolver],
})
export class TrainingModule {}
