import { Module } from '@nestjs/common';
import { CriterionModule } from '../criterion/criterion.module';
import { PeopleModule } from '../people/people.module';
import { RegistersModule } from '../registers/registers.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { ExceptionsModule } from './exceptions/exceptions.module';
import { TrainingModule } from '../training/training.module';
import { ReportComputer } from './report-computer.service';
import { ProjectStatusReportsResolver, StatusReportResolver } from './reporting.resolver';
import { ReportingService } from './reporting.service';

/** Status reports. Sits on top of the modules it reports on and raises exceptions on publication; only the exports read it. */
@Module({
  imports: [PeopleModule, ScheduleModule, CriterionModule, RegistersModule, TrainingModule, ExceptionsModule],
  providers: [ReportingService, ReportComputer, StatusReportResolver, ProjectStatusReportsResolver],
  // The status report export (ExportModule) reads reports as the API does; a meeting's reviewed reports (SteeringModule) too.
  exports: [ReportingService],
})
export class ReportingModule {}
