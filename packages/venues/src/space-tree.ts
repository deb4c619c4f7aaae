import type { EntityManager } from '@mikro-orm/postgresql';
import { leafSpacesUnder } from './booking.rules.js';
import type { Space } from './space.entity.js';

// The raw benchmark route (bench/servers/raw-server.mjs) runs this very text.
export const VENUE_TREE_SQL = 'select "id", "parent_id" from "spaces" where "venue_id" = ?';

// The leaf spaces a booking of `space` occupies, read from its venue's current tree: two columns
// of plain rows, not a venue's worth of Space entities hydrated into the unit of work.
export async function findLeafSpaceIds(em: EntityManager, space: Space): Promise<string[]> {
  const rows = await em.execute<{ id: string; parent_id: string | null }[]>(VENUE_TREE_SQL, [space.venue.id]);
  return leafSpacesUnder(
    space.id,
    rows.map((row) => ({ id: row.id, parentId: row.parent_id })),
  );
}
