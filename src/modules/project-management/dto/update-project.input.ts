import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength } from 'class-validator';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { IsNotBlank } from '../../../common/validation/is-not-blank';

@InputType()
export class UpdateProjectInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('name')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('clientName')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  clientName?: string | null;

  @Field(() => String, { nullable: true, description: 'null or blank clears it' })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.maxNameLength)
  systemName?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only while the project is PLANNING: once a stage has started, the start is history' })
  @IsOptional()
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'A code of workCalendars; the plan is re-planned on it' })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.maxNameLength)
  calendarCode?: string | null;
}
