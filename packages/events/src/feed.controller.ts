import { Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { DomainError, Route, type RouteParams, type RouteQuery, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { calendarFilterSchema, parseCalendarFilter } from './calendar-filter.js';
import { type FeedHandle, FeedService } from './feed.service.js';
import type { RawReply } from '@talkoot/platform';

const tag = 'Event calendar';
// Whatever the Accept header says: calendar apps send all sorts.
const CALENDAR = 'text/calendar; charset=utf-8';

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

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return Boolean(ifNoneMatch?.split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*'));
}

@Controller()
export class FeedController {
  constructor(private readonly feeds: FeedService) {}

  @Route(calendarFeedRoute)
  async calendar(
    @Query() query: RouteQuery<typeof calendarFeedRoute>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const parsed = parseCalendarFilter(query as Record<string, string | string[]>);
    if (!parsed.success) throw new DomainError('validation_failed', 'Check the filter', Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])));
    return this.send(await this.feeds.serve(parsed.data), ifNoneMatch, acceptEncoding, reply);
  }

  @Route(organisationFeedRoute)
  async organisation(
    @Param() params: RouteParams<typeof organisationFeedRoute>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const filter = calendarFilterSchema.parse({ organiser: [params.file.slice(0, -'.ics'.length).toLowerCase()] });
    return this.send(await this.feeds.serve(filter), ifNoneMatch, acceptEncoding, reply);
  }

  @Route(eventFileRoute)
  async event(@Param() params: RouteParams<typeof eventFileRoute>, @Res({ passthrough: true }) reply: RawReply) {
    const body = await this.feeds.eventFile(params.file.slice(0, -'.ics'.length).toLowerCase());
    void reply.type(CALENDAR).header('content-disposition', 'attachment; filename="tapahtuma.ics"').header('cache-control', 'public, max-age=300');
    return body;
  }

  private async send(feed: FeedHandle, ifNoneMatch: string | undefined, acceptEncoding: string | undefined, reply: RawReply): Promise<Buffer | undefined> {
    // Each encoding is its own representation, so it has its own strong ETag.
    const isGzip = /\bgzip\b/.test(acceptEncoding ?? '');
    const etag = isGzip ? feed.etag.replace(/"$/, '-gzip"') : feed.etag;
    void reply
      .header('etag', etag)
      .header('last-modified', feed.lastModified.toUTCString())
      .header('cache-control', 'public, max-age=300, stale-while-revalidate=3600')
      .header('vary', 'accept-encoding');
    if (matches(ifNoneMatch, etag)) {
      void reply.status(304);
      return undefined;
    }
    const bytes = await feed.bytes();
    void reply.type(CALENDAR);
    if (!isGzip) return bytes.plain;
    void reply.header('content-encoding', 'gzip');
    return bytes.gzip;
  }
}
