import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { GateOutcome } from '../../plan/stage.enums';

@InputType()
export class GateDecisionInput {
  @Field(() => ID)
  stageId: string;

  @Field(() => GateOutcome)
  outcome: GateOutcome;

  @Field(() => String, { nullable: true, description: 'Required with APPROVED_WITH_CONDITIONS' })
  @IsOptional()
  @MaxLength(INPUT_LIMITS.maxTextLength)
  conditions?: string | null;
}
