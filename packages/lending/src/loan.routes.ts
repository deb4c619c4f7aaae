// Browser-safe: the loan routes (requests, decisions, hand-over, returns), shared by the api and the portal.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  approvalInputSchema,
  cancellationInputSchema,
  denialInputSchema,
  loanRequestInputSchema,
  loanRequestSchema,
  loanSchema,
  ownerLoansQuerySchema,
  returnInputSchema,
  weekQuerySchema,
  weekSchema,
} from './loan.schemas.js';

const tag = 'Lending';
const coordinators = access.organisationRole('id', ['admin', 'coordinator']);
const ownerLoanParams = z.object({ id: z.uuid(), loanId: z.uuid() });

export const requestLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/lending/requests',
  summary: 'Ask several owners at once: one loan per owner, all or nothing',
  tag,
  access: access.signedIn,
  body: loanRequestInputSchema,
  response: z.object({ request: loanRequestSchema }),
  errors: [409, 422],
});

export const myLoanRequestsRoute = defineRoute({
  method: 'GET',
  path: '/api/me/loan-requests',
  summary: 'My loans, grouped by the request they came from',
  tag,
  access: access.signedIn,
  response: z.object({ requests: z.array(loanRequestSchema) }),
});

export const getLoanRequestRoute = defineRoute({
  method: 'GET',
  path: '/api/lending/requests/:id',
  summary: 'One of my requests with the loan of each owner',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  response: z.object({ request: loanRequestSchema }),
  errors: [404],
});

export const cancelMyLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/loans/:id/cancellation',
  summary: 'Cancel my loan before it is picked up',
  tag,
  access: access.signedIn,
  params: z.object({ id: z.uuid() }),
  body: cancellationInputSchema,
  response: z.object({ loan: loanSchema }),
  status: 200,
  errors: [404, 422],
});

export const ownerLoansRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/loans',
  summary: "Loans of the organisation's items, soonest first",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  query: ownerLoansQuerySchema,
  response: z.object({ loans: z.array(loanSchema) }),
});

export const ownerWeekRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/loans/week',
  summary: "This week's pick-ups and returns (Monday to Sunday, Helsinki time)",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid() }),
  query: weekQuerySchema,
  response: weekSchema,
});

export const ownerLoanRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/loans/:loanId',
  summary: "One loan of the organisation's items",
  tag,
  access: coordinators,
  params: ownerLoanParams,
  response: z.object({ loan: loanSchema }),
  errors: [404],
});

export const approveLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/loans/:loanId/approval',
  summary: 'Approve a loan request, proposing a hand-over window',
  tag,
  access: coordinators,
  params: ownerLoanParams,
  body: approvalInputSchema,
  response: z.object({ loan: loanSchema }),
  status: 200,
  errors: [404, 422],
});

export const denyLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/loans/:loanId/denial',
  summary: 'Deny a loan request, with a reason',
  tag,
  access: coordinators,
  params: ownerLoanParams,
  body: denialInputSchema,
  response: z.object({ loan: loanSchema }),
  status: 200,
  errors: [404, 422],
});

export const pickUpLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/loans/:loanId/pick-up',
  summary: 'Mark a loan picked up',
  tag,
  access: coordinators,
  params: ownerLoanParams,
  response: z.object({ loan: loanSchema }),
  status: 200,
  errors: [404, 422],
});

export const returnLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/loans/:loanId/returns',
  summary: 'Count units back per line: fine, damaged, missing (a partial return leaves the rest out)',
  tag,
  access: coordinators,
  params: ownerLoanParams,
  body: returnInputSchema,
  response: z.object({ loan: loanSchema }),
  status: 200,
  errors: [404, 422],
});

export const ownerCancelLoanRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/loans/:loanId/cancellation',
  summary: 'Cancel a loan of the organisation’s items before it is picked up',
  tag,
  access: coordinators,
  params: ownerLoanParams,
  body: cancellationInputSchema,
  response: z.object({ loan: loanSchema }),
  status: 200,
  errors: [404, 422],
});
