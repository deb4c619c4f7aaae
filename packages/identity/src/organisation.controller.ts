import { Body, Controller, Param } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams } from '@talkoot/platform';
import {
  createOrganisationRoute,
  getOrganisationRoute,
  listOrganisationsRoute,
  listPlacesRoute,
  updateOrganisationRoute,
} from './organisation.routes.js';
import { OrganisationService } from './organisation.service.js';
import { PlaceService } from './place.service.js';

@Controller()
export class OrganisationController {
  constructor(
    private readonly organisations: OrganisationService,
    private readonly places: PlaceService,
  ) {}

  @Route(listPlacesRoute)
  listPlaces() {
    return this.places.listPlaces();
  }

  @Route(listOrganisationsRoute)
  listOrganisations() {
    return this.organisations.listOrganisations();
  }

  @Route(getOrganisationRoute)
  getOrganisation(@Param() params: RouteParams<typeof getOrganisationRoute>) {
    return this.organisations.getOrganisation(params.id);
  }

  @Route(createOrganisationRoute)
  createOrganisation(@Body() body: RouteBody<typeof createOrganisationRoute>) {
    return this.organisations.createOrganisation(body);
  }

  @Route(updateOrganisationRoute)
  updateOrganisation(
    @Param() params: RouteParams<typeof updateOrganisationRoute>,
    @Body() body: RouteBody<typeof updateOrganisationRoute>,
  ) {
    return this.organisations.updateOrganisation(params.id, body);
  }
}
