import { Module } from '@nestjs/common';
import { MethodologyModule } from '../methodology/methodology.module';
import { PeopleModule } from '../people/people.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { ProjectResolver, TerritoryResolver } from './project.resolver';
import { ProjectService } from './project.service';
import { TemplateInstantiator } from './template-instantiator';

@Module({
  imports: [MethodologyModule, PeopleModule, ScheduleModule],
  providers: [ProjectService, TemplateInstantiator, ProjectResolver, TerritoryResolver],
  exports: [ProjectService],
})
export class ProjectModule {}
