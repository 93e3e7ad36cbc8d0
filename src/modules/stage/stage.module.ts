import { Module } from '@nestjs/common';
import { ScheduleModule } from '../schedule/schedule.module';
import { ProjectStagesResolver, StageResolver, TaskStageResolver } from './stage.resolver';
import { StageService } from './stage.service';

@Module({
  imports: [ScheduleModule],
  providers: [StageService, StageResolver, ProjectStagesResolver, TaskStageResolver],
  exports: [StageService],
})
export class StageModule {}
