import { tzOffset } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

const HELSINKI = 'Europe/Helsinki';
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

// Helsinki's UTC offset in ms, looked up once per UTC day: Intl (behind tzOffset and TZDate) costs
// tens of microseconds a call, which made 10,000 events take seconds. A day whose ends differ has
// the clock change in it and is looked up per instant.
function makeOffsetLookup(): (instant: number) => number {
  const offsetByDay = new Map<number, number | null>();
  const offsetAt = (instant: number) => tzOffset(HELSINKI, new Date(instant)) * 60_000;
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

// An instant that ical-generator writes in Helsinki wall-clock time whatever the machine's zone.
// It has the shape ical-generator recognises as a @date-fns/tz TZDate (`internal`, `withTimeZone`,
// `tzComponents`) and reads through the local getters; a native Date would be read in the
// machine's zone (the trap in STACK.md).
class HelsinkiDate extends Date {
  readonly internal: Date;

  constructor(instant: number, offsetMs: number) {
    super(instant);
    this.internal = new Date(instant + offsetMs);
  }

  withTimeZone(): HelsinkiDate {
    return this;
  }

  tzComponents(): void {}

  override getFullYear() {
    return this.internal.getUTCFullYear();
  }

  override getMonth() {
    return this.internal.getUTCMonth();
  }

  override getDate() {
    return this.internal.getUTCDate();
  }

  override getHours() {
    return this.internal.getUTCHours();
  }

  override getMinutes() {
    return this.internal.getUTCMinutes();
  }

  override getSeconds() {
    return this.internal.getUTCSeconds();
  }
}

type OffsetLookup = ReturnType<typeof makeOffsetLookup>;

function helsinkiDate(instant: Date, offsetOf: OffsetLookup): HelsinkiDate {
  return new HelsinkiDate(instant.getTime(), offsetOf(instant.getTime()));
}

// Noon of the Helsinki day an instant falls on (plus `dayOffset` days): the date of an all-day bound.
function helsinkiNoonOf(instant: Date, offsetOf: OffsetLookup, dayOffset = 0): HelsinkiDate {
  const wall = instant.getTime() + offsetOf(instant.getTime());
  const noon = Math.floor(wall / DAY_MS) * DAY_MS + dayOffset * DAY_MS + 12 * 3_600_000;
  const offset = offsetOf(noon);
  return new HelsinkiDate(noon - offset, offset);
}

function allDayBounds(event: FeedEvent, offsetOf: OffsetLookup): { start: HelsinkiDate; end: HelsinkiDate } {
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
 * An iCalendar (RFC 5545) feed of the events, in Helsinki time. The bytes depend only on the input
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
    // Without a name the calendar's own zone stays unset: ical-generator would otherwise write
    // DTSTAMP and LAST-MODIFIED in local time without the 'Z' that RFC 5545 requires. Events set
    // their zone themselves, and the generator adds its VTIMEZONE.
    timezone: { name: '', generator: getVtimezoneComponent },
  });

  const offsetOf = makeOffsetLookup();
  for (const event of [...input.events].sort(compareEvents)) {
    const bounds = event.isAllDay ? allDayBounds(event, offsetOf) : { start: helsinkiDate(event.startsAt, offsetOf), end: helsinkiDate(event.endsAt, offsetOf) };
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: event.title,
      description: { plain: descriptionOf(event) },
      url: event.url,
      location: event.location || null,
      allDay: event.isAllDay,
      timezone: HELSINKI,
      start: bounds.start,
      end: bounds.end,
      categories: event.categories.map((name) => ({ name })),
      lastModified: event.lastModified,
      stamp: event.lastModified,
    });
  }

  const body = calendar.toString();
  // X-WR-TIMEZONE belongs with the calendar's other properties, before the first component.
  const firstComponent = body.search(/\r\nBEGIN:|\r\nEND:VCALENDAR/);
  return `${body.slice(0, firstComponent)}\r\nX-WR-TIMEZONE:${HELSINKI}${body.slice(firstComponent)}\r\n`;
}
