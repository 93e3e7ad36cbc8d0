import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('WorkCalendar')
export class WorkCalendarType {
  @Field()
  code: string;

  @Field()
  name: string;
}
