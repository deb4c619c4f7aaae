import { type CalendarFilter, calendarRoute, canonicalFilterQuery, parseCalendarFilter } from '@talkoot/events/schemas';
import { listOrganisationsRoute, listPlacesRoute } from '@talkoot/identity/schemas';
import QRCode from 'qrcode';
import { redirect } from 'react-router';
import { loadFromApi, type ApiCaller } from '../../lib/api.server';
import type { CalendarEntry, Region } from '../../lib/api-types';
import { getConfig } from '../../lib/config.server';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const filterKeys = ['municipality', 'village', 'organiser', 'category', 'audience', 'free', 'accessible', 'q'] as const;

// The filter of a calendar address. A value that cannot be right (an old link, a typing slip) is
// left out rather than refusing the whole page.
export function readCalendarFilter(query: URLSearchParams): { filter: CalendarFilter; canonical: string } {
  const cleaned = new URLSearchParams();
  for (const key of filterKeys) {
    for (const raw of query.getAll(key)) {
      for (const value of key === 'q' ? [raw] : raw.split(',')) {
        const trimmed = value.trim();
        if (!trimmed) continue;
        if (['municipality', 'village', 'organiser'].includes(key) && !uuid.test(trimmed)) continue;
        cleaned.append(key, key === 'q' ? trimmed.slice(0, 100) : trimmed.toLowerCase());
      }
    }
  }
  let parsed = parseCalendarFilter(cleaned);
  if (!parsed.success) {
    // Unknown categories or audiences: drop those lists.
    for (const issue of parsed.error.issues) cleaned.delete(String(issue.path[0]));
    parsed = parseCalendarFilter(cleaned);
  }
  const filter = parsed.success ? parsed.data : parseCalendarFilter(new URLSearchParams()).data!;
  return { filter, canonical: canonicalFilterQuery(filter) };
}

// The URL is the filter: any other spelling of the same choice is sent to the one canonical address,
// so every combination has one stable link to share, print or subscribe to.
export function redirectToCanonical(url: URL, expectedSearch: string): void {
  if (url.search.replace(/^\?/, '') !== expectedSearch)
    throw redirect(`${url.pathname}${expectedSearch ? `?${expectedSearch}` : ''}`);
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

export function publicOrigin(request: Request): string {
  return getConfig().publicOrigin ?? new URL(request.url).origin;
}

export async function loadCalendarItems(
  caller: ApiCaller,
  from: string,
  to: string,
  canonical: string,
): Promise<CalendarEntry[]> {
  const { items } = await loadFromApi(caller, calendarRoute, {
    query: { ...Object.fromEntries(new URLSearchParams(canonical)), from, to },
  });
  return items;
}

export async function loadFilterChoices(
  caller: ApiCaller,
): Promise<{ regions: Region[]; organisations: { id: string; name: string }[] }> {
  const [{ regions }, { organisations }] = await Promise.all([
    loadFromApi(caller, listPlacesRoute),
    loadFromApi(caller, listOrganisationsRoute),
  ]);
  return {
    regions,
    organisations: organisations.map(({ id, name }) => ({ id, name })).toSorted((a, b) => a.name.localeCompare(b.name, 'fi')),
  };
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// An inline SVG QR code (error correction M, 4-module quiet zone), one path per run of dark modules.
export function qrCodeSvg(text: string, label: string, size = 220): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const extent = modules.size + 2 * quiet;
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      const start = column;
      while (column + 1 < modules.size && modules.get(row, column + 1)) column += 1;
      commands.push(`M${start + quiet} ${row + quiet}h${column - start + 1}v1h-${column - start + 1}z`);
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${extent} ${extent}" shape-rendering="crispEdges" role="img" aria-label="${escapeXml(label)}">` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/><path fill="#000" d="${commands.join('')}"/></svg>`
  );
}
