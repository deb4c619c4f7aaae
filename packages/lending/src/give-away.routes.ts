// Browser-safe: the give-away routes (kierrätys, ADR 021), shared by the api and the portal.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  giveAwayClaimInputSchema,
  giveAwayDeclineInputSchema,
  giveAwayInputSchema,
  giveAwayListQuerySchema,
  giveAwayOfferSchema,
} from './give-away.schemas.js';

const tag = 'Lending';
// `:id` is the organisation acting: the owner for its offers, the claimer for a claim.
const coordinators = access.organisationRole('id', ['admin', 'coordinator']);
const offerParams = z.object({ id: z.uuid(), offerId: z.uuid() });
const offerAnswer = z.object({ offer: giveAwayOfferSchema });

export const listGiveAwaysRoute = defineRoute({
  method: 'GET',
  path: '/api/lending/give-aways',
  summary: 'What the organisations of the region give away for good, newest first',
  tag,
  access: access.public,
  query: giveAwayListQuerySchema,
  response: z.object({ offers: z.array(giveAwayOfferSchema) }),
});

export const organisationGiveAwaysRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/lending/give-aways',
  summary: 'What the organisation gives away, and what it claimed or received',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  response: z.object({ offers: z.array(giveAwayOfferSchema), claims: z.array(giveAwayOfferSchema) }),
});

export const offerGiveAwayRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/items/:itemId/give-aways',
  summary: 'Offer units of an item for good to another organisation of the region',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), itemId: z.uuid() }),
  body: giveAwayInputSchema,
  response: offerAnswer,
  errors: [404, 409, 422],
});

export const claimGiveAwayRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/give-aways/:offerId/claim',
  summary: 'Claim an offer for the organisation; its owner confirms or declines',
  tag,
  access: coordinators,
  params: offerParams,
  body: giveAwayClaimInputSchema,
  response: offerAnswer,
  status: 200,
  errors: [404, 409, 422],
});

export const confirmGiveAwayRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/give-aways/:offerId/confirmation',
  summary: "Confirm the claim: the units move to the claimer's catalogue",
  tag,
  access: coordinators,
  params: offerParams,
  response: offerAnswer.extend({ receivedItemId: z.uuid(), flaggedLoanIds: z.array(z.uuid()) }),
  status: 200,
  errors: [404, 422],
});

export const declineGiveAwayRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/give-aways/:offerId/decline',
  summary: 'Decline the claim: the offer is open again for others',
  tag,
  access: coordinators,
  params: offerParams,
  body: giveAwayDeclineInputSchema,
  response: offerAnswer,
  status: 200,
  errors: [404, 422],
});

export const withdrawGiveAwayRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/lending/give-aways/:offerId/withdrawal',
  summary: 'Withdraw the offer: the units stay with the owner',
  tag,
  access: coordinators,
  params: offerParams,
  response: offerAnswer,
  status: 200,
  errors: [404, 422],
});
