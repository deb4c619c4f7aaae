// Browser-safe: the organisation and place routes, shared by the api's controller and the portal's calls.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  idParamsSchema,
  organisationCreateSchema,
  organisationSchema,
  organisationUpdateSchema,
} from './organisation.schemas.js';
import { placesSchema } from './place.schemas.js';

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
