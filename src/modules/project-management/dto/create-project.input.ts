import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';

/** 2–40 letters, digits, "-" or "_", starting with a letter or digit. */
export const PROJECT_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,39}$/;

@InputType()
export class CreateProjectInput {
  @Field({ description: 'Unique and human readable, e.g. "CRM-BELO"' })
  @Matches(PROJECT_CODE_PATTERN, {
    message: 'code must be 2–40 letters, digits, "-" or "_", starting with a letter or digit (e.g. CRM-BELO)',
  })
  code: string;

  @Field()
  @IsNotBlank('name')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  name: string;

  @Field()
  @IsNotBlank('clientName')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  clientName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.maxNameLength)
  systemName?: string | null;

  @Field({ description: 'A key of methodologyTemplates' })
  @IsNotBlank('templateKey')
  @MaxLength(INPUT_LIMITS.maxNameLength)
  templateKey: string;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => String, { nullable: true, description: "Default: the template's, else the server's default calendar" })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.maxNameLength)
  calendarCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 10' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'timeToleranceDays must be 0 or more' })
  @Max(1000, { message: 'timeToleranceDays must be at most 1000' })
  timeToleranceDays?: number | null;
}
