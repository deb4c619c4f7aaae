import {
  approveLoanRoute,
  cancelMyLoanRoute,
  createItemRoute,
  denyLoanRoute,
  endOutOfServiceRoute,
  getItemRoute,
  getLoanRequestRoute,
  itemAvailabilityRoute,
  itemLoansRoute,
  type ItemView,
  type LoanRequestView,
  type LoanView as ApiLoan,
  myLoanRequestsRoute,
  outOfServiceRoute,
  ownerCancelLoanRoute,
  ownerItemsRoute,
  ownerLoanRoute,
  ownerLoansRoute,
  pickUpLoanRoute,
  requestLoanRoute,
  returnLoanRoute,
  searchItemsRoute,
  updateItemRoute,
} from '@talkoot/lending/schemas';
import { addDays, helsinkiToInstant } from '@talkoot/platform/time';
import type { ApiCaller } from '../../lib/api.server';
import { callApi, loadFromApi } from '../../lib/api.server';
import type { RequestState } from '../../lib/session.server';
import type { SearchValues } from './lending-search';
import type { ItemDetails, ItemSummary, LoanView, RequestView, SearchHit } from './lending-view';
import type { DayAvailability } from './availability-grid';

// The one place the lending pages call the api: each function calls a contract of
// @talkoot/lending/schemas and maps its answer to the pages' view types (lending-view.ts), so the
// components read plain words (a borrower's name, an overdue loan as its own state).

export type LoanRequestInput = {
  lines: { itemId: string; quantity: number }[];
  startsAt: string;
  endsAt: string;
  organisationId: string | null;
  collector: string;
  collectAt: string | null;
  isTransportNeeded: boolean;
  message: string;
};

type ApiItemSummary = Pick<ItemView, 'id' | 'name' | 'category' | 'quantity' | 'owner' | 'village' | 'municipality'>;

function toSummary(item: ApiItemSummary): ItemSummary {
  return {
    id: item.id,
    name: item.name,
    category: item.category,
    quantity: item.quantity,
    owner: item.owner,
    village: item.village?.name ?? null,
    place: item.municipality?.name ?? '',
  };
}

function toDetails(item: ItemView): ItemDetails {
  return {
    ...toSummary(item),
    isKit: item.isKit,
    retiredAt: item.retiredAt,
    description: item.description,
    photos: item.photos,
    pickUpInstructions: item.pickUpInstructions,
    borrowers: item.borrowers,
    isApprovalRequired: item.isApprovalRequired,
    feeMembersCents: item.feeMembersCents,
    feeOrganisationsCents: item.feeOrganisationsCents,
    feePrivateCents: item.feePrivateCents,
    depositCents: item.depositCents,
    maxDays: item.maxDays,
    noticeDays: item.noticeDays,
    conditionNotes: item.conditionNotes,
    venueId: item.venueId,
    address: item.address,
    villageId: item.villageId,
    outOfService: item.outOfService.map((period) => ({
      ...period,
      // The api's open end (year 9999) is "until repaired" on the page.
      endsAt: new Date(period.endsAt).getUTCFullYear() >= 9999 ? null : period.endsAt,
    })),
  };
}

function toLoan(loan: ApiLoan): LoanView {
  return {
    id: loan.id,
    // An overdue loan is picked up and late: the pages show it as its own state.
    state: loan.isOverdue ? 'overdue' : loan.state,
    owner: loan.owner,
    borrower: loan.organisation ? `${loan.borrower.name} (${loan.organisation.name})` : loan.borrower.name,
    startsAt: loan.startsAt,
    endsAt: loan.endsAt,
    collector: loan.collectorName,
    collectAt: loan.collectAt,
    handOverStartsAt: loan.handOverStartsAt,
    handOverEndsAt: loan.handOverEndsAt,
    isTransportNeeded: loan.isTransportNeeded,
    denyReason: loan.denyReason,
    isFlagged: loan.isFlagged,
    lines: loan.lines.map((line) => ({
      itemId: line.itemId,
      name: line.name,
      quantity: line.quantity,
      returnedFine: line.returnedFine,
      returnedDamaged: line.returnedDamaged,
      returnedMissing: line.returnedMissing,
    })),
  };
}

function toRequest(request: LoanRequestView): RequestView {
  return { id: request.id, createdAt: request.createdAt, loans: request.loans.map(toLoan) };
}

// The form's values were checked by checkSearch: every date and time is real.
export async function searchLending(caller: ApiCaller, values: SearchValues): Promise<SearchHit[]> {
  const { hits } = await loadFromApi(caller, searchItemsRoute, {
    query: {
      text: values.text || undefined,
      category: (values.category || undefined) as ItemView['category'] | undefined,
      quantity: values.quantity ? Number(values.quantity) : undefined,
      municipalityId: values.municipalityId || undefined,
      villageId: values.villageId || undefined,
      startsAt: helsinkiToInstant(values.fromDate, values.fromTime)!.iso,
      endsAt: helsinkiToInstant(values.toDate, values.toTime)!.iso,
    },
  });
  return hits.map((hit) => ({ item: toSummary(hit.item), free: hit.free, days: hit.days }));
}

export async function sendLoanRequest(caller: ApiCaller, input: LoanRequestInput): Promise<{ requestId: string }> {
  const { request } = await callApi(caller, requestLoanRoute, {
    body: {
      lines: input.lines,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      organisationId: input.organisationId,
      collectorName: input.collector,
      collectAt: input.collectAt,
      isTransportNeeded: input.isTransportNeeded,
      message: input.message,
    },
  });
  return { requestId: request.id };
}

export async function loadLoanRequest(caller: ApiCaller, requestId: string): Promise<RequestView> {
  const { request } = await loadFromApi(caller, getLoanRequestRoute, { params: { id: requestId } });
  return toRequest(request);
}

export async function loadMyLoanRequests(caller: ApiCaller): Promise<RequestView[]> {
  const { requests } = await loadFromApi(caller, myLoanRequestsRoute);
  return requests.map(toRequest);
}

// Admins and coordinators of the owner (and platform admins) see the loan that is out and hand it over.
export function canManageItemsOf(state: RequestState, organisationId: string): boolean {
  const viewer = state.viewer;
  if (!viewer) return false;
  if (viewer.user.isPlatformAdmin) return true;
  return viewer.memberships.some((m) => m.organisation.id === organisationId && (m.role === 'admin' || m.role === 'coordinator'));
}

function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return addDays(`${monthNumber === 12 ? year! + 1 : year}-${String((monthNumber! % 12) + 1).padStart(2, '0')}-01`, -1);
}

// The item, its free units per day of the month, and for its managers the loan that is out now or
// goes out next (the QR label opens this page).
export async function loadItem(
  state: RequestState,
  itemId: string,
  month: string,
): Promise<{ item: ItemDetails; days: DayAvailability[]; currentLoan: LoanView | null; canManage: boolean }> {
  const [{ item }, availability] = await Promise.all([
    loadFromApi(state, getItemRoute, { params: { id: itemId } }),
    loadFromApi(state, itemAvailabilityRoute, {
      params: { id: itemId },
      query: { from: `${month}-01`, to: lastDayOfMonth(month) },
    }),
  ]);
  const canManage = canManageItemsOf(state, item.owner.id);
  let currentLoan: LoanView | null = null;
  if (canManage) {
    const { loans } = await loadFromApi(state, itemLoansRoute, { params: { id: item.owner.id, itemId } });
    const out = loans.find((loan) => loan.state === 'pickedUp') ?? loans.find((loan) => loan.state === 'approved');
    currentLoan = out ? toLoan(out) : null;
  }
  return { item: toDetails(item), days: availability.days, currentLoan, canManage };
}

export type LoanChange = 'pickUp' | 'return' | 'cancel' | 'approve' | 'deny';

// `organisationId` is the owner's when its coordinator acts, null when the borrower cancels their own loan.
export async function changeLoanState(
  caller: ApiCaller,
  target: { loanId: string; organisationId: string | null },
  change: LoanChange,
  reason = '',
): Promise<void> {
  const { loanId, organisationId } = target;
  if (organisationId === null) {
    if (change !== 'cancel') throw new Error(`a borrower can only cancel a loan, not ${change} it`);
    await callApi(caller, cancelMyLoanRoute, { params: { id: loanId }, body: { reason } });
    return;
  }
  const params = { id: organisationId, loanId };
  switch (change) {
    case 'approve':
      await callApi(caller, approveLoanRoute, { params, body: { message: reason } });
      return;
    case 'deny':
      await callApi(caller, denyLoanRoute, { params, body: { reason } });
      return;
    case 'pickUp':
      await callApi(caller, pickUpLoanRoute, { params });
      return;
    case 'cancel':
      await callApi(caller, ownerCancelLoanRoute, { params, body: { reason } });
      return;
    case 'return': {
      // "Returned" from the item's page: everything still out came back fine. Damage and
      // missing units are counted on the loan's own page.
      const { loan } = await callApi(caller, ownerLoanRoute, { params });
      const lines = loan.lines
        .map((line) => ({
          itemId: line.itemId,
          fine: line.quantity - line.returnedFine - line.returnedDamaged - line.returnedMissing,
        }))
        .filter((line) => line.fine > 0);
      if (lines.length > 0) await callApi(caller, returnLoanRoute, { params, body: { lines } });
      return;
    }
  }
}

export async function loadOwnerItems(caller: ApiCaller, organisationId: string): Promise<ItemDetails[]> {
  const { items } = await loadFromApi(caller, ownerItemsRoute, { params: { id: organisationId } });
  return items.map(toDetails);
}

export async function saveItem(
  caller: ApiCaller,
  organisationId: string,
  itemId: string | null,
  body: Record<string, unknown>,
): Promise<{ id: string }> {
  // The form reader built the body from checked fields; the api validates it again with the same schema.
  const input = body as never;
  const { item } = itemId
    ? await callApi(caller, updateItemRoute, { params: { id: organisationId, itemId }, body: input })
    : await callApi(caller, createItemRoute, { params: { id: organisationId }, body: input });
  return { id: item.id };
}

// Loans of the owner's items: by state, or overlapping the Helsinki days from–to (inclusive).
export async function loadOwnerLoans(
  caller: ApiCaller,
  organisationId: string,
  filter: { state?: 'requested'; from?: string; to?: string },
): Promise<LoanView[]> {
  const { loans } = await loadFromApi(caller, ownerLoansRoute, { params: { id: organisationId }, query: filter });
  return loans.map(toLoan);
}

export async function loadOwnerLoan(caller: ApiCaller, organisationId: string, loanId: string): Promise<LoanView> {
  const { loan } = await loadFromApi(caller, ownerLoanRoute, { params: { id: organisationId, loanId } });
  return toLoan(loan);
}

export async function returnLoanLines(
  caller: ApiCaller,
  organisationId: string,
  loanId: string,
  lines: { itemId: string; fine: number; damaged: number; missing: number }[],
  notes: string,
): Promise<void> {
  // One note for the whole return, kept on the first line counted (the owner's mail shows it once).
  await callApi(caller, returnLoanRoute, {
    params: { id: organisationId, loanId },
    body: { lines: lines.map((line, index) => ({ ...line, notes: index === 0 ? notes : '' })) },
  });
}

// Units out of service from–to (instants the form built from Helsinki dates and times).
export async function markOutOfService(
  caller: ApiCaller,
  organisationId: string,
  itemId: string,
  input: { units: number; startsAt: string; endsAt: string; reason: string },
): Promise<void> {
  await callApi(caller, outOfServiceRoute, { params: { id: organisationId, itemId }, body: input as never });
}

// The units are repaired (or found): the period ends now.
export async function endOutOfService(caller: ApiCaller, organisationId: string, itemId: string, periodId: string) {
  await callApi(caller, endOutOfServiceRoute, { params: { id: organisationId, itemId, periodId } });
}
