// Browser-safe: the calendar feed routes (read by calendar apps), declared like every other route.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';

const tag = 'Event calendar';

export const calendarFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/calendar.ics',
  summary:
    "The region's events as an iCalendar feed; the same filters as /api/calendar (municipality, village, organiser, category, audience, free, accessible, q)",
  tag,
  access: access.public,
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  status: 200,
});

export const organisationFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/organisations/:file',
  summary: "One organisation's events (its own and those it co-organises) as an iCalendar feed: /feeds/organisations/<id>.ics",
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.ics$/i) }),
  status: 200,
});

export const eventFileRoute = defineRoute({
  method: 'GET',
  path: '/feeds/events/:file',
  summary: 'One event with all its dates as an .ics file ("add to my calendar"): /feeds/events/<id>.ics',
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.ics$/i) }),
  status: 200,
  errors: [404],
});
