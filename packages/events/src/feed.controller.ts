import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { DomainError, type RequestHeaders, Route, type RouteParams, type RouteQuery, access, defineRoute, serveRepresentation } from '@talkoot/platform';
import { z } from 'zod';
import { calendarFilterSchema, parseCalendarFilter } from './calendar-filter.js';
import { FeedService } from './feed.service.js';
import type { RawReply } from '@talkoot/platform';

const tag = 'Event calendar';
// Whatever the Accept header says: calendar apps send all sorts.
const CALENDAR = 'text/calendar; charset=utf-8';
const feedOptions = { contentType: CALENDAR, cacheControl: 'public, max-age=300, stale-while-revalidate=3600' };

export const calendarFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/calendar.ics',
  summary: 'The region\'s events as an iCalendar feed; the same filters as /api/calendar (municipality, village, organiser, category, audience, free, accessible, q)',
  tag,
  access: access.public,
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  status: 200,
});

export const organisationFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/organisations/:file',
  summary: "One organisation's events (its own and those it co-organises) as an iCalendar feed: /feeds/organisations/<id>.ics",
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.ics$/i) }),
  status: 200,
});

export const eventFileRoute = defineRoute({
  method: 'GET',
  path: '/feeds/events/:file',
  summary: 'One event with all its dates as an .ics file ("add to my calendar"): /feeds/events/<id>.ics',
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.ics$/i) }),
  status: 200,
  errors: [404],
});

@Controller()
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Route(calendarFeedRoute)
  async calendar(@Query() query: RouteQuery<typeof calendarFeedRoute>, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: RawReply) {
    const parsed = parseCalendarFilter(query as Record<string, string | string[]>);
    if (!parsed.success) throw new DomainError('validation_failed', 'Check the filter', Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])));
    return serveRepresentation(headers, reply, await this.feeds.serve(parsed.data), feedOptions);
  }

  @Route(organisationFeedRoute)
  async organisation(@Param() params: RouteParams<typeof organisationFeedRoute>, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: RawReply) {
    const filter = calendarFilterSchema.parse({ organiser: [params.file.slice(0, -'.ics'.length).toLowerCase()] });
    return serveRepresentation(headers, reply, await this.feeds.serve(filter), feedOptions);
  }

  @Route(eventFileRoute)
  async event(@Param() params: RouteParams<typeof eventFileRoute>, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: RawReply) {
    const file = await this.feeds.eventFile(params.file.slice(0, -'.ics'.length).toLowerCase());
    return serveRepresentation(headers, reply, file, {
      contentType: CALENDAR,
      cacheControl: 'public, max-age=300',
      headers: { 'content-disposition': 'attachment; filename="tapahtuma.ics"' },
    });
  }
}
