import { Body, Controller, Inject, Query } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Route, type RouteBody, type RouteQuery, notFound } from '@talkoot/platform';
import {
  confirmDigestRoute,
  oneClickUnsubscribeRoute,
  runDigestsNowRoute,
  subscribeDigestRoute,
  unsubscribeDigestRoute,
} from './digest.routes.js';
import { DigestService } from './digest.service.js';

@Controller()
export class DigestController {
  constructor(
    private readonly digests: DigestService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Route(runDigestsNowRoute)
  async runNow(@Body() body: RouteBody<typeof runDigestsNowRoute>) {
    if (!this.config.isDevMailbox || this.config.NODE_ENV === 'production') throw notFound('This page');
    return { queued: await this.digests.sendDigests(body.frequency) };
  }

  @Route(subscribeDigestRoute)
  async subscribe(@Body() body: RouteBody<typeof subscribeDigestRoute>) {
    await this.digests.subscribe(body);
    return { status: 'confirmation-sent' as const };
  }

  @Route(confirmDigestRoute)
  confirm(@Body() body: RouteBody<typeof confirmDigestRoute>) {
    return this.digests.confirm(body.token);
  }

  @Route(unsubscribeDigestRoute)
  async unsubscribe(@Body() body: RouteBody<typeof unsubscribeDigestRoute>) {
    await this.digests.unsubscribe(body.token);
    return { status: 'unsubscribed' as const };
  }

  @Route(oneClickUnsubscribeRoute)
  async oneClick(@Query() query: RouteQuery<typeof oneClickUnsubscribeRoute>) {
    await this.digests.unsubscribe(query.token);
    return { status: 'unsubscribed' as const };
  }
}
