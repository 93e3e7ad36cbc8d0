import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { Priority } from '../criterion.enums';

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
  @MaxLength(10_000)
  text: string;

  @Field(() => Priority, { nullable: true, defaultValue: Priority.MUST })
  @IsOptional()
  priority?: Priority | null;

  @Field(() => [ID], { description: 'Project members (normally key users) whose confirmation it needs' })
  @ArrayMaxSize(100)
  confirmerIds: string[];
}
