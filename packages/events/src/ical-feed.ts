import { HELSINKI, helsinkiOffsetMinutes } from '@talkoot/platform';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

const DAY_MS = 86_400_000;

export interface FeedEvent {
  /** Stable per occurrence, e.g. '<occurrence id>@talkoot.fi'. */
  uid: string;
  /** iCalendar SEQUENCE: grows on every change a subscriber should see. */
  sequence: number;
  status: 'confirmed' | 'cancelled';
  title: string;
  /** Plain text; the organiser's name and the event page URL are added after it. */
  description: string;
  /** The event's page. */
  url: string;
  location: string;
  startsAt: Date;
  /** For an all-day event: the local midnight after its last day. */
  endsAt: Date;
  isAllDay: boolean;
  categories: string[];
  lastModified: Date;
  organiserName: string;
}

export interface CalendarFeedInput {
  name: string;
  description?: string;
  events: FeedEvent[];
  /** How often calendar apps should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). Default 6. */
  ttlHours?: number;
}

// TEXT escaping of RFC 5545 §3.3.11, for the calendar name and description, which ical-generator
// writes as they are.
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
}

// Helsinki's UTC offset in ms, looked up once per UTC day: Intl (behind helsinkiOffsetMinutes) costs
// tens of microseconds a call, which made 10,000 events take seconds. A day whose ends differ has
// the clock change in it and is looked up per instant.
function makeOffsetLookup(): (instant: number) => number {
  const offsetByDay = new Map<number, number | null>();
  const offsetAt = (instant: number) => helsinkiOffsetMinutes(instant) * 60_000;
  return (instant) => {
    const day = Math.floor(instant / DAY_MS);
    let offset = offsetByDay.get(day);
    if (offset === undefined) {
      const first = offsetAt(day * DAY_MS);
      offset = first === offsetAt((day + 1) * DAY_MS - 1) ? first : null;
      offsetByDay.set(day, offset);
    }
    return offset ?? offsetAt(instant);
  };
}

type OffsetLookup = ReturnType<typeof makeOffsetLookup>;

// Noon of the Helsinki day an instant falls on (plus `dayOffset` days): the date of an all-day
// bound. ical-generator writes an all-day date from the UTC day, and Helsinki noon is on the same
// UTC day (09:00 or 10:00 UTC).
function helsinkiNoonOf(instant: Date, offsetOf: OffsetLookup, dayOffset = 0): Date {
  const wall = instant.getTime() + offsetOf(instant.getTime());
  const noon = Math.floor(wall / DAY_MS) * DAY_MS + dayOffset * DAY_MS + 12 * 3_600_000;
  return new Date(noon - offsetOf(noon));
}

function allDayBounds(event: FeedEvent, offsetOf: OffsetLookup): { start: Date; end: Date } {
  const start = helsinkiNoonOf(event.startsAt, offsetOf);
  // DTEND is exclusive: the day after the one the last moment of the event falls on.
  let end = helsinkiNoonOf(new Date(event.endsAt.getTime() - 1), offsetOf, 1);
  if (end.getTime() <= start.getTime()) end = helsinkiNoonOf(event.startsAt, offsetOf, 1);
  return { start, end };
}

function descriptionOf(event: FeedEvent): string {
  const body = event.description.replace(/\r\n?/g, '\n').trim();
  return [body, event.organiserName.trim(), event.url].filter(Boolean).join('\n\n');
}

function compareEvents(a: FeedEvent, b: FeedEvent): number {
  return a.startsAt.getTime() - b.startsAt.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);
}

/**
 * An iCalendar (RFC 5545) feed of the events. Timed events are written in UTC (`DTSTART:…Z`), not as
 * Helsinki local time with TZID: on the last Sunday of October 03:00–03:59 happens twice, and a
 * local time in it names two instants (RFC 5545 §3.3.5 then takes the first, so an event
 * 03:30 summer time → 03:00 winter time would end before it starts and parsers reject the feed).
 * Every date is its own VEVENT (no RRULE), so nothing needs the zone's rules; calendar apps show
 * UTC times in the reader's zone. All-day events are Helsinki dates. The bytes depend only on the input
 * (events are sorted by start and uid, DTSTAMP is the event's last change, nothing reads the clock),
 * so a hash of them is a stable ETag.
 */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  const calendar = ical({
    prodId: '//Talkoot//Tapahtumakalenteri//FI',
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(input.name),
    description: input.description ? escapeText(input.description) : null,
    ttl: Math.round((input.ttlHours ?? 6) * 3600),
  });

  const offsetOf = makeOffsetLookup();
  for (const event of [...input.events].sort(compareEvents)) {
    // No event zone: ical-generator then writes native Dates in UTC with the 'Z'.
    const bounds = event.isAllDay ? allDayBounds(event, offsetOf) : { start: event.startsAt, end: event.endsAt };
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: event.title,
      description: { plain: descriptionOf(event) },
      url: event.url,
      location: event.location || null,
      allDay: event.isAllDay,
      start: bounds.start,
      end: bounds.end,
      categories: event.categories.map((name) => ({ name })),
      lastModified: event.lastModified,
      stamp: event.lastModified,
    });
  }

  const body = calendar.toString();
  // The calendar's zone for apps that show all-day events or name the calendar's zone.
  // X-WR-TIMEZONE belongs with the calendar's other properties, before the first component.
  const firstComponent = body.search(/\r\nBEGIN:|\r\nEND:VCALENDAR/);
  return `${body.slice(0, firstComponent)}\r\nX-WR-TIMEZONE:${HELSINKI}${body.slice(firstComponent)}\r\n`;
}
