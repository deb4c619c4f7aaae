import { Injectable } from '@nestjs/common';
import { type EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { helsinkiDayOf, helsinkiDayStart, addDays } from '@talkoot/platform/time';
import { notFound } from '@talkoot/platform';
import { Village } from '@talkoot/identity';
import type { z } from 'zod';
import { Item, KitPart } from './item.entity.js';
import { itemPopulate, toItemSummary } from './item-view.js';
import { kitsFree } from './loan.rules.js';
import type { DayAvailability, searchQuerySchema, searchResultSchema } from './loan.schemas.js';
import { itemStock } from './lending.sql.js';
import { dailyUsage, peakUsage } from './stock.sql.js';

type SearchQuery = z.output<typeof searchQuerySchema>;
type SearchResult = z.input<typeof searchResultSchema>;

const SEARCH_LIMIT = 100;

// What is free: per Helsinki day for the grid, over a period for a request, for one item or the
// region's search. Kits are as free as their scarcest part.
@Injectable()
export class AvailabilityService {
  constructor(private readonly orm: MikroORM) {}

  async forItem(itemId: string, from: string, to: string): Promise<{ itemId: string; total: number; days: DayAvailability[] }> {
    const em = this.orm.em.fork();
    // One plain statement for the item and its kit parts (ADR 013): nothing to hydrate.
    const item = await itemStock(em, itemId);
    if (!item) throw notFound('The item');
    const parts = item.parts.map((part) => ({
      kitId: item.id,
      partId: part.partId,
      perKit: part.perKit,
      partQuantity: part.partQuantity,
    }));
    const days = await this.daily(em, [item], parts, from, to, new Date());
    return { itemId: item.id, total: item.quantity, days: days.get(item.id) ?? [] };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const em = this.orm.em.fork();
    const nearMunicipality =
      query.municipalityId ??
      (query.villageId ? ((await em.findOne(Village, { id: query.villageId }))?.municipality.id ?? null) : null);
    const ids = await this.findCandidates(em, query, nearMunicipality);
    const items = ids.length ? await em.find(Item, { id: { $in: ids } }, { populate: itemPopulate }) : [];
    const parts = (await this.partsOf(em, items)).map(stockPart);
    const now = new Date();
    const free = await this.freeOver(em, items, parts, query.startsAt, query.endsAt, now);
    const from = helsinkiDayOf(query.startsAt);
    // An end at midnight ends the day before.
    const to = helsinkiDayOf(new Date(query.endsAt.getTime() - 1));
    const days = await this.daily(em, items, parts, from, to, now);
    const distanceOf = (item: Item) =>
      item.village.id === query.villageId
        ? ('village' as const)
        : item.village.municipality.id === nearMunicipality
          ? ('municipality' as const)
          : ('region' as const);
    const rank = { village: 0, municipality: 1, region: 2 };
    const hits = items
      .map((item) => ({ item, free: free.get(item.id) ?? 0, distance: distanceOf(item) }))
      .filter((hit) => hit.free > 0)
      .sort(
        (a, b) =>
          rank[a.distance] - rank[b.distance] ||
          b.free - a.free ||
          a.item.village.name.localeCompare(b.item.village.name, 'fi') ||
          a.item.id.localeCompare(b.item.id),
      );
    return {
      startsAt: query.startsAt.toISOString(),
      endsAt: query.endsAt.toISOString(),
      hits: hits.map((hit) => ({
        item: toItemSummary(hit.item),
        free: hit.free,
        days: days.get(hit.item.id) ?? [],
        distance: hit.distance,
      })),
    };
  }

  // Items matching the search, nearest first (the searched village, its municipality, the rest).
  private async findCandidates(em: EntityManager, query: SearchQuery, nearMunicipality: string | null): Promise<string[]> {
    // An item given away whole is out of the catalogue (ADR 021).
    const where: string[] = ['i.retired_at is null'];
    const params: unknown[] = [];
    if (query.category) {
      where.push('i.category = ?');
      params.push(query.category);
    }
    if (query.text) {
      where.push(`(i.name::text || ' ' || i.description::text) ilike ?`);
      params.push(`%${query.text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    }
    const nearVillage = query.villageId ?? null;
    const rows = await em.execute<{ id: string }[]>(
      `select i.id from items i join villages v on v.id = i.village_id
        where ${where.join(' and ')}
        order by (v.id = ?::uuid) desc nulls last,
                 (v.municipality_id = ?::uuid) desc nulls last,
                 i.created_at, i.id
        limit ${SEARCH_LIMIT}`,
      [...params, nearVillage, nearMunicipality],
    );
    return rows.map((row) => row.id);
  }

  private async partsOf(em: EntityManager, items: readonly Item[]): Promise<KitPart[]> {
    const kitIds = items.filter((item) => item.isKit).map((item) => item.id);
    return kitIds.length ? em.find(KitPart, { kit: { $in: kitIds } }, { populate: ['part'] }) : [];
  }

  // Units free over the whole period, per item (kits from their parts).
  async freeOver(
    em: EntityManager,
    items: readonly StockItem[],
    parts: readonly StockPart[],
    startsAt: Date,
    endsAt: Date,
    now: Date,
  ): Promise<Map<string, number>> {
    const physical = physicalItems(items, parts);
    const peaks = await peakUsage(em, [...physical.keys()], startsAt, endsAt, now);
    const freeOf = (id: string) => Math.max(0, (physical.get(id) ?? 0) - (peaks.get(id) ?? 0));
    return new Map(
      items.map((item) => [
        item.id,
        item.isKit
          ? kitsFree(kitPartsOf(item, parts).map((part) => ({ free: freeOf(part.partId), perKit: part.perKit })))
          : freeOf(item.id),
      ]),
    );
  }

  private async daily(
    em: EntityManager,
    items: readonly StockItem[],
    parts: readonly StockPart[],
    from: string,
    to: string,
    now: Date,
  ): Promise<Map<string, DayAvailability[]>> {
    const physical = physicalItems(items, parts);
    const range = { startsAt: helsinkiDayStart(from), endsAt: helsinkiDayStart(addDays(to, 1)) };
    const usage = await dailyUsage(em, [...physical.keys()], from, to, range, now);
    const dates: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) dates.push(day);
    const freeOn = (id: string, date: string) => Math.max(0, (physical.get(id) ?? 0) - (usage.get(id)?.get(date) ?? 0));
    return new Map(
      items.map((item) => [
        item.id,
        dates.map((date) => ({
          date,
          total: item.quantity,
          free: item.isKit
            ? kitsFree(kitPartsOf(item, parts).map((part) => ({ free: freeOn(part.partId, date), perKit: part.perKit })))
            : freeOn(item.id, date),
        })),
      ]),
    );
  }
}

// What availability needs of an item and of a kit's parts (entities or plain rows).
interface StockItem {
  id: string;
  quantity: number;
  isKit: boolean;
}

interface StockPart {
  kitId: string;
  partId: string;
  perKit: number;
  partQuantity: number;
}

function stockPart(part: KitPart): StockPart {
  return { kitId: part.kit.id, partId: part.part.id, perKit: part.quantity, partQuantity: part.part.quantity };
}

function kitPartsOf(kit: StockItem, parts: readonly StockPart[]): StockPart[] {
  return parts.filter((part) => part.kitId === kit.id);
}

// The items whose stock is counted (plain items and the parts of kits), with their quantities.
function physicalItems(items: readonly StockItem[], parts: readonly StockPart[]): Map<string, number> {
  const physical = new Map<string, number>();
  for (const item of items) if (!item.isKit) physical.set(item.id, item.quantity);
  for (const part of parts) physical.set(part.partId, part.partQuantity);
  return physical;
}
