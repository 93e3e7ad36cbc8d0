import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { DateTimeScalar } from '../../../common/scalars/date-time.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { TrainingAudience, TrainingFormat } from '../training.enums';

@InputType()
export class ScheduleTrainingInput {
  @Field(() => ID) projectId: string;
  @Field() @IsNotBlank('title') @MaxLength(INPUT_LIMITS.maxNameLength) title: string;
  @Field(() => TrainingAudience) audience: TrainingAudience;
  @Field(() => TrainingFormat) format: TrainingFormat;
  @Field(() => String, { nullable: true, description: 'Required on site' }) @IsOptional() @MaxLength(500) location?: string | null;
  @Field(() => String, { nullable: true, description: 'Required for remote sessions' }) @IsOptional() @MaxLength(2000) meetingUrl?: string | null;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => String, { nullable: true, description: 'IANA time zone the session is held in, e.g. Europe/Moscow' })
  @IsOptional() @MaxLength(64) timeZone?: string | null;
  @Field(() => ID) trainerId: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'capacity must be at least 1' }) @Max(10_000) capacity: number;
  @Field(() => ID, { nullable: true }) @IsOptional() functionAreaId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() territoryId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() milestoneId?: string | null;
  @Field(() => [ID], { nullable: true, defaultValue: [] }) @IsOptional() @ArrayMaxSize(INPUT_LIMITS.maxListItems) attendeeIds?: string[] | null;
}

@InputType()
export class RescheduleTrainingInput {
  @Field(() => ID) id: string;
  @Field(() => Int) @IsInt() version: number;
  @Field(() => DateTimeScalar) startsAt: Date;
  @Field(() => DateTimeScalar) endsAt: Date;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) location?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) meetingUrl?: string | null;
  @Field(() => ID, { nullable: true, description: 'Another trainer' }) @IsOptional() trainerId?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Asia/Almaty; omitted: kept, null: cleared (shown in UTC)' })
  @IsOptional() @MaxLength(64) timeZone?: string | null;
}
