import { Query, Resolver } from '@nestjs/graphql';
import { CalendarService } from './calendar.service';
import { WorkCalendarType } from './dto/work-calendar.type';

@Resolver(() => WorkCalendarType)
export class CalendarResolver {
  constructor(private readonly calendars: CalendarService) {}

  @Query(() => [WorkCalendarType], { description: 'The work calendars projects and territories may use' })
  workCalendars(): WorkCalendarType[] {
    return this.calendars.list();
  }
}
