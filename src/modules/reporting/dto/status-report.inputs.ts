import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, MaxLength } from 'class-validator';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { DecimalScalar } from '../../../common/scalars/decimal.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';

/** Limits of a report's free text. */
export const MAX_DECISIONS_REQUESTED = 50;

@InputType()
export class CreateStatusReportInput {
  @Field(() => ID) projectId: string;
  @Field(() => DateScalar) periodStart: string;
  @Field(() => DateScalar, { description: 'No earlier than periodStart and no later than today (UTC); periods of one project do not overlap' }) periodEnd: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) summary?: string | null;
}

/** A field left out stays as it is; null clears summary and the cost figures. Drafts only. */
@InputType()
export class UpdateStatusReportInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) summary?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Spent so far, in the project currency; 0 or more' }) @IsOptional() costToDate?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Expected total cost, in the project currency; more than 0. Cost is rated once it is entered' })
  @IsOptional() forecastAtCompletion?: string | null;
  @Field(() => [String], { nullable: true, description: 'Replaces the list; blank items are dropped' })
  @IsOptional() @ArrayMaxSize(MAX_DECISIONS_REQUESTED) @MaxLength(INPUT_LIMITS.maxTextLength, { each: true }) decisionsRequested?: string[] | null;
  @Field(() => DateScalar, { nullable: true, description: 'Moves the period (same rules as when created)' }) @IsOptional() periodStart?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() periodEnd?: string | null;
}
