import { Controller, Get, Header, Param } from '@nestjs/common';
import { Public } from '../auth/public.decorator';
import { CalendarFeedService } from './calendar-feed.service';

/** Calendar applications send no Authorization header: the secret in the URL authorises the feed. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Public()
  @Get(':projectId/:token/training.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  feed(@Param('projectId') projectId: string, @Param('token') token: string): Promise<string> {
    return this.feeds.render(projectId, token);
  }
}
