import { data } from 'react-router';
import type { ApiCaller } from '../../lib/api.server';
import type { SearchValues } from './lending-search';
import type { ItemDetails, LoanView, RequestView, SearchHit } from './lending-view';
import type { DayAvailability } from './availability-grid';

// The one place the lending pages call the api. Each function maps a contract of
// @talkoot/lending/schemas to the pages' view types (lending-view.ts).
// Until the lending package's contracts are merged, the pages answer 503 here rather than guess.
function notYetAvailable(): never {
  throw data({ code: 'lending_unavailable' }, { status: 503 });
}

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

export async function searchLending(_caller: ApiCaller, _values: SearchValues): Promise<SearchHit[]> {
  return notYetAvailable();
}

export async function sendLoanRequest(_caller: ApiCaller, _input: LoanRequestInput): Promise<{ requestId: string }> {
  return notYetAvailable();
}

export async function loadLoanRequest(_caller: ApiCaller, _requestId: string): Promise<RequestView> {
  return notYetAvailable();
}

export async function loadMyLoanRequests(_caller: ApiCaller): Promise<RequestView[]> {
  return notYetAvailable();
}

export async function loadItem(
  _caller: ApiCaller,
  _itemId: string,
  _month: string,
): Promise<{ item: ItemDetails; days: DayAvailability[]; currentLoan: LoanView | null; canManage: boolean }> {
  return notYetAvailable();
}

export async function changeLoanState(
  _caller: ApiCaller,
  _loanId: string,
  _change: 'pickUp' | 'return' | 'cancel' | 'approve' | 'deny',
  _reason?: string,
): Promise<void> {
  return notYetAvailable();
}

export async function loadOwnerItems(_caller: ApiCaller, _organisationId: string): Promise<ItemDetails[]> {
  return notYetAvailable();
}

export async function saveItem(
  _caller: ApiCaller,
  _organisationId: string,
  _itemId: string | null,
  _body: Record<string, unknown>,
): Promise<{ id: string }> {
  return notYetAvailable();
}

export async function loadOwnerLoans(
  _caller: ApiCaller,
  _organisationId: string,
  _filter: { state?: 'requested'; from?: string; to?: string },
): Promise<LoanView[]> {
  return notYetAvailable();
}

export async function loadOwnerLoan(_caller: ApiCaller, _organisationId: string, _loanId: string): Promise<LoanView> {
  return notYetAvailable();
}

export async function returnLoanLines(
  _caller: ApiCaller,
  _organisationId: string,
  _loanId: string,
  _lines: { itemId: string; fine: number; damaged: number; missing: number }[],
  _notes: string,
): Promise<void> {
  return notYetAvailable();
}
