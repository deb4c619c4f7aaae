// Browser-safe: the item routes (catalogue, availability, out of service), shared by the api and the portal.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import { itemInputSchema, itemSchema, outOfServiceInputSchema, outOfServiceSchema } from './item.schemas.js';
import {
  availabilityQuerySchema,
  availabilitySchema,
  loanSchema,
  searchQuerySchema,
  searchResultSchema,
} from './loan.schemas.js';

const tag = 'Lending';
const coordinators = access.organisationRole('id', ['admin', 'coordinator']);
const ownerItemParams = z.object({ id: z.uuid(), itemId: z.uuid() });

export const searchItemsRoute = defineRoute({
  method: 'GET',
  path: '/api/lending/search',
  summary: "Every owner's free stock for a period, nearest village first",
  tag,
  access: access.public,
  query: searchQuerySchema,
  response: searchResultSchema,
});

export const getItemRoute = defineRoute({
  method: 'GET',
  path: '/api/lending/items/:id',
  summary: 'One lendable item: where it is kept, fees, who may borrow',
  tag,
  access: access.public,
  params: z.object({ id: z.uuid() }),
  response: z.object({ item: itemSchema }),
  errors: [404],
});

export const itemAvailabilityRoute = defineRoute({
  method: 'GET',
  path: '/api/lending/items/:id/availability',
  summary: 'Units free per Helsinki day (the fewest free at any moment of the day)',
  tag,
  access: access.public,
  params: z.object({ id: z.uuid() }),
  query: availabilityQuerySchema,
  response: availabilitySchema,
  errors: [404],
});

export const ownerItemsRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/lending/items',
  summary: "The organisation's lendable items",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  response: z.object({ items: z.array(itemSchema) }),
});

export const createItemRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/items',
  summary: 'Add an item (or a kit of other items) to the organisation’s catalogue',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  body: itemInputSchema,
  response: z.object({ item: itemSchema }),
  errors: [404, 422],
});

export const updateItemRoute = defineRoute({
  method: 'PUT',
  path: '/api/organisations/:id/lending/items/:itemId',
  summary: 'Change an item; loans that no longer fit a smaller stock are flagged',
  tag,
  access: coordinators,
  params: ownerItemParams,
  body: itemInputSchema,
  response: z.object({ item: itemSchema, flaggedLoanIds: z.array(z.uuid()) }),
  status: 200,
  errors: [404, 422],
});

export const outOfServiceRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/items/:itemId/out-of-service',
  summary: 'Mark units out of service for a period; loans that no longer fit are flagged',
  tag,
  access: coordinators,
  params: ownerItemParams,
  body: outOfServiceInputSchema,
  response: z.object({ period: outOfServiceSchema, flaggedLoanIds: z.array(z.uuid()) }),
  errors: [404, 422],
});

export const endOutOfServiceRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/items/:itemId/out-of-service/:periodId/end',
  summary: 'End a period out of service now (the units are repaired or found); one not yet begun is removed',
  tag,
  access: coordinators,
  params: ownerItemParams.extend({ periodId: z.uuid() }),
  response: z.object({ period: outOfServiceSchema }),
  status: 200,
  errors: [404],
});

export const itemLoansRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/lending/items/:itemId/loans',
  summary: 'Loans of an item that are out now or go out next (for its QR page)',
  tag,
  access: coordinators,
  params: ownerItemParams,
  response: z.object({ loans: z.array(loanSchema) }),
  errors: [404],
});
