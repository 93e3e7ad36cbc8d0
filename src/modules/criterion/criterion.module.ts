import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { MilestoneCriteriaResolver, ProjectCriteriaResolver, StageCriteriaResolver } from './criterion-owners.resolver';
import { ConfirmationResolver, CriterionResolver } from './criterion.resolver';
import { CriterionService } from './criterion.service';

@Module({
  imports: [PeopleModule],
  providers: [CriterionService, CriterionResolver, ConfirmationResolver, StageCriteriaResolver, MilestoneCriteriaResolver, ProjectCriteriaResolver],
  exports: [CriterionService],
})
export class CriterionModule {}
