import { Body, Controller, Headers, Param, Query, Res } from '@nestjs/common';
import type { RawReply } from '@talkoot/platform';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import { deletePhotoRoute, photoFileRoute, updatePhotoRoute, uploadPhotoRoute } from './photo.routes.js';
import { PhotoService } from './photo.service.js';

@Controller()
export class PhotoController {
  constructor(private readonly photos: PhotoService) {}

  @Route(uploadPhotoRoute)
  upload(
    @Param() params: RouteParams<typeof uploadPhotoRoute>,
    @Query() query: RouteQuery<typeof uploadPhotoRoute>,
    @Body() body: unknown,
  ) {
    return this.photos.uploadPhoto(params.id, params.venueId, { bytes: body, altText: query.altText });
  }

  @Route(updatePhotoRoute)
  update(@Param() params: RouteParams<typeof updatePhotoRoute>, @Body() body: RouteBody<typeof updatePhotoRoute>) {
    return this.photos.updatePhoto(params.id, params.venueId, params.photoId, body);
  }

  @Route(deletePhotoRoute)
  remove(@Param() params: RouteParams<typeof deletePhotoRoute>) {
    return this.photos.deletePhoto(params.id, params.venueId, params.photoId);
  }

  @Route(photoFileRoute)
  async file(
    @Param() params: RouteParams<typeof photoFileRoute>,
    @Query() query: RouteQuery<typeof photoFileRoute>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: RawReply,
  ) {
    const size = query.size === 'thumbnail' ? 'thumbnail' : 'large';
    const etag = this.photos.photoETag(params.photoId, size);
    if (
      ifNoneMatch &&
      ifNoneMatch.split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*') &&
      (await this.photos.photoExists(params.photoId))
    ) {
      void reply.status(304).header('etag', etag).header('cache-control', 'public, max-age=86400');
      return undefined;
    }
    const photo = await this.photos.readPhoto(params.photoId, size);
    void reply.type(photo.contentType).header('etag', etag).header('cache-control', 'public, max-age=86400');
    return photo.bytes;
  }
}
