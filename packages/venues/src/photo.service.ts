import { Injectable } from '@nestjs/common';
import { LockMode, MikroORM } from '@mikro-orm/postgresql';
import { DomainError, notFound, processImage, UnreadableImageError } from '@talkoot/platform';
import { findOwnedVenue, type VenueManageView, VenueAdminService } from './venue-admin.service.js';
import { VenuePhoto } from './venue.entity.js';
import { photoErrors } from './venues.errors.js';

export const MAX_PHOTOS_PER_VENUE = 12;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
// Never wider than the page shows them; the thumbnail for lists and the photo strip.
const photoSizes = [
  { width: 1600, quality: 80 },
  { width: 480, quality: 75 },
];

export interface ResizedPhoto {
  contentType: string;
  width: number;
  height: number;
  data: Buffer;
  thumbnail: Buffer;
}

// Platform's image pipeline: turned by EXIF, stripped of metadata (camera, GPS), WebP.
export async function resizePhoto(bytes: Buffer): Promise<ResizedPhoto> {
  try {
    const [large, thumbnail] = await processImage(bytes, { sizes: photoSizes });
    return {
      contentType: large!.contentType,
      width: large!.width,
      height: large!.height,
      data: large!.data,
      thumbnail: thumbnail!.data,
    };
  } catch (error) {
    if (!(error instanceof UnreadableImageError)) throw error;
    throw new DomainError(photoErrors.unreadable, 'Check the marked fields', {
      photo: 'The file is not a picture we can read. Use a JPEG, PNG or WebP photo.',
    });
  }
}

export function checkAltText(altText: string | undefined): string {
  const text = (altText ?? '').trim();
  if (text.length < 3 || text.length > 300) {
    throw new DomainError(photoErrors.alt_text_length, 'Check the marked fields', {
      altText: 'Describe the photo in 3 to 300 characters',
    });
  }
  return text;
}

@Injectable()
export class PhotoService {
  constructor(
    private readonly orm: MikroORM,
    private readonly admin: VenueAdminService,
  ) {}

  async uploadPhoto(
    organisationId: string,
    venueId: string,
    input: { bytes: unknown; altText: string | undefined },
  ): Promise<{ venue: VenueManageView }> {
    await findOwnedVenue(this.orm.em.fork(), organisationId, venueId);
    const altText = checkAltText(input.altText);
    if (!Buffer.isBuffer(input.bytes) || input.bytes.length === 0) {
      throw new DomainError(photoErrors.missing, 'Check the marked fields', { photo: 'Choose a photo to upload' });
    }
    // Resized before the transaction: decoding a big photo takes a moment and holds no lock.
    const resized = await resizePhoto(input.bytes);
    await this.orm.em.fork().transactional(async (em) => {
      // The venue row lock serialises uploads, so the limit holds under parallel uploads too.
      const venue = await findOwnedVenue(em, organisationId, venueId);
      await em.lock(venue, LockMode.PESSIMISTIC_WRITE);
      const photos = await em.find(VenuePhoto, { venue: venue.id }, { orderBy: { position: 'desc' } });
      if (photos.length >= MAX_PHOTOS_PER_VENUE) {
        throw new DomainError(photoErrors.too_many, `A venue has at most ${MAX_PHOTOS_PER_VENUE} photos`, {
          photo: `A venue has at most ${MAX_PHOTOS_PER_VENUE} photos; remove one first`,
        });
      }
      em.create(VenuePhoto, { venue, altText, position: (photos[0]?.position ?? -1) + 1, ...resized });
    });
    return this.admin.getManagedVenue(organisationId, venueId);
  }

  async updatePhoto(
    organisationId: string,
    venueId: string,
    photoId: string,
    input: { altText?: string; position?: number },
  ): Promise<{ venue: VenueManageView }> {
    await this.orm.em.fork().transactional(async (em) => {
      await findOwnedVenue(em, organisationId, venueId);
      const photos = await em.find(VenuePhoto, { venue: venueId }, { orderBy: { position: 'asc', createdAt: 'asc' } });
      const photo = photos.find((candidate) => candidate.id === photoId);
      if (!photo) throw notFound('The photo');
      if (input.altText !== undefined) photo.altText = checkAltText(input.altText);
      if (input.position !== undefined) {
        // Moving one photo renumbers them all 0..n-1, so positions stay unique and gapless.
        const others = photos.filter((candidate) => candidate !== photo);
        others.splice(Math.min(input.position, others.length), 0, photo);
        others.forEach((candidate, index) => (candidate.position = index));
      }
    });
    return this.admin.getManagedVenue(organisationId, venueId);
  }

  async deletePhoto(organisationId: string, venueId: string, photoId: string): Promise<{ venue: VenueManageView }> {
    await this.orm.em.fork().transactional(async (em) => {
      await findOwnedVenue(em, organisationId, venueId);
      const deleted = await em.nativeDelete(VenuePhoto, { id: photoId, venue: venueId });
      if (!deleted) throw notFound('The photo');
    });
    return this.admin.getManagedVenue(organisationId, venueId);
  }

  // A photo's bytes never change (an edit makes a new photo), so its id and size make a strong ETag.
  photoETag(photoId: string, size: 'large' | 'thumbnail'): string {
    return `"${photoId}-${size}"`;
  }

  async photoExists(photoId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(VenuePhoto, { id: photoId })) > 0;
  }

  async readPhoto(photoId: string, size: 'large' | 'thumbnail'): Promise<{ contentType: string; bytes: Buffer }> {
    const field = size === 'thumbnail' ? 'thumbnail' : 'data';
    const photo = await this.orm.em.fork().findOne(VenuePhoto, { id: photoId }, { fields: ['id', 'contentType', field] });
    if (!photo) throw notFound('The photo');
    return { contentType: photo.contentType, bytes: size === 'thumbnail' ? photo.thumbnail : photo.data };
  }
}
