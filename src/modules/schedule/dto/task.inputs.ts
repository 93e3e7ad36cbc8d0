import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { DependencyType } from '../schedule.enums';

export const MAX_DURATION_DAYS = 10_000;
export const MAX_LAG_DAYS = 1_000;

@InputType()
export class AddTaskInput {
  @Field(() => ID)
  projectId: string;

  @Field()
  @IsNotBlank('name')
  @MaxLength(200)
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  stageId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  milestoneId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'durationDays must be 0 or more' })
  @Max(MAX_DURATION_DAYS, { message: `durationDays must be at most ${MAX_DURATION_DAYS}` })
  durationDays: number;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  startNoEarlierThan?: string | null;
}

@InputType()
export class UpdateTaskInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotBlank('name')
  @MaxLength(200)
  name?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'durationDays must be 0 or more' })
  @Max(MAX_DURATION_DAYS, { message: `durationDays must be at most ${MAX_DURATION_DAYS}` })
  durationDays?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'percentComplete must be between 0 and 100' })
  @Max(100, { message: 'percentComplete must be between 0 and 100' })
  percentComplete?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'null removes the constraint' })
  @IsOptional()
  startNoEarlierThan?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the work started (no later than today, UTC); null clears it' })
  @IsOptional()
  actualStart?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the work finished: sets percentComplete to 100; null clears it' })
  @IsOptional()
  actualFinish?: string | null;

  @Field(() => ID, { nullable: true, description: 'Moves the task to this stage of the project; null takes it out of its stage' })
  @IsOptional()
  stageId?: string | null;

  @Field(() => ID, { nullable: true, description: "Moves the task to this milestone of the project; null takes it out of its milestone (not a milestone's own prepare, go-live or hypercare task)" })
  @IsOptional()
  milestoneId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who does the work: a member of the project; null clears it' })
  @IsOptional()
  ownerId?: string | null;
}

@InputType()
export class UpdateDependencyInput {
  @Field(() => ID)
  id: string;

  @Field(() => DependencyType, { nullable: true })
  @IsOptional()
  type?: DependencyType | null;

  @Field(() => Int, { nullable: true, description: 'Working days; negative is a lead' })
  @IsOptional()
  @IsInt()
  @Min(-MAX_LAG_DAYS, { message: `lagDays must be between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}` })
  @Max(MAX_LAG_DAYS, { message: `lagDays must be between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}` })
  lagDays?: number | null;
}

@InputType()
export class AddDependencyInput {
  @Field(() => ID)
  predecessorId: string;

  @Field(() => ID)
  successorId: string;

  @Field(() => DependencyType, { defaultValue: DependencyType.FS, nullable: true })
  @IsOptional()
  type: DependencyType | null;

  @Field(() => Int, { defaultValue: 0, nullable: true, description: 'Working days; negative is a lead' })
  @IsOptional()
  @IsInt()
  @Min(-MAX_LAG_DAYS, { message: `lagDays must be between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}` })
  @Max(MAX_LAG_DAYS, { message: `lagDays must be between -${MAX_LAG_DAYS} and ${MAX_LAG_DAYS}` })
  lagDays: number | null;
}
