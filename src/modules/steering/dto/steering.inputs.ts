import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { DateScalar } from '../../../common/scalars/date.scalar';
import { INPUT_LIMITS } from '../../../common/validation/input-limits';
import { IsNotBlank } from '../../../common/validation/is-not-blank';
import { MeetingKind } from '../steering.enums';

@InputType()
export class RecordMeetingInput {
  @Field(() => ID) projectId: string;
  @Field(() => MeetingKind) kind: MeetingKind;
  @Field(() => DateScalar, { description: 'The day it was held: today or earlier (meetings are recorded, not planned)' }) heldOn: string;
  @Field() @IsNotBlank('title') @MaxLength(INPUT_LIMITS.maxNameLength) title: string;
  @Field(() => [ID], { description: 'Members of the project; at least one' }) @ArrayMaxSize(INPUT_LIMITS.maxListItems) attendeeIds: string[];
  @Field(() => [ID], { nullable: true, defaultValue: [], description: 'Status reports of the project reviewed at it (drafts only for those who may see drafts)' })
  @IsOptional() @ArrayMaxSize(INPUT_LIMITS.maxListItems) reportIds?: string[] | null;
}

@InputType()
export class AddDecisionInput {
  @Field(() => ID) meetingId: string;
  @Field({ description: 'What was decided' }) @IsNotBlank('text') @MaxLength(INPUT_LIMITS.maxTextLength) text: string;
  @Field(() => ID, { nullable: true, description: 'A member of the project who carries it out' }) @IsOptional() ownerId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Not before the meeting' }) @IsOptional() dueDate?: string | null;
}
