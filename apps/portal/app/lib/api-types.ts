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
