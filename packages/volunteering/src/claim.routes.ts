// Browser-safe: claiming places — by the volunteer, without an account, on someone's behalf,
// from the paper sheet — withdrawing, the links in mails, swaps and attendance.
import { access, defineRoute } from '@talkoot/platform/schemas';
import { z } from 'zod';
import {
  attendanceInputSchema,
  behalfClaimInputSchema,
  claimInputSchema,
  claimPersonSchema,
  claimViewSchema,
  guestClaimAnswerSchema,
  guestClaimInputSchema,
  sheetResultsAnswerSchema,
  sheetResultsInputSchema,
  sheetSchema,
  swapInputSchema,
  swapViewSchema,
  tokenInputSchema,
  tokenPreviewSchema,
  tokenUseAnswerSchema,
} from './claim.schemas.js';

const tag = 'Volunteering';
const coordinators = access.organisationRole('id', ['admin', 'coordinator']);
const claimAnswer = z.object({ claim: claimViewSchema });

export const claimShiftRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/shifts/:shiftId/claims',
  summary: 'Take a place on a shift (or, when full and asked, join its waiting list)',
  tag,
  access: access.signedIn,
  params: z.object({ shiftId: z.uuid() }),
  body: claimInputSchema,
  response: claimAnswer,
  errors: [404, 409, 422],
});

export const guestClaimShiftRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/shifts/:shiftId/guest-claims',
  summary: 'Take a place without an account: held until confirmed by the emailed link (48 h), or a phone the coordinator calls',
  tag,
  access: access.public,
  params: z.object({ shiftId: z.uuid() }),
  body: guestClaimInputSchema,
  response: guestClaimAnswerSchema,
  errors: [404, 409, 422, 429],
});

export const withdrawClaimRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/claims/:claimId/withdrawal',
  summary: 'Give up my place (or leave the waiting list); the next in line gets it',
  tag,
  access: access.signedIn,
  params: z.object({ claimId: z.uuid() }),
  response: claimAnswer,
  status: 200,
  errors: [404, 422],
});

export const previewTokenRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/tokens/preview',
  summary: "What a link from a mail would do (confirm, I'm coming, I can't come), without doing it",
  tag,
  access: access.public,
  body: tokenInputSchema,
  response: tokenPreviewSchema,
  status: 200,
  errors: [404],
});

export const useTokenRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/tokens/use',
  summary: 'Do what a link from a mail says: confirm the claim, "I\'m coming", "I can\'t come after all" (frees the place)',
  tag,
  access: access.public,
  body: tokenInputSchema,
  response: tokenUseAnswerSchema,
  status: 200,
  errors: [404, 409, 422],
});

export const behalfClaimRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/shifts/:shiftId/claims',
  summary: "A coordinator fills a place on someone's behalf (name and phone or email)",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), shiftId: z.uuid() }),
  body: behalfClaimInputSchema,
  response: z.object({ claim: claimPersonSchema }),
  errors: [404, 409, 422],
});

export const removeClaimRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/claims/:claimId/withdrawal',
  summary: 'A coordinator frees a place (the next in line gets it)',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), claimId: z.uuid() }),
  response: z.object({ claim: claimPersonSchema }),
  status: 200,
  errors: [404, 422],
});

export const eventSheetRoute = defineRoute({
  method: 'GET',
  path: '/api/organisations/:id/volunteering/events/:eventId/sheet',
  summary: "Everything the printable A4 sheet of an event needs: the organisation's tasks, shifts and numbered places",
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), eventId: z.uuid() }),
  response: sheetSchema,
});

export const enterSheetResultsRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/events/:eventId/sheet-results',
  summary: 'Enter the names from the paper sheet, many places at once, all or nothing (capacity still holds)',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), eventId: z.uuid() }),
  body: sheetResultsInputSchema,
  response: sheetResultsAnswerSchema,
  errors: [404, 409, 422],
});

export const markAttendanceRoute = defineRoute({
  method: 'POST',
  path: '/api/organisations/:id/volunteering/shifts/:shiftId/attendance',
  summary: 'After the shift: who came (their hours accrue) and who did not',
  tag,
  access: coordinators,
  params: z.object({ id: z.uuid(), shiftId: z.uuid() }),
  body: attendanceInputSchema,
  response: z.object({ claims: z.array(claimPersonSchema) }),
  status: 200,
  errors: [404, 422],
});

export const offerSwapRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/claims/:claimId/swaps',
  summary: 'Offer my place to a named email or to anyone; whoever accepts first takes it',
  tag,
  access: access.signedIn,
  params: z.object({ claimId: z.uuid() }),
  body: swapInputSchema,
  response: z.object({ swap: swapViewSchema }),
  errors: [404, 409, 422],
});

export const getSwapRoute = defineRoute({
  method: 'GET',
  path: '/api/volunteering/swaps/:swapId',
  summary: 'An offered place: the task and shift, and whether it is still open',
  tag,
  access: access.public,
  params: z.object({ swapId: z.uuid() }),
  response: z.object({ swap: swapViewSchema }),
  errors: [404],
});

export const acceptSwapRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/swaps/:swapId/acceptance',
  summary: 'Take the offered place (the first to accept gets it)',
  tag,
  access: access.signedIn,
  params: z.object({ swapId: z.uuid() }),
  body: claimInputSchema.pick({ confirmedRequirements: true }),
  response: z.object({ swap: swapViewSchema, claim: claimViewSchema }),
  status: 200,
  errors: [403, 404, 409, 422],
});

export const cancelSwapRoute = defineRoute({
  method: 'POST',
  path: '/api/volunteering/swaps/:swapId/cancellation',
  summary: 'Take back the offer: I keep my place',
  tag,
  access: access.signedIn,
  params: z.object({ swapId: z.uuid() }),
  response: z.object({ swap: swapViewSchema }),
  status: 200,
  errors: [404, 409],
});

// For trying the product by hand: the scheduled job sends reminders every quarter hour.
// Only with the developer mailbox and never in production.
export const sendRemindersNowRoute = defineRoute({
  method: 'POST',
  path: '/api/dev/volunteering/reminders',
  summary: 'Send the due shift reminders now (developer mailbox only, never in production)',
  tag: 'Developer mailbox',
  access: access.public,
  body: z.strictObject({}).default({}),
  response: z.object({ sent: z.number(), expired: z.number() }),
  status: 200,
  errors: [404],
});
