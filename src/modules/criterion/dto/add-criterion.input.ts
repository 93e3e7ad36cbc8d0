import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { Priority } from '../criterion.enums';

/** Confirmers of one criterion: the key users of an area, never a crowd. */
export const MAX_CONFIRMERS = 100;

@InputType()
export class AddCriterionInput {
  @Field(() => ID, { nullable: true, description: 'For a COMPLETION criterion of the project' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For an EXIT criterion of a stage' })
  @IsOptional()
  stageId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For an ACCEPTANCE criterion of a milestone' })
  @IsOptional()
  milestoneId?: string | null;

  @Field()
  @IsNotBlank('text')
  @MaxLength(INPUT_LIMITS.maxTextLength)
  text: string;

  @Field(() => Priority, { nullable: true, defaultValue: Priority.MUST })
  @IsOptional()
  priority?: Priority | null;

  @Field(() => [ID], { description: 'Project members (normally key users) whose confirmation it needs' })
  @ArrayMaxSize(MAX_CONFIRMERS)
  confirmerIds: string[];
}
