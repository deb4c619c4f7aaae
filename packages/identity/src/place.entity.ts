import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { announceContentChanges } from '@talkoot/platform';

@Entity({ tableName: 'regions', triggers: [announceContentChanges('places')] })
export class Region {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  @Unique()
  name!: string;
}

@Entity({ tableName: 'municipalities', triggers: [announceContentChanges('places')] })
@Unique({ properties: ['region', 'name'] })
export class Municipality {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Region, { deleteRule: 'restrict' })
  region!: Region;

  @Property({ type: 'text' })
  name!: string;
}

@Entity({ tableName: 'villages', triggers: [announceContentChanges('places')] })
@Unique({ properties: ['municipality', 'name'] })
export class Village {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Municipality, { deleteRule: 'restrict' })
  municipality!: Municipality;

  @Property({ type: 'text' })
  name!: string;
}
