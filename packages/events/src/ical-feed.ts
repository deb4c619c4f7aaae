import { HELSINKI, helsinkiOffsetMinutes } from '@talkoot/platform';
import { CALENDAR_FOOTER, escapeText, writeCalendarHeader, writeVevent } from './ical-writer.js';

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
  const offsetOf = makeOffsetLookup();
  let body = writeCalendarHeader({
    name: escapeText(input.name),
    description: input.description ? escapeText(input.description) : undefined,
    ttlSeconds: Math.round((input.ttlHours ?? 6) * 3600),
    timezone: HELSINKI,
  });
  for (const event of [...input.events].sort(compareEvents)) body += renderedEvent(event, offsetOf);
  return body + CALENDAR_FOOTER;
}

// The text of one date, kept per uid with the inputs it was written from: after one event changes,
// a rebuild writes that event again and copies the rest (a region feed has ~15,000 dates).
const renderedByUid = new Map<string, { inputs: string; text: string }>();
const RENDERED_LIMIT = 50_000;

function renderedEvent(event: FeedEvent, offsetOf: OffsetLookup): string {
  const inputs = inputsOf(event);
  const cached = renderedByUid.get(event.uid);
  if (cached?.inputs === inputs) return cached.text;
  const text = writeFeedEvent(event, offsetOf);
  if (renderedByUid.size >= RENDERED_LIMIT && !cached) renderedByUid.clear();
  renderedByUid.set(event.uid, { inputs, text });
  return text;
}

// Everything the text depends on, joined by a character no input contains (control characters
// are refused at the api edge).
function inputsOf(event: FeedEvent): string {
  return [
    event.sequence,
    event.status,
    event.title,
    event.description,
    event.url,
    event.location,
    event.startsAt.getTime(),
    event.endsAt.getTime(),
    event.isAllDay,
    event.categories.join('\u0001'),
    event.lastModified.getTime(),
    event.organiserName,
  ].join('\u0000');
}

function writeFeedEvent(event: FeedEvent, offsetOf: OffsetLookup): string {
  const bounds = event.isAllDay ? allDayBounds(event, offsetOf) : { start: event.startsAt, end: event.endsAt };
  return writeVevent({
    uid: event.uid,
    sequence: event.sequence,
    stamp: event.lastModified,
    allDay: event.isAllDay,
    start: bounds.start,
    end: bounds.end,
    summary: event.title,
    location: event.location,
    description: descriptionOf(event),
    categories: event.categories,
    url: event.url,
    status: event.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    lastModified: event.lastModified,
  });
}
