// Names for the api's answers, for the portal's components. Every type comes from the schemas
// and route contracts the api itself uses (@talkoot/*/schemas): nothing is written out here.
// Type-only imports: nothing of zod reaches the browser bundle.
import type {
  CalendarItem,
  eventAccessibilityFacts as apiEventAccessibilityFacts,
  eventAudiences as apiEventAudiences,
  eventCategories as apiEventCategories,
  EventView,
} from '@talkoot/events/schemas';
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
import type { DevMailMessage, DevMailSummary } from '@talkoot/notifications/schemas';
import type { ErrorBody, RouteOutput } from '@talkoot/platform/schemas';
import type {
  availabilityRoute,
  BookingListItem,
  BookingStatus as ApiBookingStatus,
  BookingView,
  createSeriesRoute,
  getManagedVenueRoute,
  QuoteView,
  SpaceView,
  venueSearchRoute,
  VenueView,
  WaitlistEntryView,
} from '@talkoot/venues/schemas';
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

// The developer mailbox (GET /api/dev/mail).
export type MailSummary = DevMailSummary;
export type MailMessage = DevMailMessage;

// Village halls and their bookings.
export type VenueDetails = VenueView;
// What the venue list, the event form and the booking forms read of a venue and its spaces (the
// rules, prices, contact and photos are on VenueDetails).
export type VenueSpace = Pick<
  SpaceView,
  | 'id'
  | 'parentId'
  | 'name'
  | 'capacity'
  | 'isApprovalRequired'
  | 'bookableBy'
  | 'minMinutes'
  | 'maxMinutes'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
>;
export type Venue = Omit<VenueView, 'contactName' | 'contactPhone' | 'contactEmail' | 'paymentIban' | 'photos' | 'spaces'> & {
  spaces: VenueSpace[];
};
export type SpaceRules = SpaceView;
export type OpeningPeriod = NonNullable<SpaceView['openingHours']>[number];
export type ClosedDates = SpaceView['closedDates'][number];
export type PriceUnit = SpaceView['priceUnit'];
// Busy periods: a waiting-list offer holds the slot too. The month view shows it as requested.
export type BusySlot = RouteOutput<typeof availabilityRoute>['busy'][number];
export type BusyPeriod = Omit<BusySlot, 'status'> & { status: Exclude<BusySlot['status'], 'offered'> };
export type VenueManageView = RouteOutput<typeof getManagedVenueRoute>['venue'];
export type Booking = BookingView;
// `offered`: a waiting-list offer holding a freed slot; the plain statuses are the others.
export type BookingState = ApiBookingStatus;
export type BookingStatus = Exclude<ApiBookingStatus, 'offered'>;
export type BookingDetails = BookingListItem;
export type BookingQuote = QuoteView;
export type VenueSearchResults = RouteOutput<typeof venueSearchRoute>;
export type SeriesResult = RouteOutput<typeof createSeriesRoute>;
export type SeriesConflict = SeriesResult['conflicts'][number];
export type WaitlistEntry = WaitlistEntryView;

// Events: organisers' pages, the public calendar and the printable calendar.
export const eventCategories = [
  'culture',
  'sport',
  'talkoot',
  'meeting',
  'market',
  'church',
  'children',
  'seniors',
  'nature',
  'education',
  'party',
  'other',
] as const satisfies typeof apiEventCategories;
export type EventCategory = (typeof eventCategories)[number];
export const eventAudiences = [
  'everyone',
  'children',
  'youth',
  'adults',
  'seniors',
  'families',
] as const satisfies typeof apiEventAudiences;
export type EventAudience = (typeof eventAudiences)[number];
export const eventAccessibilityFacts = [
  'step_free',
  'hearing_loop',
  'sign_language',
  'accessible_toilet',
] as const satisfies typeof apiEventAccessibilityFacts;
export type EventAccessibilityFact = (typeof eventAccessibilityFacts)[number];
export type EventStatus = EventView['status'];
export type EventText = EventView['title'];
export type OrganiserEvent = EventView;
// GET /api/calendar: one date of an event (the sheet's own rows may leave out `sequence`).
export type CalendarEntry = Omit<CalendarItem, 'sequence'> & { sequence?: number };
