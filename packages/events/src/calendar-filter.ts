import { z } from 'zod';
import { eventAudiences, eventCategories } from './event.schemas.js';

// One filter shape for the public calendar, its feeds, the printable sheet and digests. Every
// combination has one canonical query string, which is also the feed's cache key.
export const calendarFilterSchema = z.object({
  municipality: z.array(z.uuid()).max(20).default([]),
  village: z.array(z.uuid()).max(50).default([]),
  organiser: z.array(z.uuid()).max(50).default([]),
  category: z.array(z.enum(eventCategories)).max(eventCategories.length).default([]),
  audience: z.array(z.enum(eventAudiences)).max(eventAudiences.length).default([]),
  free: z.boolean().default(false),
  accessible: z.boolean().default(false),
  q: z.string().trim().max(100).default(''),
});
export type CalendarFilter = z.output<typeof calendarFilterSchema>;

const listKeys = ['municipality', 'village', 'organiser', 'category', 'audience'] as const;

// Query parameters (repeated or comma-separated) → filter.
export function parseCalendarFilter(query: URLSearchParams | Record<string, string | string[] | undefined>) {
  const read = (name: string): string[] => {
    const raw = query instanceof URLSearchParams ? query.getAll(name) : ([] as string[]).concat(query[name] ?? []);
    return raw
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
  };
  const flag = (name: string) => ['1', 'true', 'yes', 'on'].includes(read(name)[0] ?? '');
  return calendarFilterSchema.safeParse({
    ...Object.fromEntries(listKeys.map((key) => [key, [...new Set(read(key))]])),
    free: flag('free'),
    accessible: flag('accessible'),
    q: read('q').join(' '),
  });
}

// Sorted keys and values: the same filter always gives the same string (and feed cache key).
export function canonicalFilterQuery(filter: CalendarFilter): string {
  const params = new URLSearchParams();
  for (const key of listKeys) if (filter[key].length) params.set(key, [...filter[key]].sort().join(','));
  if (filter.free) params.set('free', '1');
  if (filter.accessible) params.set('accessible', '1');
  if (filter.q) params.set('q', filter.q.toLowerCase());
  return params.toString();
}
