import { Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../common/config/app-config';
import { badInput } from '../../common/errors/domain-error';
import { echo } from '../../common/validation/input-limits';
import { CalendarRegistry, loadCalendarDefinitions } from './calendar-registry';
import { WorkCalendarType } from './dto/work-calendar.type';
import type { WorkCalendar } from './work-calendar';

/** The work calendars under templates/calendars, loaded once at start-up. */
@Injectable()
export class CalendarService {
  private readonly registry: CalendarRegistry;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.registry = new CalendarRegistry(loadCalendarDefinitions(join(config.templatesDir, 'calendars')));
  }

  /** Refuses an unknown code naming the ones that exist. */
  require(code: string, field = 'calendarCode'): WorkCalendar {
    const calendar = this.registry.get(code);
    if (!calendar) {
      const known = this.registry.list().map((c) => c.code).join(', ');
      throw badInput(`Unknown work calendar "${echo(code)}"; known calendars: ${known}`, field);
    }
    return calendar;
  }

  describe(code: string): WorkCalendarType {
    const calendar = this.require(code);
    return { code: calendar.code, name: calendar.name };
  }

  list(): WorkCalendarType[] {
    return this.registry.list();
  }
}
