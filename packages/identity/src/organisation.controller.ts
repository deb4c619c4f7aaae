import { Body, Controller, Param } from '@nestjs/common';
import { Route, type RouteBody, type RouteParams, access, defineRoute } from '@talkoot/platform';
import { z } from 'zod';
import { idParamsSchema, organisationCreateSchema, organisationSchema, organisationUpdateSchema } from './organisation.schemas.js';
import { OrganisationService } from './organisation.service.js';
import { placesSchema } from './place.schemas.js';
import { PlaceService } from './place.service.js';

export const listPlacesRoute = defineRoute({
  method: 'GET',
  path: '/api/places',
  summary: 'Regions, municipalities and villages',
  tag: 'Organisations',
  access: access.public,
  response: placesSchema,
});

export const listOrganisationsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations',
  summary: 'All organisations of the region',
  tag: 'Organisations',
  access: access.public,
  response: z.object({ organisations: z.array(organisationSchema) }),
});

export const getOrganisationRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id',
  summary: 'One organisation',
  tag: 'Organisations',
  access: access.public,
  params: idParamsSchema,
  response: z.object({ organisation: organisationSchema }),
});

export const createOrganisationRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations',
  summary: 'Add an organisation (platform admins)',
  tag: 'Organisations',
  access: access.platformAdmin,
  body: organisationCreateSchema,
  response: z.object({ organisation: organisationSchema }),
  errors: [409],
});

export const updateOrganisationRoute = defineRoute({
  method: 'PATCH',
  path: '/api/organisations/:id',
  summary: "Change an organisation's details (its admins)",
  tag: 'Organisations',
  access: access.organisationRole('id', ['admin']),
  params: idParamsSchema,
  body: organisationUpdateSchema,
  response: z.object({ organisation: organisationSchema }),
  errors: [409],
});

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
  updateOrganisation(@Param() params: RouteParams<typeof updateOrganisationRoute>, @Body() body: RouteBody<typeof updateOrganisationRoute>) {
    return this.organisations.updateOrganisation(params.id, body);
  }
}
