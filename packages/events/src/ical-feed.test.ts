import ical, { type VEvent } from 'node-ical';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type FeedEvent, buildCalendarFeed } from './ical-feed.js';

// Instants are written with their Helsinki offset: +02:00 in winter, +03:00 in summer. Summer time
// begins 29.3.2026 (03:00 → 04:00) and ends 25.10.2026 (04:00 → 03:00); both are Sundays.
const at = (iso: string) => new Date(iso);

const makeFeedEvent = (overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: 'occurrence-1@talkoot.test',
  sequence: 0,
  status: 'confirmed',
  title: 'Kesäteatteri: Nummisuutarit',
  description: 'Kotalahden nuorisoseuran kesäteatteri.',
  url: 'https://talkoot.test/tapahtumat/occurrence-1',
  location: 'Kotalahden kylätalo',
  startsAt: at('2026-10-25T18:00:00+02:00'),
  endsAt: at('2026-10-25T20:00:00+02:00'),
  isAllDay: false,
  categories: ['culture'],
  lastModified: at('2026-10-01T09:30:00Z'),
  organiserName: 'Kotalahden nuorisoseura ry',
  ...overrides,
});

const parseEvents = (feed: string): VEvent[] =>
  Object.values(ical.sync.parseICS(feed)).filter((component): component is VEvent => component?.type === 'VEVENT');
const instant = (value: Date | undefined) => new Date(value!).toISOString();
const text = (value: string | { val: string } | undefined) => (typeof value === 'string' ? value : value?.val);
const unfold = (feed: string) => feed.replace(/\r\n[ \t]/g, '');

afterEach(() => {
  vi.useRealTimers();
});

describe('calendar feed', () => {
  it('writes the calendar properties and CRLF lines, and no VTIMEZONE (times are in UTC)', () => {
    const feed = buildCalendarFeed({
      name: 'Kotalahden tapahtumat',
      description: 'Kylän yhteinen kalenteri',
      events: [makeFeedEvent()],
      ttlHours: 2,
    });
    const lines = feed.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('X-WR-CALNAME:Kotalahden tapahtumat');
    expect(lines).toContain('X-WR-CALDESC:Kylän yhteinen kalenteri');
    expect(lines).toContain('X-WR-TIMEZONE:Europe/Helsinki');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT2H');
    expect(lines).toContain('X-PUBLISHED-TTL:PT2H');
    expect(feed).not.toContain('TZID');
    expect(feed).not.toContain('BEGIN:VTIMEZONE');
    // Calendar properties come before the first component (RFC 5545 §3.4).
    expect(lines.indexOf('X-WR-TIMEZONE:Europe/Helsinki')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes a timed event in UTC that parses to the right instants on both clock-change days', () => {
    const autumn = makeFeedEvent({
      uid: 'autumn@talkoot.test',
      startsAt: at('2026-10-25T18:00:00+02:00'),
      endsAt: at('2026-10-25T20:30:00+02:00'),
    });
    const spring = makeFeedEvent({
      uid: 'spring@talkoot.test',
      startsAt: at('2026-03-29T18:00:00+03:00'),
      endsAt: at('2026-03-29T20:30:00+03:00'),
    });
    const feed = buildCalendarFeed({ name: 'Tapahtumat', events: [autumn, spring] });
    expect(feed).toContain('DTSTART:20261025T160000Z\r\n');
    expect(feed).toContain('DTEND:20261025T183000Z\r\n');
    expect(feed).toContain('DTSTART:20260329T150000Z\r\n');
    const parsed = new Map(parseEvents(feed).map((event) => [event.uid, event]));
    expect(instant(parsed.get('autumn@talkoot.test')!.start)).toBe('2026-10-25T16:00:00.000Z');
    expect(instant(parsed.get('autumn@talkoot.test')!.end)).toBe('2026-10-25T18:30:00.000Z');
    expect(instant(parsed.get('spring@talkoot.test')!.start)).toBe('2026-03-29T15:00:00.000Z');
    expect(instant(parsed.get('spring@talkoot.test')!.end)).toBe('2026-03-29T17:30:00.000Z');
  });

  // 25.10.2026: at 04:00 summer time (+03) the clocks go back to 03:00 winter time (+02), so the
  // wall clock shows 03:00–03:59 twice. 29.3.2026: at 03:00 (+02) they jump to 04:00 (+03).
  describe('around the clock changes', () => {
    const cases = [
      {
        uid: 'across-the-repeat@talkoot.test',
        startsAt: '2026-10-25T03:30:00+03:00',
        endsAt: '2026-10-25T03:00:00+02:00',
        dtstart: '20261025T003000Z',
        dtend: '20261025T010000Z',
      },
      {
        uid: 'first-0300s@talkoot.test',
        startsAt: '2026-10-25T03:05:00+03:00',
        endsAt: '2026-10-25T03:55:00+03:00',
        dtstart: '20261025T000500Z',
        dtend: '20261025T005500Z',
      },
      {
        uid: 'second-0300s@talkoot.test',
        startsAt: '2026-10-25T03:05:00+02:00',
        endsAt: '2026-10-25T03:55:00+02:00',
        dtstart: '20261025T010500Z',
        dtend: '20261025T015500Z',
      },
      {
        uid: 'over-the-night@talkoot.test',
        startsAt: '2026-10-25T02:30:00+03:00',
        endsAt: '2026-10-25T04:30:00+02:00',
        dtstart: '20261024T233000Z',
        dtend: '20261025T023000Z',
      },
      {
        uid: 'across-the-gap@talkoot.test',
        startsAt: '2026-03-29T02:30:00+02:00',
        endsAt: '2026-03-29T04:30:00+03:00',
        dtstart: '20260329T003000Z',
        dtend: '20260329T013000Z',
      },
      {
        uid: 'just-after-the-gap@talkoot.test',
        startsAt: '2026-03-29T04:00:00+03:00',
        endsAt: '2026-03-29T04:45:00+03:00',
        dtstart: '20260329T010000Z',
        dtend: '20260329T014500Z',
      },
    ];
    const feed = buildCalendarFeed({
      name: 'Tapahtumat',
      events: cases.map((item) => makeFeedEvent({ uid: item.uid, startsAt: at(item.startsAt), endsAt: at(item.endsAt) })),
    });

    it.each(cases)('writes $uid as unambiguous UTC instants', (item) => {
      const block = unfold(feed)
        .split('BEGIN:VEVENT')
        .find((part) => part.includes(`UID:${item.uid}\r\n`))!;
      expect(block).toContain(`\r\nDTSTART:${item.dtstart}\r\n`);
      expect(block).toContain(`\r\nDTEND:${item.dtend}\r\n`);
    });

    it('parses back, with an independent parser, to the exact instants and every end after its start', () => {
      const parsed = new Map(parseEvents(feed).map((event) => [event.uid, event]));
      expect(parsed.size).toBe(cases.length);
      for (const item of cases) {
        const event = parsed.get(item.uid)!;
        expect(instant(event.start), item.uid).toBe(at(item.startsAt).toISOString());
        expect(instant(event.end), item.uid).toBe(at(item.endsAt).toISOString());
        expect(new Date(event.end!).getTime(), item.uid).toBeGreaterThan(new Date(event.start).getTime());
      }
    });

    it('keeps the all-day dates of the clock-change days', () => {
      const days = buildCalendarFeed({
        name: 'Tapahtumat',
        events: [
          makeFeedEvent({
            uid: 'autumn-day@talkoot.test',
            isAllDay: true,
            startsAt: at('2026-10-25T00:00:00+03:00'),
            endsAt: at('2026-10-26T00:00:00+02:00'),
          }),
          makeFeedEvent({
            uid: 'spring-day@talkoot.test',
            isAllDay: true,
            startsAt: at('2026-03-29T00:00:00+02:00'),
            endsAt: at('2026-03-30T00:00:00+03:00'),
          }),
        ],
      });
      expect(days).toContain('DTSTART;VALUE=DATE:20261025\r\nDTEND;VALUE=DATE:20261026\r\n');
      expect(days).toContain('DTSTART;VALUE=DATE:20260329\r\nDTEND;VALUE=DATE:20260330\r\n');
    });
  });

  it('writes the uid, sequence, status, url, location, categories, and DTSTAMP and LAST-MODIFIED in UTC', () => {
    const feed = buildCalendarFeed({
      name: 'Tapahtumat',
      events: [makeFeedEvent({ sequence: 3, categories: ['culture', 'children'] })],
    });
    const lines = unfold(feed).split('\r\n');
    expect(lines).toContain('UID:occurrence-1@talkoot.test');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('URL;VALUE=URI:https://talkoot.test/tapahtumat/occurrence-1');
    expect(lines).toContain('LOCATION:Kotalahden kylätalo');
    expect(lines).toContain('CATEGORIES:culture,children');
    expect(lines).toContain('DTSTAMP:20261001T093000Z');
    expect(lines).toContain('LAST-MODIFIED:20261001T093000Z');
    const [event] = parseEvents(feed);
    expect(Number(event!.sequence)).toBe(3);
    expect(event!.categories).toEqual(['culture', 'children']);
    expect(instant(event!.dtstamp)).toBe('2026-10-01T09:30:00.000Z');
  });

  it('ends the plain-text description with the organiser and the event page', () => {
    const [event] = parseEvents(buildCalendarFeed({ name: 'Tapahtumat', events: [makeFeedEvent()] }));
    expect(text(event!.description)).toBe(
      'Kotalahden nuorisoseuran kesäteatteri.\n\nKotalahden nuorisoseura ry\n\nhttps://talkoot.test/tapahtumat/occurrence-1',
    );
  });

  it('writes an all-day event as local dates with an exclusive end', () => {
    const oneDay = makeFeedEvent({
      uid: 'one-day@talkoot.test',
      isAllDay: true,
      startsAt: at('2026-10-25T00:00:00+03:00'),
      endsAt: at('2026-10-26T00:00:00+02:00'),
    });
    const weekend = makeFeedEvent({
      uid: 'weekend@talkoot.test',
      isAllDay: true,
      startsAt: at('2026-03-28T00:00:00+02:00'),
      endsAt: at('2026-03-30T00:00:00+03:00'),
    });
    const feed = buildCalendarFeed({ name: 'Tapahtumat', events: [oneDay, weekend] });
    expect(feed).toContain('DTSTART;VALUE=DATE:20261025\r\nDTEND;VALUE=DATE:20261026\r\n');
    expect(feed).toContain('DTSTART;VALUE=DATE:20260328\r\nDTEND;VALUE=DATE:20260330\r\n');
    const parsed = new Map(parseEvents(feed).map((event) => [event.uid, event]));
    expect(parsed.get('one-day@talkoot.test')!.datetype).toBe('date');
    expect(parsed.get('weekend@talkoot.test')!.datetype).toBe('date');
  });

  it('writes a timed event over several days with its own start and end', () => {
    const feed = buildCalendarFeed({
      name: 'Tapahtumat',
      events: [makeFeedEvent({ startsAt: at('2026-07-03T18:00:00+03:00'), endsAt: at('2026-07-05T15:00:00+03:00') })],
    });
    const [event] = parseEvents(feed);
    expect(instant(event!.start)).toBe('2026-07-03T15:00:00.000Z');
    expect(instant(event!.end)).toBe('2026-07-05T12:00:00.000Z');
  });

  it('marks a cancelled event CANCELLED, keeping its uid so that subscribers drop it', () => {
    const feed = buildCalendarFeed({ name: 'Tapahtumat', events: [makeFeedEvent({ status: 'cancelled', sequence: 4 })] });
    expect(feed).toContain('STATUS:CANCELLED\r\n');
    const [event] = parseEvents(feed);
    expect(event!.status).toBe('CANCELLED');
    expect(event!.uid).toBe('occurrence-1@talkoot.test');
  });

  it('escapes commas, semicolons, backslashes and newlines, and keeps ä and ö', () => {
    const tricky = makeFeedEvent({
      title: 'Myyjäiset; kahvia, pullaa & öljyvärejä',
      description: 'Rivi 1\nRivi 2, jossa pilkku; ja puolipiste \\ kenoviiva',
      location: 'Seurojentalo, Kyläntie 5; Äänekoski',
      categories: ['market', 'a,b'],
    });
    const feed = buildCalendarFeed({ name: 'Kylät, yhdessä; nyt', description: 'Rivi\nToinen', events: [tricky] });
    const lines = unfold(feed).split('\r\n');
    expect(lines).toContain('SUMMARY:Myyjäiset\\; kahvia\\, pullaa & öljyvärejä');
    expect(lines).toContain('LOCATION:Seurojentalo\\, Kyläntie 5\\; Äänekoski');
    expect(lines).toContain('X-WR-CALNAME:Kylät\\, yhdessä\\; nyt');
    expect(lines).toContain('X-WR-CALDESC:Rivi\\nToinen');
    expect(lines).toContain('CATEGORIES:market,a\\,b');
    const [event] = parseEvents(feed);
    expect(text(event!.summary)).toBe('Myyjäiset; kahvia, pullaa & öljyvärejä');
    expect(text(event!.location)).toBe('Seurojentalo, Kyläntie 5; Äänekoski');
    expect(text(event!.description)).toMatch(/^Rivi 1\nRivi 2, jossa pilkku; ja puolipiste \\ kenoviiva\n\n/);
  });

  it('folds long lines at 75 octets without splitting a multi-byte letter', () => {
    const feed = buildCalendarFeed({ name: 'Tapahtumat', events: [makeFeedEvent({ description: 'äöå'.repeat(100) })] });
    for (const line of feed.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text(parseEvents(feed)[0]!.description)?.startsWith('äöå'.repeat(100))).toBe(true);
  });

  it('gives identical bytes for identical input, whatever the clock or the order of the events', () => {
    const events = [
      makeFeedEvent(),
      makeFeedEvent({
        uid: 'occurrence-2@talkoot.test',
        startsAt: at('2026-03-29T18:00:00+03:00'),
        endsAt: at('2026-03-29T19:00:00+03:00'),
      }),
    ];
    vi.useFakeTimers();
    vi.setSystemTime(at('2026-01-01T00:00:00Z'));
    const first = buildCalendarFeed({ name: 'Tapahtumat', events });
    vi.setSystemTime(at('2027-06-15T12:34:56Z'));
    const second = buildCalendarFeed({ name: 'Tapahtumat', events: events.toReversed() });
    expect(second).toBe(first);
    expect(first).not.toMatch(/2027|20260101T/);
  });

  it('writes an empty feed that still parses', () => {
    const feed = buildCalendarFeed({ name: 'Tapahtumat', events: [] });
    expect(feed).toContain('X-WR-TIMEZONE:Europe/Helsinki\r\nEND:VCALENDAR\r\n');
    expect(parseEvents(feed)).toEqual([]);
  });

  it('builds 10,000 events fast enough and they all parse', () => {
    const start = at('2026-01-05T18:00:00+02:00').getTime();
    const events = Array.from({ length: 10_000 }, (_, index) =>
      makeFeedEvent({
        uid: `occurrence-${index}@talkoot.test`,
        sequence: index % 5,
        title: `Tapahtuma ${index}: kesäteatteri, myyjäiset; talkoot`,
        startsAt: new Date(start + index * 3_600_000),
        endsAt: new Date(start + index * 3_600_000 + 5_400_000),
        isAllDay: index % 10 === 0,
        status: index % 50 === 0 ? 'cancelled' : 'confirmed',
      }),
    );
    const began = performance.now();
    const cpuBefore = process.cpuUsage();
    const feed = buildCalendarFeed({ name: 'Kaikki tapahtumat', events });
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time too: on a busy machine the wall-clock time says more about the neighbours.
    const wallMs = (performance.now() - began).toFixed(0);
    const cpuMs = ((cpu.user + cpu.system) / 1000).toFixed(0);
    console.log(`Built a feed of 10,000 events in ${wallMs} ms (${cpuMs} ms of CPU), ${(feed.length / 1_048_576).toFixed(1)} MB`);
    expect(feed.match(/\r\nBEGIN:VEVENT\r\n/g)).toHaveLength(10_000);
    expect(parseEvents(feed)).toHaveLength(10_000);
  }, 120_000);

  it('writes after changes, from the texts it kept, exactly the feed a build from nothing writes', async () => {
    const events = Array.from({ length: 60 }, (_, i) =>
      makeFeedEvent({
        uid: `occurrence-${i}@talkoot.test`,
        title: `Tapahtuma ${i}: kahvila, arpajaiset; ääni\\kuva`,
        startsAt: new Date(Date.UTC(2026, 9, 20 + (i % 10), 8 + (i % 9))),
        endsAt: new Date(Date.UTC(2026, 9, 20 + (i % 10), 10 + (i % 9))),
        isAllDay: i % 7 === 0,
      }),
    );
    const feedInput = (list: FeedEvent[]) => ({ name: 'Kylän tapahtumat', events: list });
    buildCalendarFeed(feedInput(events)); // every date's text is kept now
    const changed = [
      ...events.slice(2).map((event, i) =>
        i === 0
          ? { ...event, title: 'Muutettu: syysmarkkinat' } // the title alone: every input counts
          : i === 1
            ? { ...event, status: 'cancelled' as const, sequence: 1 }
            : event,
      ),
      makeFeedEvent({
        uid: 'occurrence-new@talkoot.test',
        title: 'Uusi: talkoopäivä',
        startsAt: at('2026-10-26T09:00:00+02:00'),
      }),
    ];
    const incremental = buildCalendarFeed(feedInput(changed));

    vi.resetModules();
    const fresh = await import('./ical-feed.js');
    const fromNothing = fresh.buildCalendarFeed(feedInput(changed));

    expect(incremental).toBe(fromNothing);
    const parsed = parseEvents(incremental);
    expect(parsed).toHaveLength(59);
    expect(parsed.map((event) => text(event.summary))).toContain('Muutettu: syysmarkkinat');
    expect(parsed.map((event) => text(event.summary))).toContain('Uusi: talkoopäivä');
    expect(parsed.find((event) => event.uid === 'occurrence-3@talkoot.test')?.status).toBe('CANCELLED');
    expect(parsed.some((event) => event.uid === 'occurrence-0@talkoot.test')).toBe(false);
  });
});
