import { Body, Controller, Param, Query } from '@nestjs/common';
import { type AuthContext, CurrentAuth } from '@talkoot/identity';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import { AvailabilityService } from './availability.service.js';
import {
  createItemRoute,
  endOutOfServiceRoute,
  getItemRoute,
  itemAvailabilityRoute,
  itemLoansRoute,
  outOfServiceRoute,
  ownerItemsRoute,
  searchItemsRoute,
  updateItemRoute,
} from './item.routes.js';
import { ItemService } from './item.service.js';

// The catalogue: the region's search, an item and its days, the owner's items and units out of service.
@Controller()
export class ItemController {
  constructor(
    private readonly items: ItemService,
    private readonly availability: AvailabilityService,
  ) {}

  @Route(searchItemsRoute)
  search(@Query() query: RouteQuery<typeof searchItemsRoute>) {
    return this.availability.search(query);
  }

  @Route(getItemRoute)
  async get(@Param() params: RouteParams<typeof getItemRoute>) {
    return { item: await this.items.get(params.id) };
  }

  @Route(itemAvailabilityRoute)
  days(@Param() params: RouteParams<typeof itemAvailabilityRoute>, @Query() query: RouteQuery<typeof itemAvailabilityRoute>) {
    return this.availability.forItem(params.id, query.from, query.to);
  }

  @Route(ownerItemsRoute)
  async list(@Param() params: RouteParams<typeof ownerItemsRoute>) {
    return { items: await this.items.listForOwner(params.id) };
  }

  @Route(createItemRoute)
  async create(@Param() params: RouteParams<typeof createItemRoute>, @Body() body: RouteBody<typeof createItemRoute>) {
    return { item: await this.items.create(params.id, body) };
  }

  @Route(updateItemRoute)
  update(@Param() params: RouteParams<typeof updateItemRoute>, @Body() body: RouteBody<typeof updateItemRoute>) {
    return this.items.update(params.id, params.itemId, body);
  }

  @Route(outOfServiceRoute)
  outOfService(
    @Param() params: RouteParams<typeof outOfServiceRoute>,
    @Body() body: RouteBody<typeof outOfServiceRoute>,
    @CurrentAuth() auth: AuthContext,
  ) {
    return this.items.markOutOfService(params.id, params.itemId, body, auth.user.id);
  }

  @Route(endOutOfServiceRoute)
  async endOutOfService(@Param() params: RouteParams<typeof endOutOfServiceRoute>) {
    return { period: await this.items.endOutOfService(params.id, params.itemId, params.periodId) };
  }

  @Route(itemLoansRoute)
  async loans(@Param() params: RouteParams<typeof itemLoansRoute>) {
    return { loans: await this.items.currentLoans(params.id, params.itemId) };
  }
}
