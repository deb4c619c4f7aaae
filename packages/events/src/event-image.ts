import { Body, Controller, Headers, Injectable, Param, Query, Res } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import {
  DomainError,
  Route,
  type RouteParams,
  type RouteQuery,
  notFound,
  processImage,
  UnreadableImageError,
} from '@talkoot/platform';
import { deleteEventImageRoute, eventImageRoute, uploadEventImageRoute } from './event-image.routes.js';
import { Event } from './event.entity.js';
import { toEventView } from './event.service.js';
import { eventErrors } from './events.errors.js';
import { markFeedsStale } from './feed-staleness.js';
import type { RawReply } from '@talkoot/platform';

// One size: the event page shows the picture at most 1200 px wide.
const pictureSizes = [{ width: 1200, quality: 80 }];

@Injectable()
export class EventImageService {
  constructor(private readonly orm: MikroORM) {}

  async set(organisationId: string, eventId: string, bytes: unknown, altText: string | undefined) {
    const alt = (altText ?? '').trim();
    if (alt.length < 3 || alt.length > 300)
      throw new DomainError(eventErrors.image_alt_length, 'Check the marked fields', {
        imageAlt: 'Describe the picture in 3 to 300 characters',
      });
    if (!Buffer.isBuffer(bytes) || !bytes.length)
      throw new DomainError(eventErrors.image_missing, 'Check the marked fields', { image: 'Choose a picture to upload' });
    let image: Buffer;
    try {
      image = (await processImage(bytes, { sizes: pictureSizes }))[0]!.data;
    } catch (error) {
      if (!(error instanceof UnreadableImageError)) throw error;
      throw new DomainError(eventErrors.image_unreadable, 'Check the marked fields', {
        image: 'The file is not a picture we can read. Use a JPEG, PNG or WebP picture.',
      });
    }
    return this.orm.em.fork().transactional(async (em) => {
      const event = await em.findOne(
        Event,
        { id: eventId, organisation: organisationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!event) throw notFound('The event');
      event.image = image;
      event.imageAlt = alt;
      event.updatedAt = new Date();
      if (event.status !== 'draft') await markFeedsStale(em);
      return { event: await toEventView(em, event) };
    });
  }

  async remove(organisationId: string, eventId: string) {
    return this.orm.em.fork().transactional(async (em) => {
      const event = await em.findOne(
        Event,
        { id: eventId, organisation: organisationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!event) throw notFound('The event');
      event.image = null;
      event.imageAlt = null;
      event.updatedAt = new Date();
      return { event: await toEventView(em, event) };
    });
  }

  async read(eventId: string): Promise<{ bytes: Buffer; etag: string }> {
    const [row] = await this.orm.em
      .getConnection()
      .execute<{ image: Buffer | null; updated_at: Date }[]>(
        `select image, updated_at from events where id = ? and status in ('published', 'cancelled')`,
        [eventId],
      );
    if (!row?.image) throw notFound('The picture');
    return { bytes: row.image, etag: `"${eventId}-${new Date(row.updated_at).getTime()}"` };
  }
}

@Controller()
export class EventImageController {
  constructor(private readonly images: EventImageService) {}

  @Route(uploadEventImageRoute)
  upload(
    @Param() params: RouteParams<typeof uploadEventImageRoute>,
    @Query() query: RouteQuery<typeof uploadEventImageRoute>,
    @Body() body: unknown,
  ) {
    return this.images.set(params.id, params.eventId, body, query.altText);
  }

  @Route(deleteEventImageRoute)
  remove(@Param() params: RouteParams<typeof deleteEventImageRoute>) {
    return this.images.remove(params.id, params.eventId);
  }

  @Route(eventImageRoute)
  async read(
    @Param() params: RouteParams<typeof eventImageRoute>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const image = await this.images.read(params.eventId);
    void reply.header('etag', image.etag).header('cache-control', 'public, max-age=3600');
    if (ifNoneMatch?.split(',').some((candidate) => candidate.trim() === image.etag)) {
      void reply.status(304);
      return undefined;
    }
    void reply.type('image/webp');
    return image.bytes;
  }
}
