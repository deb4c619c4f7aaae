import { calendarRoute } from '@talkoot/events/schemas';
import { helsinkiDayOf, helsinkiToday, isRealDate } from '@talkoot/platform/time';
import { ApiError, callApi, type ApiCaller } from '../../lib/api.server';
import type { CalendarEntry, Region } from '../../lib/api-types';
import { getConfig } from '../../lib/config.server';
import { periodRange, type PrintPeriod } from './print-period';

// The printable calendar's address: the calendar filter (the same parameters as /calendar) plus
// period=week|month and date=YYYY-MM-DD (any day in the week or month).
const filterKeys = ['municipality', 'village', 'organiser', 'category', 'audience', 'free', 'accessible', 'q'] as const;

export type { PrintPeriod };

export type PrintDay = { date: string; items: CalendarEntry[] };

export type PrintSheet = {
  period: PrintPeriod;
  date: string;
  from: string;
  to: string;
  days: PrintDay[];
  // The canonical filter query (from the api) and the same selection in the online calendar.
  filter: string;
  onlineUrl: string;
  shortUrl: string;
  // Only the sheet's own choices (municipality, village) for the form; the rest is kept hidden.
  selected: { municipality: string; village: string };
  otherFilters: [string, string][];
  placeName: string | null;
  isFilterInvalid: boolean;
};

export function filterParams(url: URL): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of filterKeys)
    for (const value of url.searchParams.getAll(key)) if (value.trim()) params.append(key, value.trim());
  return params;
}

export function publicOrigin(request: Request): string {
  return getConfig().publicOrigin ?? new URL(request.url).origin;
}

export async function loadPrintSheet(state: ApiCaller, request: Request, regions: Region[]): Promise<PrintSheet> {
  const url = new URL(request.url);
  const period: PrintPeriod = url.searchParams.get('period') === 'month' ? 'month' : 'week';
  const asked = url.searchParams.get('date') ?? '';
  const date = isRealDate(asked) ? asked : helsinkiToday();
  const { from, to } = periodRange(period, date);
  const params = filterParams(url);
  const filterQuery: Record<string, string[]> = {};
  for (const [name, value] of params) (filterQuery[name] ??= []).push(value);
  let items: CalendarEntry[] = [];
  let filter = '';
  let isFilterInvalid = false;
  try {
    ({ items, filter } = await callApi(state, calendarRoute, { query: { ...filterQuery, from, to } }));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error;
    isFilterInvalid = true;
  }
  const byDay = new Map<string, CalendarEntry[]>();
  for (const item of items) {
    // An event that began before the sheet's first day is listed on that day.
    const day = helsinkiDayOf(item.startsAt) < from ? from : helsinkiDayOf(item.startsAt);
    byDay.set(day, [...(byDay.get(day) ?? []), item]);
  }
  const days = [...byDay.entries()]
    .toSorted(([a], [b]) => a.localeCompare(b))
    .map(([day, dayItems]) => ({ date: day, items: dayItems.toSorted((a, b) => a.startsAt.localeCompare(b.startsAt)) }));
  const onlineUrl = `${publicOrigin(request)}/calendar${filter ? `?${filter}` : ''}`;
  const selected = { municipality: url.searchParams.get('municipality') ?? '', village: url.searchParams.get('village') ?? '' };
  const otherFilters = [...params].filter(([key]) => key !== 'municipality' && key !== 'village');
  return {
    period,
    date,
    from,
    to,
    days,
    filter,
    onlineUrl,
    shortUrl: onlineUrl.replace(/^https?:\/\/(www\.)?/, ''),
    selected,
    otherFilters,
    placeName: placeNameOf(regions, selected),
    isFilterInvalid,
  };
}

function placeNameOf(regions: Region[], selected: { municipality: string; village: string }): string | null {
  const municipalities = regions.flatMap((region) => region.municipalities);
  const village = municipalities
    .flatMap((municipality) => municipality.villages.map((entry) => ({ ...entry, municipality: municipality.name })))
    .find((entry) => entry.id === selected.village);
  if (village) return `${village.name}, ${village.municipality}`;
  return municipalities.find((municipality) => municipality.id === selected.municipality)?.name ?? null;
}
