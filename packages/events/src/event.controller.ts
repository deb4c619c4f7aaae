import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import {
  DomainError,
  Route,
  type RouteBody,
  type RouteParams,
  type RouteQuery,
  addDays,
  helsinkiDayStart,
  helsinkiToday,
} from '@talkoot/platform';
import { canonicalFilterQuery, parseCalendarFilter } from './calendar-filter.js';
import { CalendarService } from './calendar.service.js';
import {
  answerCoOrganisingRoute,
  calendarRoute,
  cancelEventRoute,
  changeOccurrenceRoute,
  createEventRoute,
  organisationEventRoute,
  organisationEventsRoute,
  publicEventRoute,
  publishEventRoute,
  updateEventRoute,
} from './event.routes.js';
import { EventService } from './event.service.js';
import { calendarErrors } from './events.errors.js';

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
    if (!parsed.success)
      throw new DomainError(
        calendarErrors.filter_invalid,
        'Check the filter',
        Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])),
      );
    const start = helsinkiDayStart(from ?? helsinkiToday());
    const end = to ? helsinkiDayStart(addDays(to, 1)) : new Date(start.getTime() + 31 * 86_400_000);
    if (end <= start || end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) {
      throw new DomainError(calendarErrors.period_too_long, 'Check the dates', {
        to: `Ask for at most ${MAX_DAYS} days, ending after the start`,
      });
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
  create(
    @Param() params: RouteParams<typeof createEventRoute>,
    @Body() body: RouteBody<typeof createEventRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
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
  changeOccurrence(
    @Param() params: RouteParams<typeof changeOccurrenceRoute>,
    @Body() body: RouteBody<typeof changeOccurrenceRoute>,
  ) {
    return this.events.changeOccurrence(params.id, params.eventId, params.occurrenceId, body);
  }

  @Route(answerCoOrganisingRoute)
  answer(@Param() params: RouteParams<typeof answerCoOrganisingRoute>, @Body() body: RouteBody<typeof answerCoOrganisingRoute>) {
    return this.events.answerCoOrganising(params.id, params.eventId, body.accept);
  }
}
