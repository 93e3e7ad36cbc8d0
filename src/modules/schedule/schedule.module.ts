import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { BaselineResolver } from './baseline.resolver';
import { BaselineService } from './baseline.service';
import { DependencyResolver } from './dependency.resolver';
import { DependencyService } from './dependency.service';
import { HealthService } from './health.service';
import { ProjectScheduleResolver } from './project-schedule.resolver';
import { ScheduleService } from './schedule.service';
import { TaskResolver } from './task.resolver';
import { TaskService } from './task.service';

@Module({
  imports: [PeopleModule],
  providers: [
    ScheduleService, TaskService, DependencyService, BaselineService, HealthService,
    TaskResolver, DependencyResolver, BaselineResolver, ProjectScheduleResolver,
  ],
  exports: [ScheduleService, TaskService, DependencyService, BaselineService, HealthService],
})
export class ScheduleModule {}
