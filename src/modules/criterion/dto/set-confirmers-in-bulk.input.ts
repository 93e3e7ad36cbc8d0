import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { BulkConfirmersMode, CriterionKind } from '../criterion.enums';
import { Criterion } from '../entities/criterion.entity';
import { MAX_CONFIRMERS } from './add-criterion.input';

@InputType({ description: 'Which criteria of the project (those not final) get which confirmers' })
export class SetConfirmersInBulkInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => ID, { nullable: true, description: 'The exit criteria of this stage' })
  @IsOptional()
  stageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The acceptance criteria of the milestones of this function area' })
  @IsOptional()
  functionAreaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The acceptance criteria of the milestones of this territory (with functionAreaId: of both)' })
  @IsOptional()
  territoryId?: string | null;

  @Field(() => CriterionKind, { nullable: true, description: 'Only criteria of this kind; alone, every criterion of the kind' })
  @IsOptional()
  kind?: CriterionKind | null;

  @Field(() => [ID], { description: 'Project members of the client: its steering committee members and key users' })
  @ArrayMaxSize(MAX_CONFIRMERS)
  confirmerIds: string[];

  @Field(() => BulkConfirmersMode, { nullable: true, defaultValue: BulkConfirmersMode.ADD })
  @IsOptional()
  mode?: BulkConfirmersMode | null;
}

@ObjectType({ description: 'People left out of a criterion, or a criterion left as it was, and why' })
export class SkippedConfirmers {
  @Field(() => Criterion)
  criterion: Criterion;

  @Field(() => [ID])
  userIds: string[];

  @Field()
  reason: string;
}

@ObjectType()
export class BulkConfirmersResult {
  @Field(() => [Criterion], { description: 'Criteria whose confirmers changed (each change is in the acceptance log)' })
  changed: Criterion[];

  @Field(() => [Criterion], { description: 'Criteria that already had these confirmers' })
  unchanged: Criterion[];

  @Field(() => [SkippedConfirmers])
  skipped: SkippedConfirmers[];
}
