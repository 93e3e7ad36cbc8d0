import { Global, Module } from '@nestjs/common';
import { CalendarResolver } from './calendar.resolver';
import { CalendarService } from './calendar.service';

@Global()
@Module({ providers: [CalendarService, CalendarResolver], exports: [CalendarService] })
export class CalendarModule {}
