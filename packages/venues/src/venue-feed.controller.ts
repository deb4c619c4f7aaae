import { Controller, Headers, Param, Res } from '@nestjs/common';
import type { RawReply, RequestHeaders } from '@talkoot/platform';
import { Route, type RouteParams, serveRepresentation } from '@talkoot/platform';
import { privateFeedRoute, publicFeedRoute } from './venue-feed.routes.js';
import { VenueFeedService } from './venue-feed.service.js';

const CALENDAR = 'text/calendar; charset=utf-8';

@Controller()
export class VenueFeedController {
  constructor(private readonly feeds: VenueFeedService) {}

  @Route(publicFeedRoute)
  async publicFeed(
    @Param() params: RouteParams<typeof publicFeedRoute>,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const feed = await this.feeds.servePublicFeed(params.file.slice(0, -'.ics'.length).toLowerCase());
    return serveRepresentation(headers, reply, feed, { contentType: CALENDAR, cacheControl: 'public, max-age=900' });
  }

  @Route(privateFeedRoute)
  async privateFeed(
    @Param() params: RouteParams<typeof privateFeedRoute>,
    @Headers() headers: RequestHeaders,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const feed = await this.feeds.servePrivateFeed(params.venueId, params.file.slice(0, -'.ics'.length));
    // A secret address: not for shared caches, and never sent onwards as a referrer.
    return serveRepresentation(headers, reply, feed, {
      contentType: CALENDAR,
      cacheControl: 'private, max-age=300',
      headers: { 'referrer-policy': 'no-referrer' },
    });
  }
}
