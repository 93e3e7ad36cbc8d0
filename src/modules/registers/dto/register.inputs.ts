import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, MaxLength } from 'class-validator';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { IssuePriority, IssueStatus, IssueType, RegisterStatus, RiskResponse } from '../registers.enums';

@InputType()
export class AddRiskInput {
  @Field(() => ID) projectId: string;
  @Field() @IsNotBlank('title') @MaxLength(INPUT_LIMITS.maxNameLength) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) description?: string | null;
  @Field(() => Int, { description: '1 (very low) to 5 (very high)' }) @IsInt() probability: number;
  @Field(() => Int, { description: '1 (very low) to 5 (very high)' }) @IsInt() impact: number;
  @Field(() => ID, { nullable: true, description: 'A member of the project' }) @IsOptional() ownerId?: string | null;
  @Field(() => RiskResponse, { nullable: true }) @IsOptional() response?: RiskResponse | null;
  @Field(() => DateScalar, { nullable: true, description: 'When the risk would strike' }) @IsOptional() proximity?: string | null;
}

/** A field left out stays as it is; null clears description, owner, response and proximity. */
@InputType()
export class UpdateRiskInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotBlank('title') @MaxLength(INPUT_LIMITS.maxNameLength) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) description?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() probability?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() impact?: number | null;
  @Field(() => ID, { nullable: true, description: 'A member of the project; null leaves the risk without an owner' }) @IsOptional() ownerId?: string | null;
  @Field(() => RiskResponse, { nullable: true }) @IsOptional() response?: RiskResponse | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() proximity?: string | null;
  @Field(() => RegisterStatus, { nullable: true }) @IsOptional() status?: RegisterStatus | null;
}

@InputType()
export class RaiseIssueInput {
  @Field(() => ID) projectId: string;
  @Field() @IsNotBlank('title') @MaxLength(INPUT_LIMITS.maxNameLength) title: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) description?: string | null;
  @Field(() => IssueType) type: IssueType;
  @Field(() => IssuePriority) priority: IssuePriority;
  @Field(() => ID, { nullable: true, description: 'A member of the project' }) @IsOptional() ownerId?: string | null;
}

/** A field left out stays as it is; null clears description, owner and resolution. */
@InputType()
export class UpdateIssueInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsNotBlank('title') @MaxLength(INPUT_LIMITS.maxNameLength) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) description?: string | null;
  @Field(() => IssuePriority, { nullable: true }) @IsOptional() priority?: IssuePriority | null;
  @Field(() => ID, { nullable: true, description: 'A member of the project; null leaves the issue without an owner' }) @IsOptional() ownerId?: string | null;
  @Field(() => IssueStatus, { nullable: true, description: 'RESOLVED needs a resolution' }) @IsOptional() status?: IssueStatus | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(INPUT_LIMITS.maxTextLength) resolution?: string | null;
}
