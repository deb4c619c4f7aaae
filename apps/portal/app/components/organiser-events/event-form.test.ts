import { describe, expect, it } from 'vitest';
import type { Venue } from '../../lib/api-types';
import { parseDateText, parseEuros, readEventForm } from './event-form.server';

const village = '0b7b4d1e-8a4f-4c57-9a55-2b1f1f6d2c11';
const venue: Venue = {
  id: '5a0f3a55-6d5e-4b0e-9e0e-0c1f8f3b1a01',
  organisation: { id: '9d3c5a55-6d5e-4b0e-9e0e-0c1f8f3b1a02', name: 'Kyläyhdistys' },
  village: { id: village, name: 'Kerkonkoski' },
  name: 'Kerkonkosken koulu',
  address: 'Koulutie 2',
  description: {},
  capacity: 60,
  facilities: [],
  accessibility: [],
  spaces: [
    {
      id: '7e1d3a55-6d5e-4b0e-9e0e-0c1f8f3b1a03',
      parentId: null,
      name: 'Luokka',
      capacity: 20,
      isApprovalRequired: false,
      bookableBy: 'members',
      minMinutes: 60,
      maxMinutes: 600,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    },
  ],
};

const base = {
  titleFi: 'Kyläilta',
  date: '2026-12-15',
  startTime: '18:00',
  endTime: '21:00',
  placeMode: 'other',
  placeName: 'Koulu',
  villageId: village,
  category: 'culture',
  audiences: 'everyone',
  priceMode: 'free',
  frequency: 'none',
};

describe('the event form', () => {
  it('reads euros written the Finnish way', () => {
    expect(parseEuros('12,50')).toBe(1250);
    expect(parseEuros('12.5 €')).toBe(1250);
    expect(parseEuros('7')).toBe(700);
    expect(parseEuros('12,505')).toBeNull();
    expect(parseEuros('abc')).toBeNull();
  });

  it('reads dates as 24.12.2026 or 2026-12-24', () => {
    expect(parseDateText('24.12.2026')).toBe('2026-12-24');
    expect(parseDateText('2026-12-24')).toBe('2026-12-24');
    expect(parseDateText('31.2.2026')).toBeNull();
  });

  it('turns Helsinki times into instants with their offset, winter and summer', () => {
    expect(readEventForm(base, [], { isEdit: false, hasFixedTimes: false }).draft?.body).toMatchObject({
      startsAt: '2026-12-15T18:00:00+02:00',
      endsAt: '2026-12-15T21:00:00+02:00',
      isAllDay: false,
      priceCents: null,
    });
    const summer = readEventForm({ ...base, date: '2027-06-20', isAllDay: 'yes', endDate: '2027-06-21' }, [], {
      isEdit: false,
      hasFixedTimes: false,
    });
    expect(summer.draft?.body).toMatchObject({
      startsAt: '2027-06-20T00:00:00+03:00',
      endsAt: '2027-06-22T00:00:00+03:00',
      isAllDay: true,
    });
  });

  it('names every missing field', () => {
    const { errors } = readEventForm({ priceMode: 'paid', placeMode: 'other', frequency: 'weekly', endMode: 'until' }, [], {
      isEdit: false,
      hasFixedTimes: false,
    });
    expect(Object.keys(errors).toSorted()).toEqual(
      [
        'audiences',
        'category',
        'date',
        'endTime',
        'placeName',
        'priceEuros',
        'startTime',
        'titleFi',
        'until',
        'villageId',
      ].toSorted(),
    );
  });

  it('builds a weekly recurrence with skipped dates, and keeps an event that asks for a space a draft until booked', () => {
    const { draft } = readEventForm(
      {
        ...base,
        placeMode: 'venue',
        venueSpace: `${venue.id}/${venue.spaces[0]!.id}`,
        requestSpace: 'yes',
        intent: 'publish',
        frequency: 'weekly',
        weekdays: '2,4',
        interval: '2',
        endMode: 'count',
        count: '6',
        exceptions: '24.12.2026, 2026-12-31',
      },
      [venue],
      { isEdit: false, hasFixedTimes: false },
    );
    expect(draft?.body).toMatchObject({
      venueId: venue.id,
      placeName: 'Kerkonkosken koulu',
      address: 'Koulutie 2',
      villageId: village,
      publish: false,
    });
    expect(draft?.body.recurrence).toEqual({
      frequency: 'weekly',
      interval: 2,
      weekdays: [2, 4],
      until: null,
      count: 6,
      exceptions: ['2026-12-24', '2026-12-31'],
    });
    expect(draft?.booking).toEqual({ spaceId: venue.spaces[0]!.id });
    expect(draft?.shouldPublish).toBe(true);
  });
});
