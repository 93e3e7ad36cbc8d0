import { createHash } from 'node:crypto';
import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { CalendarFeedService } from './calendar-feed.service';

/** Calendar applications send no Authorization header: the signed token in the URL authorises the feed. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @Public()
  @Get(':projectId/:token/training.ics')
  async feed(@Param('projectId') projectId: string, @Param('token') token: string, @Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.feeds.render(projectId, token);
    // Set only now: a refusal goes out as the error filter's JSON, not labelled as a calendar.
    response.setHeader('content-type', 'text/calendar; charset=utf-8');
    response.setHeader('cache-control', 'private, max-age=300');
    // Express answers 304 to a matching If-None-Match; its own ETags are off (they would hash every GraphQL answer).
    response.setHeader('etag', `W/"${createHash('sha1').update(body).digest('base64url')}"`);
    return body;
  }
}
