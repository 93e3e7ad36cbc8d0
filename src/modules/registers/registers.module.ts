import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { ProjectIssueResolver, ProjectRegistersResolver, RiskResolver } from './registers.resolver';
import { RegistersService } from './registers.service';

/** Risk and issue registers. Depends on people and project; nothing depends on it but reporting. */
@Module({
  imports: [PeopleModule],
  providers: [RegistersService, RiskResolver, ProjectIssueResolver, ProjectRegistersResolver],
  exports: [RegistersService],
})
export class RegistersModule {}
