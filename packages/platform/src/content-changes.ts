import type { TriggerDef } from '@mikro-orm/core';

// Public pages are kept rendered in the portal (ADR 020). Every table whose rows a public page
// shows announces each committed change on this channel with the name of its data area; the
// portal's listener drops the pages that show that area. NOTIFY is delivered at commit, once per
// distinct payload per transaction, so a bulk write costs one notification.
export const contentChangedChannel = 'content_changed';

// The data areas public pages show. A page declares the ones it reads (`handle.pageCache.shows`).
export type ContentArea = 'events' | 'venues' | 'lending' | 'volunteering' | 'organisations' | 'places';

// Declared on the entity (`@Entity({ triggers: [announceContentChanges('events')] })`) so the
// schema check sees it; per statement, so it adds no row lock and no work per row.
export function announceContentChanges(area: ContentArea): TriggerDef {
  return {
    name: 'content_changed',
    timing: 'after',
    events: ['insert', 'update', 'delete'],
    forEach: 'statement',
    body: `perform pg_notify('${contentChangedChannel}', '${area}'); return null;`,
  };
}
