import { Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { DomainError, notFound, processImage, UnreadableImageError } from '@talkoot/platform';
import { Item } from './item.entity.js';
import { ItemPhoto } from './item-photo.entity.js';
import { itemPopulate, viewItems } from './item-view.js';
import type { ItemView } from './item.schemas.js';
import { itemPhotoErrors } from './lending.errors.js';
import { lockItems } from './stock.sql.js';

export const MAX_PHOTOS_PER_ITEM = 6;
// Never wider than the page shows them: the item's page and the thumbnail for lists.
const photoSizes = [
  { width: 1600, quality: 80 },
  { width: 480, quality: 75 },
];

const fieldProblem = (reason: (typeof itemPhotoErrors)[keyof typeof itemPhotoErrors], field: string, message: string) =>
  new DomainError(reason, 'Check the marked fields', { [field]: message });

@Injectable()
export class ItemPhotoService {
  constructor(private readonly orm: MikroORM) {}

  async upload(
    organisationId: string,
    itemId: string,
    input: { bytes: unknown; altText: string | undefined },
  ): Promise<ItemView> {
    await this.ownedItem(organisationId, itemId);
    const altText = (input.altText ?? '').trim();
    if (altText.length < 3 || altText.length > 300)
      throw fieldProblem(itemPhotoErrors.alt_text_length, 'altText', 'Describe the photo in 3 to 300 characters');
    if (!Buffer.isBuffer(input.bytes) || input.bytes.length === 0)
      throw fieldProblem(itemPhotoErrors.missing, 'photo', 'Choose a photo to upload');
    // Resized before the transaction: decoding a big photo takes a moment and holds no lock.
    let sizes: Awaited<ReturnType<typeof processImage>>;
    try {
      sizes = await processImage(input.bytes, { sizes: photoSizes });
    } catch (error) {
      if (!(error instanceof UnreadableImageError)) throw error;
      throw fieldProblem(
        itemPhotoErrors.unreadable,
        'photo',
        'The file is not a picture we can read. Use a JPEG, PNG or WebP photo.',
      );
    }
    const [large, thumbnail] = sizes;
    await this.orm.em.fork().transactional(async (em) => {
      // The item's row lock serialises uploads, so the limit holds under parallel uploads too.
      if ((await lockItems(em, [itemId])).length === 0) throw notFound('The item');
      const photos = await em.find(ItemPhoto, { item: itemId }, { orderBy: { position: 'desc' } });
      if (photos.length >= MAX_PHOTOS_PER_ITEM)
        throw fieldProblem(
          itemPhotoErrors.too_many,
          'photo',
          `An item has at most ${MAX_PHOTOS_PER_ITEM} photos; remove one first`,
        );
      em.create(ItemPhoto, {
        item: em.getReference(Item, itemId),
        altText,
        position: (photos[0]?.position ?? -1) + 1,
        contentType: large!.contentType,
        width: large!.width,
        height: large!.height,
        data: large!.data,
        thumbnail: thumbnail!.data,
      });
    });
    return this.view(itemId);
  }

  async remove(organisationId: string, itemId: string, photoId: string): Promise<ItemView> {
    await this.ownedItem(organisationId, itemId);
    const deleted = await this.orm.em.fork().nativeDelete(ItemPhoto, { id: photoId, item: itemId });
    if (!deleted) throw notFound('The photo');
    return this.view(itemId);
  }

  // The bytes never change (a new photo is a new row): its id and size make a strong ETag.
  etag(photoId: string, size: 'large' | 'thumbnail'): string {
    return `"item-${photoId}-${size}"`;
  }

  async exists(photoId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(ItemPhoto, { id: photoId })) > 0;
  }

  async read(photoId: string, size: 'large' | 'thumbnail'): Promise<{ contentType: string; bytes: Buffer }> {
    const field = size === 'thumbnail' ? 'thumbnail' : 'data';
    const photo = await this.orm.em.fork().findOne(ItemPhoto, { id: photoId }, { fields: ['id', 'contentType', field] });
    if (!photo) throw notFound('The photo');
    return { contentType: photo.contentType, bytes: size === 'thumbnail' ? photo.thumbnail : photo.data };
  }

  // Another organisation's item is "not found", as every owner route answers.
  private async ownedItem(organisationId: string, itemId: string): Promise<void> {
    if (!(await this.orm.em.fork().count(Item, { id: itemId, organisation: organisationId }))) throw notFound('The item');
  }

  private async view(itemId: string): Promise<ItemView> {
    const em = this.orm.em.fork();
    const item = await em.findOneOrFail(Item, { id: itemId }, { populate: itemPopulate });
    const [view] = await viewItems(em, [item]);
    return view!;
  }
}
