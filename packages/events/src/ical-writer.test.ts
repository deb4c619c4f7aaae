import fc from 'fast-check';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { HELSINKI } from '@talkoot/platform';
import { type FeedEvent, buildCalendarFeed } from './ical-feed.js';

// The feed as ical-generator wrote it before the hand-written writer (the same bounds and
// description rules): the writer must produce these bytes, so subscribers see no change.
function referenceFeed(
  name: string,
  description: string | undefined,
  ttlHours: number,
  events: FeedEvent[],
  allDayBounds: (event: FeedEvent) => { start: Date; end: Date },
): string {
  const escape = (text: string) => text.replace(/[\\;,]/g, (character) => `\\${character}`).replace(/\r\n|\r|\n/g, '\\n');
  const calendar = ical({
    prodId: '//Talkoot//Tapahtumakalenteri//FI',
    method: ICalCalendarMethod.PUBLISH,
    name: escape(name),
    description: description ? escape(description) : null,
    ttl: Math.round(ttlHours * 3600),
  });
  const sorted = [...events].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
  for (const event of sorted) {
    const bounds = event.isAllDay ? allDayBounds(event) : { start: event.startsAt, end: event.endsAt };
    const body = event.description.replace(/\r\n?/g, '\n').trim();
    calendar.createEvent({
      id: event.uid,
      sequence: event.sequence,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      summary: event.title,
      description: { plain: [body, event.organiserName.trim(), event.url].filter(Boolean).join('\n\n') },
      url: event.url,
      location: event.location || null,
      allDay: event.isAllDay,
      start: bounds.start,
      end: bounds.end,
      categories: event.categories.map((category) => ({ name: category })),
      lastModified: event.lastModified,
      stamp: event.lastModified,
    });
  }
  const text = calendar.toString();
  const firstComponent = text.search(/\r\nBEGIN:|\r\nEND:VCALENDAR/);
  return `${text.slice(0, firstComponent)}\r\nX-WR-TIMEZONE:${HELSINKI}${text.slice(firstComponent)}\r\n`;
}

// The all-day dates of the feed, read back from its own output (the writer's bounds are tested in
// ical-feed.test.ts with an independent parser; here only the bytes around them matter).
function boundsFromFeed(feed: string) {
  const bounds = new Map<string, { start: Date; end: Date }>();
  for (const block of feed.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1)) {
    const uid = /\r\nUID:(.*)\r\n/.exec(block)![1]!;
    const start = /DTSTART;VALUE=DATE:(\d{8})/.exec(block)?.[1];
    const end = /DTEND;VALUE=DATE:(\d{8})/.exec(block)?.[1];
    const noon = (day: string) => new Date(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T10:00:00Z`);
    if (start && end) bounds.set(uid, { start: noon(start), end: noon(end) });
  }
  return bounds;
}

const text = fc.string({
  unit: fc.constantFrom('a', 'ä', 'ö', 'Å', ' ', ',', ';', '\\', '\n', ':', '€', '😀', 'x', 'Z'),
  maxLength: 120,
});
const instant = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true });
const feedEvent = fc
  .record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    sequence: fc.nat(50),
    cancelled: fc.boolean(),
    title: text,
    description: text,
    location: text,
    startsAt: instant,
    minutes: fc.integer({ min: 15, max: 3 * 24 * 60 }),
    isAllDay: fc.boolean(),
    category: fc.constantFrom('culture', 'sport', 'meeting'),
    lastModified: instant,
    organiserName: text,
  })
  .map((draw): FeedEvent => ({
    uid: `occurrence-${draw.id}@talkoot`,
    sequence: draw.sequence,
    status: draw.cancelled ? 'cancelled' : 'confirmed',
    title: draw.title || 'x',
    description: draw.description,
    url: `https://talkoot.test/events/${draw.id}`,
    location: draw.location,
    startsAt: draw.startsAt,
    endsAt: new Date(draw.startsAt.getTime() + draw.minutes * 60_000),
    isAllDay: draw.isAllDay,
    categories: [draw.category],
    lastModified: draw.lastModified,
    organiserName: draw.organiserName,
  }));

describe('the hand-written feed writer', () => {
  it('writes byte for byte what ical-generator wrote, for any text, time, length and status', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(feedEvent, { selector: (event) => event.uid, maxLength: 12 }),
        text,
        fc.option(text),
        fc.integer({ min: 1, max: 48 }),
        (events, name, description, ttlHours) => {
          const feed = buildCalendarFeed({ name: name || 'Talkoot', description: description || undefined, events, ttlHours });
          const bounds = boundsFromFeed(feed);
          expect(feed).toBe(
            referenceFeed(name || 'Talkoot', description || undefined, ttlHours, events, (event) => bounds.get(event.uid)!),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes an event again when anything it shows changes, and copies it when nothing does', () => {
    const base: FeedEvent = {
      uid: 'occurrence-7@talkoot',
      sequence: 1,
      status: 'confirmed',
      title: 'Kyläjuhla',
      description: 'Tervetuloa',
      url: 'https://talkoot.test/events/7',
      location: 'Seuraintalo',
      startsAt: new Date('2026-06-20T12:00:00Z'),
      endsAt: new Date('2026-06-20T15:00:00Z'),
      isAllDay: false,
      categories: ['culture'],
      lastModified: new Date('2026-06-01T08:00:00Z'),
      organiserName: 'Kyläyhdistys ry',
    };
    const first = buildCalendarFeed({ name: 'T', events: [base] });
    expect(buildCalendarFeed({ name: 'T', events: [{ ...base }] })).toBe(first);
    // An organiser renamed without a new sequence still shows in the next build.
    const renamed = buildCalendarFeed({ name: 'T', events: [{ ...base, organiserName: 'Kylä ry' }] });
    expect(renamed).toContain('Kylä ry');
    expect(renamed).not.toContain('Kyläyhdistys ry');
    const moved = buildCalendarFeed({
      name: 'T',
      events: [{ ...base, startsAt: new Date('2026-06-21T12:00:00Z'), endsAt: new Date('2026-06-21T15:00:00Z') }],
    });
    expect(moved).toContain('DTSTART:20260621T120000Z');
  });
});
