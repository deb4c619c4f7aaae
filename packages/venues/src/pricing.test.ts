import { describe, expect, it } from 'vitest';
import { bookingPrice, priceTier } from './pricing.js';

describe('booking price', () => {
  const at = (iso: string) => new Date(iso);

  it('is nothing for a free space, however long', () => {
    expect(bookingPrice('free', 5000, at('2027-05-01T10:00:00+03:00'), at('2027-05-03T10:00:00+03:00'))).toBe(0);
  });

  it('charges every started hour', () => {
    const start = at('2027-05-01T10:00:00+03:00');
    expect(bookingPrice('hour', 1500, start, at('2027-05-01T10:01:00+03:00'))).toBe(1500);
    expect(bookingPrice('hour', 1500, start, at('2027-05-01T11:00:00+03:00'))).toBe(1500);
    expect(bookingPrice('hour', 1500, start, at('2027-05-01T12:00:00+03:00'))).toBe(3000);
    expect(bookingPrice('hour', 1500, start, at('2027-05-01T12:01:00+03:00'))).toBe(4500);
    expect(bookingPrice('hour', 1500, start, at('2027-05-01T10:00:01+03:00'))).toBe(1500);
  });

  it('counts the hours that really pass over the autumn clock change, one more than the clock shows', () => {
    // Saturday 22:00 summer time to Sunday 08:00 winter time, 25.10.2026: 10 hours on the clock, 11 really.
    expect(bookingPrice('hour', 1000, at('2026-10-24T22:00:00+03:00'), at('2026-10-25T08:00:00+02:00'))).toBe(11_000);
  });

  it('counts the hours that really pass over the spring clock change, one fewer than the clock shows', () => {
    // Saturday 22:00 winter time to Sunday 08:00 summer time, 29.3.2026: 10 hours on the clock, 9 really.
    expect(bookingPrice('hour', 1000, at('2026-03-28T22:00:00+02:00'), at('2026-03-29T08:00:00+03:00'))).toBe(9000);
  });

  it('charges every started 24 hours for a daily rate', () => {
    const start = at('2027-05-01T12:00:00+03:00');
    expect(bookingPrice('day', 8000, start, at('2027-05-01T14:00:00+03:00'))).toBe(8000);
    expect(bookingPrice('day', 8000, start, at('2027-05-02T12:00:00+03:00'))).toBe(8000);
    expect(bookingPrice('day', 8000, start, at('2027-05-02T12:01:00+03:00'))).toBe(16_000);
    expect(bookingPrice('day', 8000, start, at('2027-05-03T12:00:00+03:00'))).toBe(16_000);
  });

  it('counts days in elapsed time over the clock changes', () => {
    // Noon to noon over the autumn change is 25 hours: a second day has started.
    expect(bookingPrice('day', 8000, at('2026-10-24T12:00:00+03:00'), at('2026-10-25T12:00:00+02:00'))).toBe(16_000);
    // Noon to noon over the spring change is 23 hours: still the first day.
    expect(bookingPrice('day', 8000, at('2026-03-28T12:00:00+02:00'), at('2026-03-29T12:00:00+03:00'))).toBe(8000);
  });

  it('charges a fixed price whatever the length', () => {
    expect(bookingPrice('fixed', 12_000, at('2027-05-01T10:00:00+03:00'), at('2027-05-01T10:30:00+03:00'))).toBe(12_000);
    expect(bookingPrice('fixed', 12_000, at('2027-05-01T10:00:00+03:00'), at('2027-05-04T10:30:00+03:00'))).toBe(12_000);
  });

  it('refuses a booking that does not end after it starts, and rates that are not whole cents', () => {
    const start = at('2027-05-01T10:00:00+03:00');
    expect(() => bookingPrice('hour', 1000, start, start)).toThrow(RangeError);
    expect(() => bookingPrice('fixed', 1000, start, at('2027-05-01T09:00:00+03:00'))).toThrow(RangeError);
    expect(() => bookingPrice('hour', -1, start, at('2027-05-01T11:00:00+03:00'))).toThrow(RangeError);
    expect(() => bookingPrice('hour', 10.5, start, at('2027-05-01T11:00:00+03:00'))).toThrow(RangeError);
  });
});

describe('price tier', () => {
  const owner = 'village-association';

  it('gives the members price to bookings for the owner organisation, whoever makes them', () => {
    expect(priceTier({ bookingOrganisationId: owner, ownerOrganisationId: owner, requesterIsOwnerMember: true })).toBe('members');
    expect(priceTier({ bookingOrganisationId: owner, ownerOrganisationId: owner, requesterIsOwnerMember: false })).toBe(
      'members',
    );
  });

  it('gives the members price to a member booking privately', () => {
    expect(priceTier({ bookingOrganisationId: null, ownerOrganisationId: owner, requesterIsOwnerMember: true })).toBe('members');
  });

  it('gives the region price to bookings for another organisation, even when a member makes them', () => {
    expect(priceTier({ bookingOrganisationId: 'sports-club', ownerOrganisationId: owner, requesterIsOwnerMember: false })).toBe(
      'region',
    );
    expect(priceTier({ bookingOrganisationId: 'sports-club', ownerOrganisationId: owner, requesterIsOwnerMember: true })).toBe(
      'region',
    );
  });

  it('gives the private price to anyone else booking privately', () => {
    expect(priceTier({ bookingOrganisationId: null, ownerOrganisationId: owner, requesterIsOwnerMember: false })).toBe('private');
  });
});
