import { randomUUID } from 'node:crypto';
import { Check, Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { languages, type Language } from '@talkoot/platform/schemas';

@Entity({ tableName: 'users' })
@Check({ name: 'users_email_lower_check', expression: 'email = lower(email)' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  // Stored lower-cased; one account per address.
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Enum({ items: () => [...languages], nativeEnumName: 'language' })
  language: Language = 'fi';

  @Property({ type: 'boolean' })
  isPlatformAdmin: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
