import { Module } from '@nestjs/common';
import { CriterionModule } from '../criterion/criterion.module';
import { MethodologyModule } from '../methodology/methodology.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { MilestoneResolver } from './milestone.resolver';
import { MilestoneService } from './milestone.service';
import { ProjectMilestonesResolver, TaskMilestoneResolver } from './project-milestones.resolver';

@Module({
  imports: [ScheduleModule, CriterionModule, MethodologyModule],
  providers: [MilestoneService, MilestoneResolver, ProjectMilestonesResolver, TaskMilestoneResolver],
  exports: [MilestoneService],
})
export class MilestoneModule {}
