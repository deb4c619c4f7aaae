import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import {
  DomainError,
  type RequestHeaders,
  Route,
  type RouteParams,
  type RouteQuery,
  serveRepresentation,
} from '@talkoot/platform';
import { calendarFilterSchema, parseCalendarFilter } from './calendar-filter.js';
import { calendarErrors } from './events.errors.js';
import { calendarFeedRoute, eventFileRoute, organisationFeedRoute } from './feed.routes.js';
import { FeedService } from './feed.service.js';
import type { RawReply } from '@talkoot/platform';

// Whatever the Accept header says: calendar apps send all sorts.
const CALENDAR = 'text/calendar; charset=utf-8';
const feedOptions = { contentType: CALENDAR, cacheControl: 'public, max-age=300, stale-while-revalidate=3600' };

@Controller()
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Route(calendarFeedRoute)
  async calendar(
    @Query() query: RouteQuery<typeof calendarFeedRoute>,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const parsed = parseCalendarFilter(query as Record<string, string | string[]>);
    if (!parsed.success)
      throw new DomainError(
        calendarErrors.filter_invalid,
        'Check the filter',
        Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])),
      );
    return serveRepresentation(headers, reply, await this.feeds.serve(parsed.data), feedOptions);
  }

  @Route(organisationFeedRoute)
  async organisation(
    @Param() params: RouteParams<typeof organisationFeedRoute>,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const filter = calendarFilterSchema.parse({ organiser: [params.file.slice(0, -'.ics'.length).toLowerCase()] });
    return serveRepresentation(headers, reply, await this.feeds.serve(filter), feedOptions);
  }

  @Route(eventFileRoute)
  async event(
    @Param() params: RouteParams<typeof eventFileRoute>,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const file = await this.feeds.eventFile(params.file.slice(0, -'.ics'.length).toLowerCase());
    return serveRepresentation(headers, reply, file, {
      contentType: CALENDAR,
      cacheControl: 'public, max-age=300',
      headers: { 'content-disposition': 'attachment; filename="tapahtuma.ics"' },
    });
  }
}
