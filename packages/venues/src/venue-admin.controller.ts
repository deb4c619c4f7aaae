import { Body, Controller, Param } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams } from '@talkoot/platform';
import { getManagedVenueRoute, renewFeedTokenRoute, updateSpaceRoute, updateVenueRoute } from './venue-admin.routes.js';
import { VenueAdminService } from './venue-admin.service.js';

@Controller()
export class VenueAdminController {
  constructor(private readonly admin: VenueAdminService) {}

  @Route(getManagedVenueRoute)
  getManagedVenue(@Param() params: RouteParams<typeof getManagedVenueRoute>) {
    return this.admin.getManagedVenue(params.id, params.venueId);
  }

  @Route(updateVenueRoute)
  updateVenue(@Param() params: RouteParams<typeof updateVenueRoute>, @Body() body: RouteBody<typeof updateVenueRoute>) {
    return this.admin.updateVenue(params.id, params.venueId, body);
  }

  @Route(updateSpaceRoute)
  updateSpace(@Param() params: RouteParams<typeof updateSpaceRoute>, @Body() body: RouteBody<typeof updateSpaceRoute>) {
    return this.admin.updateSpace(params.id, params.venueId, params.spaceId, body);
  }

  @Route(renewFeedTokenRoute)
  renewFeedToken(@Param() params: RouteParams<typeof renewFeedTokenRoute>) {
    return this.admin.renewFeedToken(params.id, params.venueId);
  }
}
