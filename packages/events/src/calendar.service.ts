import { Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { CalendarFilter } from './calendar-filter.js';
import type { CalendarItem } from './event.schemas.js';
import { searchTermsOf } from './search-text.js';

export interface CalendarRow {
  id: string;
  event_id: string;
  starts_at: Date;
  ends_at: Date;
  is_cancelled: boolean;
  note: CalendarItem['note'];
  sequence: number;
  updated_at: Date;
  title: CalendarItem['title'];
  description: CalendarItem['title'];
  status: CalendarItem['status'];
  is_all_day: boolean;
  place_name: string;
  address: string | null;
  category: CalendarItem['category'];
  audiences: string[];
  price_cents: number | null;
  accessibility: string[];
  is_ride_sharing_welcome: boolean;
  info_url: string | null;
  event_updated_at: Date;
  cancelled_at: Date | null;
  village_id: string;
  village_name: string;
  municipality_id: string;
  municipality_name: string;
  organisers: { id: string; name: string }[];
}

// "Accessible only" means a step-free way in: the fact most readers ask first.
const ACCESSIBLE_FACT = 'step_free';

// The WHERE of the calendar's statements: its conditions and their parameters, in order.
function calendarConditions(
  filter: CalendarFilter,
  window: { from: Date; to: Date | null },
  eventId?: string,
): { where: string[]; params: unknown[] } {
  const where: string[] = [`e.status in ('published', 'cancelled')`, 'o.ends_at > ?'];
  const params: unknown[] = [window.from];
  if (window.to) {
    where.push('o.starts_at < ?');
    params.push(window.to);
  }
  const anyOf = (column: string, values: string[]) => {
    where.push(`${column} in (select jsonb_array_elements_text(?::jsonb))`);
    params.push(JSON.stringify(values));
  };
  if (eventId) {
    where.push('e.id = ?');
    params.push(eventId);
  }
  if (filter.municipality.length) anyOf('m.id::text', filter.municipality);
  if (filter.village.length) anyOf('v.id::text', filter.village);
  if (filter.category.length) anyOf('e.category::text', filter.category);
  if (filter.organiser.length) {
    where.push(`(e.organisation_id::text in (select jsonb_array_elements_text(?::jsonb))
      or exists (select 1 from event_co_organisers c where c.event_id = e.id and c.status = 'accepted'
                 and c.organisation_id::text in (select jsonb_array_elements_text(?::jsonb))))`);
    params.push(JSON.stringify(filter.organiser), JSON.stringify(filter.organiser));
  }
  if (filter.audience.length) {
    // "Everyone" events suit every audience.
    // jsonb_exists*() rather than the ? operators, which would read as placeholders.
    where.push(
      `(jsonb_exists_any(e.audiences, array(select jsonb_array_elements_text(?::jsonb))) or jsonb_exists(e.audiences, 'everyone'))`,
    );
    params.push(JSON.stringify(filter.audience));
  }
  if (filter.free) where.push('e.price_cents is null');
  if (filter.accessible) {
    where.push('jsonb_exists(e.accessibility, ?)');
    params.push(ACCESSIBLE_FACT);
  }
  for (const term of searchTermsOf(filter.q)) {
    where.push(`e.search_text like ? escape '\\'`);
    params.push(`%${term}%`);
  }
  return { where, params };
}

// The public calendar in one statement: occurrences of published and cancelled events in a time
// window, with every filter as SQL. Arrays go in as JSON, so the statement text never changes
// with the number of values. The text search is a substring match over the event's words (a
// trigram index serves it), which finds Finnish compounds: "teatteri" finds "kesäteatteri".
// Runs on `em`'s connection (inside its transaction, if any).
export async function queryCalendar(
  em: EntityManager,
  filter: CalendarFilter,
  window: { from: Date; to: Date | null },
  limit = 2000,
  eventId?: string,
): Promise<CalendarRow[]> {
  const { where, params } = calendarConditions(filter, window, eventId);
  params.push(limit);
  return em.execute<CalendarRow[]>(
    `select o.id, o.event_id, o.starts_at, o.ends_at, o.is_cancelled, o.note, o.sequence, o.updated_at,
            e.title, e.description, e.status, e.is_all_day, e.place_name, e.address, e.category, e.audiences, e.price_cents,
            e.accessibility, e.is_ride_sharing_welcome, e.info_url, e.updated_at as event_updated_at, e.cancelled_at,
            v.id as village_id, v.name as village_name, m.id as municipality_id, m.name as municipality_name,
            jsonb_build_array(jsonb_build_object('id', org.id, 'name', org.name)) || coalesce((
              select jsonb_agg(jsonb_build_object('id', co.id, 'name', co.name) order by co.name)
                from event_co_organisers c join organisations co on co.id = c.organisation_id
               where c.event_id = e.id and c.status = 'accepted'), '[]'::jsonb) as organisers
       from event_occurrences o
       join events e on e.id = o.event_id
       join villages v on v.id = e.village_id
       join municipalities m on m.id = v.municipality_id
       join organisations org on org.id = e.organisation_id
      where ${where.join(' and ')}
      order by o.starts_at, e.id, o.id
      limit ?`,
    params,
  );
}

export function toCalendarItem(row: CalendarRow): CalendarItem {
  return {
    id: row.id,
    eventId: row.event_id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    isCancelled: row.is_cancelled || row.status === 'cancelled',
    note: row.note,
    sequence: row.sequence,
    title: row.title,
    status: row.status,
    isAllDay: row.is_all_day,
    placeName: row.place_name,
    village: { id: row.village_id, name: row.village_name },
    municipality: { id: row.municipality_id, name: row.municipality_name },
    organisers: row.organisers,
    category: row.category,
    audiences: row.audiences,
    priceCents: row.price_cents,
    accessibility: row.accessibility,
    isRideSharingWelcome: row.is_ride_sharing_welcome,
  };
}

export const CALENDAR_LIMIT = 5000;

@Injectable()
export class CalendarService {
  constructor(private readonly orm: MikroORM) {}

  // A busy region can have thousands of dates in three months: the answer says when it was cut.
  async list(filter: CalendarFilter, from: Date, to: Date): Promise<{ items: CalendarItem[]; truncated: boolean }> {
    const rows = await queryCalendar(this.orm.em.fork(), filter, { from, to }, CALENDAR_LIMIT + 1);
    return { items: rows.slice(0, CALENDAR_LIMIT).map(toCalendarItem), truncated: rows.length > CALENDAR_LIMIT };
  }
}

export interface FeedRow {
  id: string;
  event_id: string;
  starts_at: Date;
  ends_at: Date;
  is_cancelled: boolean;
  sequence: number;
  changed_at: Date;
  title: string;
  /** The date's note and the event's description, in the first language written, cut to FEED_TEXT_CHARACTERS. */
  text: string;
  location: string;
  is_all_day: boolean;
  category: CalendarItem['category'];
  organiser_names: string;
}

// More than a feed shows (300), so the feed can still cut at a word and mark the cut.
const FEED_TEXT_CHARACTERS = 400;
const firstLanguage = (column: string) =>
  `coalesce(nullif(${column}->>'fi', ''), nullif(${column}->>'sv', ''), nullif(${column}->>'en', ''), '')`;

// The feed's own statement: the same dates and filters as the calendar, but only what a feed
// writes — one language, the text already cut, names as text — so 15,000 dates are a small read.
export async function queryFeedRows(
  em: EntityManager,
  filter: CalendarFilter,
  window: { from: Date; to: Date | null },
): Promise<FeedRow[]> {
  const { where, params } = calendarConditions(filter, window);
  return em.execute<FeedRow[]>(
    `select o.id, o.event_id, o.starts_at, o.ends_at, (o.is_cancelled or e.status = 'cancelled') as is_cancelled, o.sequence,
            greatest(o.updated_at, e.updated_at) as changed_at,
            ${firstLanguage('e.title')} as title,
            left(concat_ws(E'\\n\\n', nullif(${firstLanguage('o.note')}, ''), nullif(${firstLanguage('e.description')}, '')), ${FEED_TEXT_CHARACTERS}) as text,
            concat_ws(', ', nullif(e.place_name, ''), nullif(e.address, ''), nullif(v.name, '')) as location,
            e.is_all_day, e.category,
            org.name || coalesce((
              select ', ' || string_agg(co.name, ', ' order by co.name)
                from event_co_organisers c join organisations co on co.id = c.organisation_id
               where c.event_id = e.id and c.status = 'accepted'), '') as organiser_names
       from event_occurrences o
       join events e on e.id = o.event_id
       join villages v on v.id = e.village_id
       join municipalities m on m.id = v.municipality_id
       join organisations org on org.id = e.organisation_id
      where ${where.join(' and ')}
      order by o.starts_at, e.id, o.id`,
    params,
  );
}
