import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const score = (name: string) => ({ message: `${name} must be a score from 1 to 5` });

@InputType()
export class AssignKeyUserInput {
  @Field(() => ID) projectId: string;
  @Field(() => ID) userId: string;
  @Field(() => ID) functionAreaId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() territoryId?: string | null;

  @Field(() => Int) @IsInt() @Min(1, score('processKnowledge')) @Max(5, score('processKnowledge')) processKnowledge: number;
  @Field(() => Int) @IsInt() @Min(1, score('systemLogic')) @Max(5, score('systemLogic')) systemLogic: number;
  @Field(() => Int) @IsInt() @Min(1, score('engagement')) @Max(5, score('engagement')) engagement: number;
  @Field(() => Int) @IsInt() @Min(1, score('teaching')) @Max(5, score('teaching')) teaching: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false }) @IsOptional() firstLineSupport?: boolean | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) @IsOptional() backup?: boolean | null;
}

@InputType()
export class UpdateKeyUserInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, score('processKnowledge')) @Max(5, score('processKnowledge')) processKnowledge?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, score('systemLogic')) @Max(5, score('systemLogic')) systemLogic?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, score('engagement')) @Max(5, score('engagement')) engagement?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1, score('teaching')) @Max(5, score('teaching')) teaching?: number | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() firstLineSupport?: boolean | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() backup?: boolean | null;
}

@InputType()
export class KeyUserQualificationInput {
  @Field(() => ID) projectId: string;
  @Field(() => Int, { description: 'The project’s version' }) @IsInt() version: number;
  @Field(() => Int) @IsInt() @Min(1, score('minProcessKnowledge')) @Max(5, score('minProcessKnowledge')) minProcessKnowledge: number;
  @Field(() => Int) @IsInt() @Min(1, score('minTeaching')) @Max(5, score('minTeaching')) minTeaching: number;
  @Field(() => Int) @IsInt() @Min(1, { message: 'requiredPerCell must be 1 to 20' }) @Max(20, { message: 'requiredPerCell must be 1 to 20' }) requiredPerCell: number;
}
