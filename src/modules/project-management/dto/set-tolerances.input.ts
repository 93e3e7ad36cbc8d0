import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional } from 'class-validator';
import { DecimalScalar } from '../../../common/scalars/decimal.scalar';

/** The steering committee's tolerances; a field left out stays as it is, `budget: null` removes the budget. */
@InputType()
export class SetTolerancesInput {
  @Field(() => ID)
  projectId: string;

  @Field(() => Int, { nullable: true, description: 'The project version last read; when given, a stale one is refused with STALE_VERSION' })
  @IsOptional()
  @IsInt()
  version?: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days, 0–1000' })
  @IsOptional()
  @IsInt()
  timeToleranceDays?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'More than 0, at most 2 fraction digits; null removes the budget (cost is then not rated)' })
  @IsOptional()
  budget?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. RUB' })
  @IsOptional()
  currency?: string | null;

  @Field(() => Int, { nullable: true, description: '0–100' })
  @IsOptional()
  @IsInt()
  costTolerancePercent?: number | null;
}
