// Browser-safe: the venue calendar feed routes (read by calendar apps), declared like every other route.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';

const tag = 'Village halls';

// The file name carries the id (calendar apps like a URL ending in .ics); a bad name is a 404.
export const publicFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/venues/:file',
  summary: 'Busy times of a venue as an iCalendar feed (/feeds/venues/<venueId>.ics); no personal data',
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.ics$/i) }),
  status: 200,
  errors: [404],
});

// The token in the path is the access rule: whoever has the secret address may read it.
export const privateFeedRoute = defineRoute({
  method: 'GET',
  path: '/feeds/venues/:venueId/:file',
  summary: "The owner's detailed calendar feed with titles and bookers (/feeds/venues/<venueId>/<token>.ics)",
  tag,
  access: access.public,
  params: z.object({ venueId: z.uuid(), file: z.string().regex(/^[A-Za-z0-9_-]{16,100}\.ics$/) }),
  status: 200,
  errors: [404],
});
