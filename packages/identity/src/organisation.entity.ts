import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { LocalizedText } from '@talkoot/platform/schemas';
import { organisationKinds, type OrganisationKind } from './organisation.schemas.js';
import { Village } from './place.entity.js';
import { announceContentChanges } from '@talkoot/platform';

@Entity({ tableName: 'organisations', triggers: [announceContentChanges('organisations')] })
export class Organisation {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => [...organisationKinds], nativeEnumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Property({ type: 'text', nullable: true, unique: true })
  businessId: string | null = null;

  @ManyToOne(() => Village, { deleteRule: 'restrict' })
  village!: Village;

  @Property({ type: 'text', nullable: true })
  contactEmail: string | null = null;

  @Property({ type: 'text', nullable: true })
  contactPhone: string | null = null;

  @Property({ type: 'jsonb' })
  description: LocalizedText = {};

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
