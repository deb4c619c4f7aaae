// Browser-safe: the event calendar and organiser routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  calendarItemSchema,
  calendarQuerySchema,
  coOrganiserAnswerSchema,
  eventCreateSchema,
  eventUpdateSchema,
  eventViewSchema,
  occurrenceUpdateSchema,
} from './event.schemas.js';

const tag = 'Event calendar';
const organiserRoles = access.organisationRole('id', ['admin', 'coordinator']);
const eventParams = z.object({ id: z.uuid(), eventId: z.uuid() });
const eventResponse = z.object({ event: eventViewSchema });

export const calendarRoute = defineRoute({
  method: 'GET',
  path: '/api/calendar',
  summary: 'The public calendar: dates of published (and cancelled) events, filtered; at most 93 days',
  tag,
  access: access.public,
  query: calendarQuerySchema,
  // `truncated`: more dates matched than one answer holds; narrow the filter or the period.
  response: z.object({ items: z.array(calendarItemSchema), filter: z.string(), truncated: z.boolean() }),
});

export const publicEventRoute = defineRoute({
  method: 'GET',
  path: '/api/events/:eventId',
  summary: 'One public event with its dates',
  tag,
  access: access.public,
  params: z.object({ eventId: z.uuid() }),
  response: eventResponse,
});

export const organisationEventsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/events',
  summary: "The organisation's events (drafts too) and those it is asked to co-organise",
  tag,
  access: organiserRoles,
  params: z.object({ id: z.uuid() }),
  response: z.object({ events: z.array(eventViewSchema) }),
});

export const organisationEventRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/events/:eventId',
  summary: 'One event of the organisation',
  tag,
  access: organiserRoles,
  params: eventParams,
  response: eventResponse,
});

export const createEventRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/events',
  summary: 'Create an event (a draft, or published at once); recurring events get all their dates',
  tag,
  access: organiserRoles,
  params: z.object({ id: z.uuid() }),
  body: eventCreateSchema,
  response: eventResponse,
  errors: [422],
});

export const updateEventRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/events/:eventId',
  summary: 'Change an event',
  tag,
  access: organiserRoles,
  params: eventParams,
  body: eventUpdateSchema,
  response: eventResponse,
  errors: [422],
});

export const publishEventRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/events/:eventId/publication',
  summary: 'Publish a draft',
  tag,
  access: organiserRoles,
  params: eventParams,
  response: eventResponse,
  status: 200,
  errors: [422],
});

export const cancelEventRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/events/:eventId/cancellation',
  summary: 'Cancel an event: it stays visible and in feeds, marked cancelled',
  tag,
  access: organiserRoles,
  params: eventParams,
  response: eventResponse,
  status: 200,
  errors: [422],
});

export const changeOccurrenceRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/events/:eventId/occurrences/:occurrenceId',
  summary: 'Move, annotate or cancel one date of an event',
  tag,
  access: organiserRoles,
  params: eventParams.extend({ occurrenceId: z.uuid() }),
  body: occurrenceUpdateSchema,
  response: eventResponse,
  errors: [422],
});

export const answerCoOrganisingRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/events/:eventId/co-organising',
  summary: 'Accept or decline organising an event together with its publisher',
  tag,
  access: organiserRoles,
  params: eventParams,
  body: coOrganiserAnswerSchema,
  response: eventResponse,
  status: 200,
});
