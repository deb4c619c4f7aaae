import type { EntityManager } from '@mikro-orm/postgresql';
import { leafSpacesUnder } from './booking.rules.js';
import { Space } from './space.entity.js';

// The leaf spaces a booking of `space` occupies, read from its venue's current tree.
export async function findLeafSpaceIds(em: EntityManager, space: Space): Promise<string[]> {
  const venueSpaces = await em.find(Space, { venue: space.venue.id });
  return leafSpacesUnder(
    space.id,
    venueSpaces.map((candidate) => ({ id: candidate.id, parentId: candidate.parent?.id ?? null })),
  );
}
