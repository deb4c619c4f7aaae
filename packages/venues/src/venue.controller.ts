import { Body, Controller, Param, Query } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams, type RouteQuery } from '@talkoot/platform';
import {
  addSpaceRoute,
  availabilityRoute,
  createVenueRoute,
  getVenueRoute,
  listVenuesRoute,
  venueSearchRoute,
} from './venue.routes.js';
import { VenueSearchService } from './venue-search.service.js';
import { VenueService } from './venue.service.js';

// Venues, their spaces and busy times, and the search for a free space.
@Controller()
export class VenueController {
  constructor(
    private readonly venues: VenueService,
    private readonly search: VenueSearchService,
  ) {}

  @Route(listVenuesRoute)
  listVenues() {
    return this.venues.listVenues();
  }

  @Route(getVenueRoute)
  getVenue(@Param() params: RouteParams<typeof getVenueRoute>) {
    return this.venues.getVenue(params.id);
  }

  @Route(createVenueRoute)
  createVenue(@Param() params: RouteParams<typeof createVenueRoute>, @Body() body: RouteBody<typeof createVenueRoute>) {
    return this.venues.createVenue(params.id, body);
  }

  @Route(addSpaceRoute)
  addSpace(@Param() params: RouteParams<typeof addSpaceRoute>, @Body() body: RouteBody<typeof addSpaceRoute>) {
    return this.venues.addSpace(params.id, params.venueId, body);
  }

  @Route(availabilityRoute)
  availability(@Param() params: RouteParams<typeof availabilityRoute>, @Query() query: RouteQuery<typeof availabilityRoute>) {
    return this.venues.availability(params.id, query.from, query.to);
  }

  @Route(venueSearchRoute)
  searchVenues(@Query() query: RouteQuery<typeof venueSearchRoute>) {
    return this.search.search(query);
  }
}
