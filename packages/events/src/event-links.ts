// An event names its hall and its hall booking by id only. Whether they exist and whose they are
// is the venues domain's knowledge: events asks through this port, and the composition root binds
// it to the venues' implementation, so neither domain imports the other.
export interface EventLinkLookup {
  // The organisation that made the booking (null for a private person's), or null if there is none.
  findBookingOrganisation(bookingId: string): Promise<{ organisationId: string | null } | null>;
  isExistingVenue(venueId: string): Promise<boolean>;
}

export const EVENT_LINK_LOOKUP = Symbol('talkoot:event-link-lookup');
