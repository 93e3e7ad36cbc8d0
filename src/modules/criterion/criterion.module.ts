import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { MilestoneCriteriaResolver, ProjectCriteriaResolver, StageCriteriaResolver } from './criterion-owners.resolver';
import { CriterionCommandService } from './criterion-commands.service';
import { CriterionCommandsResolver } from './criterion-commands.resolver';
import { ConfirmationResolver, CriterionResolver } from './criterion.resolver';
import { CriterionService } from './criterion.service';

@Module({
  imports: [PeopleModule],
  providers: [
    CriterionService, CriterionCommandService, CriterionCommandsResolver, CriterionResolver, ConfirmationResolver, StageCriteriaResolver, MilestoneCriteriaResolver, ProjectCriteriaResolver,
  ],
  exports: [CriterionService],
})
export class CriterionModule {}
