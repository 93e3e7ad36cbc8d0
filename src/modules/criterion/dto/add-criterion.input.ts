import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsNotEmpty, IsOptional, MaxLength } from 'class-validator';
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
  @IsNotEmpty({ message: 'text must not be empty' })
  @MaxLength(10_000)
  text: string;

  @Field(() => Priority, { nullable: true, defaultValue: Priority.MUST })
  @IsOptional()
  priority?: Priority | null;

  @Field(() => [ID], { description: 'Project members (normally key users) whose confirmation it needs' })
  @ArrayMaxSize(100)
  confirmerIds: string[];
}
