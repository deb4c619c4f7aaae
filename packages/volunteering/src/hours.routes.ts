// Browser-safe: my tasks and hours, the personal calendar feed, an organisation's hours.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  hoursApprovalInputSchema,
  hoursEntrySchema,
  hoursQuerySchema,
  hoursSummarySchema,
  logHoursInputSchema,
  myVolunteeringSchema,
  personalFeedSchema,
} from './hours.schemas.js';

const tag = 'Volunteering';
const coordinators = access.organisationRole('id', ['admin', 'coordinator']);

export const myVolunteeringRoute = defineRoute({
  method: 'GET',
  path: '/api/me/volunteering',
  summary:
    'My places across all organisations (also those claimed without an account with my email), hours per organisation and total',
  tag,
  access: access.signedIn,
  response: myVolunteeringSchema,
});

export const logHoursRoute = defineRoute({
  method: 'POST',
  path: '/api/me/volunteering/hours',
  summary: "Log hours of standing work; the task's coordinator approves them",
  tag,
  access: access.signedIn,
  body: logHoursInputSchema,
  response: z.object({ entry: hoursEntrySchema }),
  errors: [404, 422],
});

export const personalFeedRoute = defineRoute({
  method: 'GET',
  path: '/api/me/volunteering/feed',
  summary: 'Whether I have a personal calendar address (the address itself is shown only when made)',
  tag,
  access: access.signedIn,
  response: personalFeedSchema,
});

export const rotatePersonalFeedRoute = defineRoute({
  method: 'POST',
  path: '/api/me/volunteering/feed',
  summary: 'Make my personal calendar address, or a new one (the old one stops working)',
  tag,
  access: access.signedIn,
  response: personalFeedSchema,
  status: 200,
});

export const revokePersonalFeedRoute = defineRoute({
  method: 'DELETE',
  path: '/api/me/volunteering/feed',
  summary: 'Revoke my personal calendar address',
  tag,
  access: access.signedIn,
  status: 204,
});

export const personalFeedFileRoute = defineRoute({
  method: 'GET',
  path: '/feeds/volunteering/:file',
  summary: 'My shifts as an iCalendar feed, at the secret address: /feeds/volunteering/<secret>.ics',
  tag,
  access: access.public,
  params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{40,60}\.ics$/) }),
  status: 200,
  errors: [404],
});

export const organisationHoursRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/volunteering/hours',
  summary:
    "The organisation's volunteers' hours per volunteer and per task, and standing hours to approve (for the printable page)",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  query: hoursQuerySchema,
  response: hoursSummarySchema,
});

export const organisationHoursCsvRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/volunteering/hours.csv',
  summary: "The organisation's volunteer hours as CSV (UTF-8 with BOM, semicolons, decimal comma: opens in Finnish Excel)",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  query: hoursQuerySchema,
  status: 200,
});

export const approveHoursRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/hours/:hoursId/approval',
  summary: 'Approve (or reject) hours a volunteer logged on standing work',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), hoursId: z.uuid() }),
  body: hoursApprovalInputSchema,
  response: z.object({ entry: hoursEntrySchema }),
  status: 200,
  errors: [404, 422],
});
