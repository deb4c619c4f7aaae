import type { DayAvailability } from './availability-grid';
import type { ItemCategory, LoanState, LocalisedText } from './lending-labels';

// What the lending pages show. The loaders map the api's answers (@talkoot/lending/schemas) to
// these in lending-api.server.ts, so the components do not change when a contract grows.
export type ItemSummary = {
  id: string;
  name: LocalisedText;
  category: ItemCategory;
  quantity: number;
  owner: { id: string; name: string };
  village: string | null;
  place: string;
};

export type SearchHit = { item: ItemSummary; free: number; days: DayAvailability[] };

export type Borrowers = 'members' | 'region' | 'residents';

export type ItemDetails = ItemSummary & {
  // A kit is counted through its parts: its parts go out of service or are given away, not the kit.
  isKit: boolean;
  // When it was given away whole (kierrätys); null while the owner has it.
  retiredAt: string | null;
  description: LocalisedText;
  photos: { id: string; url: string; thumbnailUrl: string; altText: string; width: number; height: number }[];
  pickUpInstructions: string;
  borrowers: Borrowers[];
  isApprovalRequired: boolean;
  feeMembersCents: number;
  feeOrganisationsCents: number;
  feePrivateCents: number;
  depositCents: number | null;
  maxDays: number | null;
  noticeDays: number | null;
  conditionNotes: string;
  venueId: string | null;
  address: string;
  villageId: string | null;
  outOfService: OutOfServiceView[];
};

// Units out of service for a while; `endsAt` null: until the owner says they are repaired.
export type OutOfServiceView = { id: string; units: number; startsAt: string; endsAt: string | null; reason: string };

export type LoanLine = {
  itemId: string;
  name: LocalisedText;
  quantity: number;
  returnedFine: number;
  returnedDamaged: number;
  returnedMissing: number;
};

export type LoanView = {
  id: string;
  state: LoanState;
  owner: { id: string; name: string };
  borrower: string;
  startsAt: string;
  endsAt: string;
  collector: string;
  collectAt: string | null;
  // The time window the owner proposed for the hand-over, if any.
  handOverStartsAt: string | null;
  handOverEndsAt: string | null;
  isTransportNeeded: boolean;
  denyReason: string | null;
  // Units went out of service and the loan no longer fits the stock: the owner decides.
  isFlagged: boolean;
  lines: LoanLine[];
};

export type RequestView = { id: string; createdAt: string; loans: LoanView[] };
