import type { EntryContext } from 'react-router';

// The data areas a public page can show; each table of them announces its changes (platform's
// `announceContentChanges`). A route opts its page into the page cache with one line:
//   export const handle = { pageCache: { shows: ['events', 'organisations', 'places'] } };
export const contentAreas = ['events', 'venues', 'lending', 'organisations', 'places', 'volunteering'] as const;
export type ContentArea = (typeof contentAreas)[number];

export type PageCacheHandle = { pageCache?: { shows: readonly ContentArea[] } };
// A route's `handle` as the root layout and the renderer read it (`satisfies RouteHandle`).
export type RouteHandle = PageCacheHandle & { hydrate?: boolean };

// Read by the portal's server (server/page-cache.ts), which never sends it on.
export const pageCacheHeaderName = 'x-talkoot-page-cache';

// The mark for a page whose routes declare what they show, with the language it is rendered in.
export function pageCacheMark(routerContext: EntryContext): { header: string; value: string } | null {
  const shows = new Set<ContentArea>();
  for (const match of routerContext.staticHandlerContext.matches) {
    const handle = routerContext.routeModules[match.route.id]?.handle as PageCacheHandle | undefined;
    for (const area of handle?.pageCache?.shows ?? []) if (contentAreas.includes(area)) shows.add(area);
  }
  if (shows.size === 0) return null;
  const root = routerContext.staticHandlerContext.loaderData['root'] as { language?: string } | undefined;
  if (!root?.language) return null;
  return { header: pageCacheHeaderName, value: `shows=${[...shows].join(',')}; language=${root.language}` };
}
