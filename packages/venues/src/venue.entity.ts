import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Organisation, Village } from '@talkoot/identity';
import type { LocalizedText } from '@talkoot/platform/schemas';

@Entity({ tableName: 'venues' })
export class Venue {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation, { deleteRule: 'restrict', index: true })
  organisation!: Organisation;

  @ManyToOne(() => Village, { deleteRule: 'restrict' })
  village!: Village;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'jsonb' })
  description: LocalizedText = {};

  @Property({ type: 'integer' })
  capacity!: number;

  @Property({ type: 'jsonb' })
  facilities: string[] = [];

  @Property({ type: 'jsonb' })
  accessibility: string[] = [];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
