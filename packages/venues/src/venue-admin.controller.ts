import { Body, Controller, Param } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { VenueAdminService } from './venue-admin.service.js';
import { spaceUpdateSchema, venueManageSchema, venueUpdateSchema } from './venue.schemas.js';

const tag = 'Village halls';
const owners = access.organisationRole('id', ['admin', 'coordinator']);
const venueParams = z.object({ id: z.uuid(), venueId: z.uuid() });
const manageResponse = z.object({ venue: venueManageSchema });

export const getManagedVenueRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/venues/:venueId',
  summary: "The owners' view of a venue: key instructions and the secret calendar address included",
  tag,
  access: owners,
  params: venueParams,
  response: manageResponse,
});

export const updateVenueRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/venues/:venueId',
  summary: 'Change the details of a venue (only the given fields change)',
  tag,
  access: owners,
  params: venueParams,
  body: venueUpdateSchema,
  response: manageResponse,
  errors: [422],
});

export const updateSpaceRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id/venues/:venueId/spaces/:spaceId',
  summary: 'Change the rules, opening hours and prices of a space (only the given fields change)',
  tag,
  access: owners,
  params: venueParams.extend({ spaceId: z.uuid() }),
  body: spaceUpdateSchema,
  response: manageResponse,
  errors: [422],
});

export const renewFeedTokenRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/venues/:venueId/feed-token',
  summary: 'Make a new secret calendar address; the old one stops working',
  tag,
  access: owners,
  params: venueParams,
  response: manageResponse,
  status: 200,
});

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
