import { Module } from '@nestjs/common';
import { CriterionModule } from '../criterion/criterion.module';
import { PeopleModule } from '../people/people.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { AcceptanceLogService } from './acceptance-log.service';
import { AcceptanceEventResolver, ProjectLifecycleResolver } from './project-lifecycle.resolver';
import { ProjectLifecycleService } from './project-lifecycle.service';
import { GateDecisionResolver, StageLifecycleResolver } from './stage-lifecycle.resolver';
import { StageLifecycleService } from './stage-lifecycle.service';
import { ProjectStagesResolver, StageResolver, TaskStageResolver } from './stage.resolver';
import { StageService } from './stage.service';

@Module({
  imports: [ScheduleModule, CriterionModule, PeopleModule],
  providers: [
    StageService, StageLifecycleService, ProjectLifecycleService, AcceptanceLogService,
    StageResolver, ProjectStagesResolver, TaskStageResolver, StageLifecycleResolver, GateDecisionResolver,
    ProjectLifecycleResolver, AcceptanceEventResolver,
  ],
  exports: [StageService],
})
export class StageModule {}
