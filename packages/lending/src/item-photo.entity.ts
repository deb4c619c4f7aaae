import type { Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { announceContentChanges } from '@talkoot/platform';
import { Item } from './item.entity.js';

// A photo of an item, resized and stripped of metadata by platform's image pipeline (as venue
// photos are): the large one for the item's page, the thumbnail for lists. The bytes never
// change (a new photo is a new row), so the id makes a strong validator.
@Entity({ tableName: 'item_photos', triggers: [announceContentChanges('lending')] })
export class ItemPhoto {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Item, { deleteRule: 'cascade', index: true })
  item!: Item;

  @Property({ type: 'text' })
  altText!: string;

  @Property({ type: 'integer' })
  position: Opt<number> = 0;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  width!: number;

  @Property({ type: 'integer' })
  height!: number;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Property({ type: 'blob', lazy: true })
  thumbnail!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();
}
