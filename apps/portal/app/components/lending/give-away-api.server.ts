import {
  claimGiveAwayRoute,
  confirmGiveAwayRoute,
  declineGiveAwayRoute,
  type GiveAwayOfferView,
  listGiveAwaysRoute,
  offerGiveAwayRoute,
  organisationGiveAwaysRoute,
  withdrawGiveAwayRoute,
} from '@talkoot/lending/schemas';
import { ApiError, callApi, loadFromApi, type ApiCaller } from '../../lib/api.server';
import type { FieldErrors } from '../../lib/forms';
import type { MessageKey } from '../../lib/i18n';

// The one place the give-away pages (kierrätys, ADR 021) call the api, through the contracts of
// @talkoot/lending/schemas.

export type GiveAway = GiveAwayOfferView;

export async function loadRegionGiveAways(caller: ApiCaller): Promise<GiveAway[]> {
  return (await loadFromApi(caller, listGiveAwaysRoute, { query: {} })).offers;
}

export async function loadOrganisationGiveAways(caller: ApiCaller, organisationId: string) {
  return loadFromApi(caller, organisationGiveAwaysRoute, { params: { id: organisationId } });
}

export async function offerGiveAway(
  caller: ApiCaller,
  target: { organisationId: string; itemId: string },
  input: { units: number; note: string },
) {
  return callApi(caller, offerGiveAwayRoute, { params: { id: target.organisationId, itemId: target.itemId }, body: input });
}

export async function claimGiveAway(caller: ApiCaller, target: { organisationId: string; offerId: string }, message: string) {
  return callApi(caller, claimGiveAwayRoute, {
    params: { id: target.organisationId, offerId: target.offerId },
    body: { message },
  });
}

export type GiveAwayAnswer = 'confirm' | 'decline' | 'withdraw';

export async function answerGiveAway(
  caller: ApiCaller,
  target: { organisationId: string; offerId: string },
  answer: GiveAwayAnswer,
  reason = '',
): Promise<void> {
  const params = { id: target.organisationId, offerId: target.offerId };
  if (answer === 'confirm') await callApi(caller, confirmGiveAwayRoute, { params });
  else if (answer === 'decline') await callApi(caller, declineGiveAwayRoute, { params, body: { reason } });
  else await callApi(caller, withdrawGiveAwayRoute, { params });
}

// The api's refusal of a give-away change in this page's words; anything else is thrown on.
export function giveAwayRefusal(error: unknown, field = 'form'): FieldErrors {
  if (!(error instanceof ApiError)) throw error;
  const byReason: Partial<Record<string, MessageKey>> = {
    'giveAway.already_claimed': 'giveAway.error.alreadyClaimed',
    'giveAway.wrong_state': 'giveAway.error.wrongState',
    'giveAway.own_offer': 'giveAway.error.ownOffer',
    'giveAway.other_region': 'giveAway.error.otherRegion',
    'giveAway.not_enough_free': 'giveAway.error.notEnoughFree',
    'giveAway.kit': 'giveAway.error.kit',
    'giveAway.item_given_away': 'giveAway.error.wrongState',
  };
  const known = error.reason ? byReason[error.reason] : undefined;
  if (known) return { [field]: known };
  if (error.status === 400) return { [field]: 'validation.checkField' };
  if (error.status === 403) return { [field]: 'apiError.forbidden' };
  if (error.status === 404) return { [field]: 'form.gone' };
  throw error;
}
