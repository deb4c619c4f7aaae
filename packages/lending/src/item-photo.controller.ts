import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import { type RawReply, Route, type RouteParams, type RouteQuery } from '@talkoot/platform';
import { deleteItemPhotoRoute, itemPhotoFileRoute, uploadItemPhotoRoute } from './item-photo.routes.js';
import { ItemPhotoService } from './item-photo.service.js';

@Controller()
export class ItemPhotoController {
  constructor(private readonly photos: ItemPhotoService) {}

  @Route(uploadItemPhotoRoute)
  async upload(
    @Param() params: RouteParams<typeof uploadItemPhotoRoute>,
    @Query() query: RouteQuery<typeof uploadItemPhotoRoute>,
    @Body() body: unknown,
  ) {
    return { item: await this.photos.upload(params.id, params.itemId, { bytes: body, altText: query.altText }) };
  }

  @Route(deleteItemPhotoRoute)
  async remove(@Param() params: RouteParams<typeof deleteItemPhotoRoute>) {
    return { item: await this.photos.remove(params.id, params.itemId, params.photoId) };
  }

  @Route(itemPhotoFileRoute)
  async file(
    @Param() params: RouteParams<typeof itemPhotoFileRoute>,
    @Query() query: RouteQuery<typeof itemPhotoFileRoute>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const size = query.size === 'thumbnail' ? 'thumbnail' : 'large';
    const etag = this.photos.etag(params.photoId, size);
    const matches = ifNoneMatch?.split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*');
    if (matches && (await this.photos.exists(params.photoId))) {
      void reply.status(304).header('etag', etag).header('cache-control', 'public, max-age=86400');
      return undefined;
    }
    const photo = await this.photos.read(params.photoId, size);
    void reply.type(photo.contentType).header('etag', etag).header('cache-control', 'public, max-age=86400');
    return photo.bytes;
  }
}
