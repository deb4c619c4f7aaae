// The api's answers, typed from its own schemas (@talkoot/identity/schemas). Type-only imports:
// nothing of zod reaches the browser bundle.
import type {
  invitationPreviewSchema,
  invitationSchema,
  Me,
  Member as ApiMember,
  OrganisationKind as ApiOrganisationKind,
  OrganisationView,
  Places,
  Role as ApiRole,
  SessionView,
  UserView,
} from '@talkoot/identity/schemas';
import type { ErrorBody } from '@talkoot/platform/schemas';
import type { z } from 'zod';

// Runtime lists for selects. `satisfies` keeps them to the api's values; the exhaustive label
// maps in labels.ts fail to compile when the api adds one.
export const roles = ['admin', 'coordinator', 'member'] as const satisfies readonly ApiRole[];
export type Role = ApiRole;

export const organisationKinds = [
  'association',
  'parish',
  'municipality',
  'company',
  'informal_group',
] as const satisfies readonly ApiOrganisationKind[];
export type OrganisationKind = ApiOrganisationKind;

export type User = UserView;
export type Viewer = Me;
export type Membership = Me['memberships'][number];
export type Organisation = OrganisationView;
export type LocalisedText = OrganisationView['description'];
export type Region = Places['regions'][number];
export type Member = ApiMember;
export type Invitation = z.infer<typeof invitationSchema>;
export type PublicInvitation = z.infer<typeof invitationPreviewSchema>['invitation'];
export type SessionCreated = SessionView;
export type ApiErrorBody = ErrorBody;

// The developer mailbox (GET /api/dev/mail): not in the identity package.
export type MailSummary = { id: string; to: string; subject: string; date: string };
export type MailMessage = MailSummary & {
  from: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
};

// Village halls and their bookings (packages/venues/src/venue.schemas.ts), written out here: the
// portal does not depend on the venues package.
export type Venue = {
  id: string;
  organisation: { id: string; name: string };
  village: { id: string; name: string };
  name: string;
  address: string;
  description: LocalisedText;
  capacity: number;
  facilities: string[];
  accessibility: string[];
  spaces: VenueSpace[];
};
export type VenueSpace = {
  id: string;
  parentId: string | null;
  name: string;
  capacity: number | null;
  isApprovalRequired: boolean;
  bookableBy: 'members' | 'region' | 'anyone';
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
};
export type BookingStatus = 'requested' | 'approved' | 'denied' | 'cancelled' | 'expired';
export type BusyPeriod = { startsAt: string; endsAt: string; status: 'requested' | 'approved' };
export type Availability = { spaceId: string; busy: BusyPeriod[] };
export type Booking = {
  id: string;
  spaceId: string;
  title: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
  decisionReason: string | null;
};
export type BookingListItem = Booking & {
  space: { id: string; name: string };
  venue: { id: string; name: string };
  requester: { name: string; email: string } | null;
  organisation: { id: string; name: string } | null;
};

// The public venue page's extra facts (GET /api/venues/:id): contact, photos and per-space rules.
export type VenuePhoto = { id: string; altText: string; width: number; height: number; url: string; thumbnailUrl: string };
export type OpeningPeriod = { weekday: number; opens: string; closes: string };
export type ClosedDates = { from: string; to: string; reason: string };
export type PriceUnit = 'free' | 'hour' | 'day' | 'fixed';
export type PriceTier = 'members' | 'region' | 'private';
export type SpaceRules = {
  minNoticeHours: number;
  maxDaysAhead: number;
  openingHours: OpeningPeriod[] | null;
  closedDates: ClosedDates[];
  priceUnit: PriceUnit;
  priceMembersCents: number;
  priceRegionCents: number;
  pricePrivateCents: number;
  depositCents: number;
  freeCancellationHours: number;
  cancellationFeePercent: number;
};
export type VenueDetails = Omit<Venue, 'spaces'> & {
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  paymentIban: string | null;
  photos: VenuePhoto[];
  spaces: (VenueSpace & SpaceRules)[];
};
// Busy periods as the api gives them: a waiting-list offer holds the slot too.
export type BusySlot = { startsAt: string; endsAt: string; status: 'requested' | 'approved' | 'offered' };
// The owners' view (GET /api/organisations/:id/venues/:venueId): the public one plus the secrets.
export type VenueManageView = VenueDetails & { keyInstructions: string | null; privateFeedUrl: string };
// GET /api/spaces/:id/quote
export type BookingQuote = {
  priceTier: PriceTier;
  priceCents: number;
  depositCents: number;
  isApprovalRequired: boolean;
  freeCancellationUntil: string;
  cancellationFeeCents: number;
  problem: string | null;
};
// GET /api/venue-search
export type VenueSearchResults = {
  startsAt: string;
  endsAt: string;
  results: {
    venue: { id: string; name: string; address: string; village: { id: string; name: string }; municipality: { id: string; name: string } };
    space: { id: string; name: string; capacity: number | null; isApprovalRequired: boolean; priceUnit: PriceUnit; priceRegionCents: number; pricePrivateCents: number };
  }[];
};

// Bookings with money, series and waiting-list details (bookingListItemSchema and friends in
// packages/venues/src/venue.schemas.ts). `offered`: a waiting-list offer holding a freed slot.
export type BookingState = BookingStatus | 'offered';
export type BookingDetails = Omit<BookingListItem, 'status' | 'venue'> & {
  status: BookingState;
  venue: { id: string; name: string; address: string; paymentIban: string | null };
  seriesId: string | null;
  isFreeEvent: boolean;
  priceTier: PriceTier | null;
  priceCents: number;
  depositCents: number;
  referenceNumber: string | null;
  paidAt: string | null;
  cancellationFeeCents: number;
  expiresAt: string | null;
  guest: { name: string; phone: string; email: string | null } | null;
  keyInstructions: string | null;
};
// POST /api/booking-series
export type SeriesRule = { frequency: 'weekly' | 'biweekly'; weekdays: number[]; until: string; skipDates: string[] };
export type SeriesConflict = { date: string; startsAt: string; endsAt: string; reason: string };
export type SeriesResult = {
  series: { id: string; title: string; rule: SeriesRule };
  booked: (Booking & { status: BookingState; seriesId: string | null })[];
  conflicts: SeriesConflict[];
};
// GET /api/me/waitlist
export type WaitlistEntry = {
  id: string;
  space: { id: string; name: string };
  venue: { id: string; name: string };
  title: string;
  startsAt: string;
  endsAt: string;
  status: 'waiting' | 'offered' | 'booked' | 'lapsed' | 'withdrawn';
  offer: { bookingId: string; expiresAt: string | null } | null;
  position: number | null;
};

// Events (packages/events event.schemas.ts): organisers' pages and the printable calendar.
export const eventCategories = ['culture', 'sport', 'talkoot', 'meeting', 'market', 'church', 'children', 'seniors', 'nature', 'education', 'party', 'other'] as const;
export type EventCategory = (typeof eventCategories)[number];
export const eventAudiences = ['everyone', 'children', 'youth', 'adults', 'seniors', 'families'] as const;
export type EventAudience = (typeof eventAudiences)[number];
export const eventAccessibilityFacts = ['step_free', 'hearing_loop', 'sign_language', 'accessible_toilet'] as const;
export type EventAccessibilityFact = (typeof eventAccessibilityFacts)[number];
export type EventStatus = 'draft' | 'published' | 'cancelled';
export type EventText = { fi?: string; sv?: string; en?: string };
export type EventRecurrence = {
  frequency: 'weekly' | 'monthly-weekday' | 'monthly-date';
  interval: number;
  weekdays: number[];
  until: string | null;
  count: number | null;
  exceptions: string[];
};
export type EventOccurrence = { id: string; eventId: string; startsAt: string; endsAt: string; isCancelled: boolean; note: EventText | null; sequence: number };
export type OrganiserEvent = {
  id: string;
  status: EventStatus;
  organisation: { id: string; name: string };
  coOrganisers: { id: string; name: string; status: 'invited' | 'accepted' | 'declined' }[];
  title: EventText;
  description: EventText;
  isAllDay: boolean;
  venueId: string | null;
  bookingId: string | null;
  placeName: string;
  address: string | null;
  village: { id: string; name: string };
  municipality: { id: string; name: string };
  category: EventCategory;
  audiences: string[];
  priceCents: number | null;
  accessibility: string[];
  isRideSharingWelcome: boolean;
  infoUrl: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  recurrence: EventRecurrence | null;
  updatedAt: string;
  occurrences: EventOccurrence[];
};
// GET /api/calendar: one date of an event.
export type CalendarEntry = Omit<EventOccurrence, 'sequence'> & {
  sequence?: number;
  title: EventText;
  status: EventStatus;
  isAllDay: boolean;
  placeName: string;
  village: { id: string; name: string };
  municipality: { id: string; name: string };
  organisers: { id: string; name: string }[];
  category: EventCategory;
  audiences: string[];
  priceCents: number | null;
  accessibility: string[];
  isRideSharingWelcome: boolean;
};
