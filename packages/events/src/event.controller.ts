import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { DomainError, Route, type RouteBody, type RouteParams, type RouteQuery, access, addDays, defineRoute, helsinkiDayStart, helsinkiToday } from '@talkoot/platform';
import { z } from 'zod';
import { canonicalFilterQuery, parseCalendarFilter } from './calendar-filter.js';
import { CalendarService } from './calendar.service.js';
import { EventService } from './event.service.js';
import { calendarItemSchema, calendarQuerySchema, coOrganiserAnswerSchema, eventCreateSchema, eventUpdateSchema, eventViewSchema, occurrenceUpdateSchema } from './event.schemas.js';

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

export const publicEventRoute = defineRoute({ method: 'GET', path: '/api/events/:eventId', summary: 'One public event with its dates', tag, access: access.public, params: z.object({ eventId: z.uuid() }), response: eventResponse });

export const organisationEventsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/events',
  summary: "The organisation's events (drafts too) and those it is asked to co-organise",
  tag,
  access: organiserRoles,
  params: z.object({ id: z.uuid() }),
  response: z.object({ events: z.array(eventViewSchema) }),
});

export const organisationEventRoute = defineRoute({ method: 'GET', path: '/api/organisations/:id/events/:eventId', summary: 'One event of the organisation', tag, access: organiserRoles, params: eventParams, response: eventResponse });

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

export const updateEventRoute = defineRoute({ method: 'PATCH', path: '/api/organisations/:id/events/:eventId', summary: 'Change an event', tag, access: organiserRoles, params: eventParams, body: eventUpdateSchema, response: eventResponse, errors: [422] });

export const publishEventRoute = defineRoute({ method: 'POST', path: '/api/organisations/:id/events/:eventId/publication', summary: 'Publish a draft', tag, access: organiserRoles, params: eventParams, response: eventResponse, status: 200, errors: [422] });

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

const MAX_DAYS = 93;

@Controller()
export class EventController {
  constructor(
    private readonly events: EventService,
    private readonly calendar: CalendarService,
  ) {}

  @Route(calendarRoute)
  async list(@Query() query: RouteQuery<typeof calendarRoute>) {
    const { from, to, ...rest } = query;
    const parsed = parseCalendarFilter(rest as Record<string, string | string[]>);
    if (!parsed.success) throw new DomainError('validation_failed', 'Check the filter', Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])));
    const start = helsinkiDayStart(from ?? helsinkiToday());
    const end = to ? helsinkiDayStart(addDays(to, 1)) : new Date(start.getTime() + 31 * 86_400_000);
    if (end <= start || end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) {
      throw new DomainError('validation_failed', 'Check the dates', { to: `Ask for at most ${MAX_DAYS} days, ending after the start` });
    }
    const { items, truncated } = await this.calendar.list(parsed.data, start, end);
    // The canonical query of the filter: the stable, shareable address of this selection.
    return { items, filter: canonicalFilterQuery(parsed.data), truncated };
  }

  @Route(publicEventRoute)
  getPublic(@Param() params: RouteParams<typeof publicEventRoute>) {
    return this.events.getPublic(params.eventId);
  }

  @Route(organisationEventsRoute)
  listForOrganisation(@Param() params: RouteParams<typeof organisationEventsRoute>) {
    return this.events.listForOrganisation(params.id);
  }

  @Route(organisationEventRoute)
  getForOrganisation(@Param() params: RouteParams<typeof organisationEventRoute>) {
    return this.events.getForOrganisation(params.id, params.eventId);
  }

  @Route(createEventRoute)
  create(@Param() params: RouteParams<typeof createEventRoute>, @Body() body: RouteBody<typeof createEventRoute>, @CurrentAuth() auth: AuthContext) {
    return this.events.create(params.id, body, auth.user.id);
  }

  @Route(updateEventRoute)
  update(@Param() params: RouteParams<typeof updateEventRoute>, @Body() body: RouteBody<typeof updateEventRoute>) {
    return this.events.update(params.id, params.eventId, body);
  }

  @Route(publishEventRoute)
  publish(@Param() params: RouteParams<typeof publishEventRoute>) {
    return this.events.publish(params.id, params.eventId);
  }

  @Route(cancelEventRoute)
  cancel(@Param() params: RouteParams<typeof cancelEventRoute>) {
    return this.events.cancel(params.id, params.eventId);
  }

  @Route(changeOccurrenceRoute)
  changeOccurrence(@Param() params: RouteParams<typeof changeOccurrenceRoute>, @Body() body: RouteBody<typeof changeOccurrenceRoute>) {
    return this.events.changeOccurrence(params.id, params.eventId, params.occurrenceId, body);
  }

  @Route(answerCoOrganisingRoute)
  answer(@Param() params: RouteParams<typeof answerCoOrganisingRoute>, @Body() body: RouteBody<typeof answerCoOrganisingRoute>) {
    return this.events.answerCoOrganising(params.id, params.eventId, body.accept);
  }
}
