import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { MAX_DURATION_DAYS } from '../../schedule/dto/task.inputs';
import { MilestoneSplit, MilestoneStatus } from '../../plan/milestone.enums';

@InputType()
export class AddMilestoneInput {
  @Field(() => ID)
  projectId: string;

  @Field()
  @IsNotBlank('name')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  name: string;

  @Field(() => MilestoneSplit)
  splitBy: MilestoneSplit;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  functionAreaId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  territoryId?: string | null;

  @Field(() => Int, { nullable: true, description: "Working days of preparation; default: the template's milestone plan, else 10" })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'prepareDays must be 0 or more' })
  @Max(MAX_DURATION_DAYS, { message: `prepareDays must be at most ${MAX_DURATION_DAYS}` })
  prepareDays?: number | null;

  @Field(() => Int, { nullable: true, description: "Working days of hypercare after go-live; default: the template's milestone plan, else 10" })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'hypercareDays must be 0 or more' })
  @Max(MAX_DURATION_DAYS, { message: `hypercareDays must be at most ${MAX_DURATION_DAYS}` })
  hypercareDays?: number | null;
}

@InputType()
export class UpdateMilestoneInput {
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

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'hypercareDays must be 0 or more' })
  @Max(MAX_DURATION_DAYS, { message: `hypercareDays must be at most ${MAX_DURATION_DAYS}` })
  hypercareDays?: number | null;

  @Field(() => MilestoneStatus, { nullable: true })
  @IsOptional()
  status?: MilestoneStatus | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  actualGoLive?: string | null;
}
