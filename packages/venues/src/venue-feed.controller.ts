import { Controller, Headers, Param, Res } from '@nestjs/common';
import type { RawReply, RequestHeaders } from '@talkoot/platform';
import { Route, type RouteParams, access, defineRoute, serveRepresentation } from '@talkoot/platform';
import { z } from 'zod';
import { VenueFeedService } from './venue-feed.service.js';

const tag = 'Village halls';
const CALENDAR = 'text/calendar; charset=utf-8';

// The file name carries the id (calendar apps like a URL ending in .ics); a bad name is a 404.
export const publicFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/venues/:file',
  summary: 'Busy times of a venue as an iCalendar feed (/feeds/venues/<venueId>.ics); no personal data',
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.ics$/i) }),
  status: 200,
  errors: [404],
});

// The token in the path is the access rule: whoever has the secret address may read it.
export const privateFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/venues/:venueId/:file',
  summary: "The owner's detailed calendar feed with titles and bookers (/feeds/venues/<venueId>/<token>.ics)",
  tag,
  access: access.public,
  params: z.object({ venueId: z.uuid(), file: z.string().regex(/^[A-Za-z0-9_-]{16,100}\.ics$/) }),
  status: 200,
  errors: [404],
});

@Controller()
export class VenueFeedController {
  constructor(private readonly feeds: VenueFeedService) {}

  @Route(publicFeedRoute)
  async publicFeed(@Param() params: RouteParams<typeof publicFeedRoute>, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: RawReply) {
    const feed = await this.feeds.servePublicFeed(params.file.slice(0, -'.ics'.length).toLowerCase());
    return serveRepresentation(headers, reply, feed, { contentType: CALENDAR, cacheControl: 'public, max-age=900' });
  }

  @Route(privateFeedRoute)
  async privateFeed(@Param() params: RouteParams<typeof privateFeedRoute>, @Headers() headers: RequestHeaders, @Res({ passthrough: true }) reply: RawReply) {
    const feed = await this.feeds.servePrivateFeed(params.venueId, params.file.slice(0, -'.ics'.length));
    // A secret address: not for shared caches, and never sent onwards as a referrer.
    return serveRepresentation(headers, reply, feed, { contentType: CALENDAR, cacheControl: 'private, max-age=300', headers: { 'referrer-policy': 'no-referrer' } });
  }
}
