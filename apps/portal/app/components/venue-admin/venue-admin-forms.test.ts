import { describe, expect, it } from 'vitest';
import { apiErrorsToFields } from '../../lib/api-errors';
import { ApiError } from '../../lib/api.server';
import {
  formatEuros,
  parseClock,
  parseEuros,
  parseHoursToMinutes,
  parseSpaceForm,
  venueAdminApiErrors,
} from './venue-admin-forms';

const validSpace = {
  isApprovalRequired: 'yes',
  bookableBy: 'region',
  minHours: '1',
  maxHours: '12',
  bufferBeforeMinutes: '0',
  bufferAfterMinutes: '30',
  minNoticeHours: '24',
  maxDaysAhead: '365',
  hoursMode: 'always',
  priceUnit: 'hour',
  priceMembers: '0',
  priceRegion: '12,50',
  pricePrivate: '25',
  deposit: '50',
  freeCancellationHours: '48',
  cancellationFeePercent: '50',
};

describe('the manage forms', () => {
  it('reads euros with a comma or a point into cents', () => {
    expect(parseEuros('12,50')).toBe(1250);
    expect(parseEuros('12.5')).toBe(1250);
    expect(parseEuros('1 200 €')).toBe(120000);
    expect(parseEuros('12,505')).toBeNull();
    expect(parseEuros('-3')).toBeNull();
    expect(formatEuros(1250)).toBe('12,50');
    expect(formatEuros(2500)).toBe('25');
  });

  it('reads clock times the way people write them, 24:00 included', () => {
    expect(parseClock('8')).toBe('08:00');
    expect(parseClock('8.30')).toBe('08:30');
    expect(parseClock('24:00')).toBe('24:00');
    expect(parseClock('24:30')).toBeNull();
    expect(parseClock('7:75')).toBeNull();
    expect(parseHoursToMinutes('1,5')).toBe(90);
  });

  it('turns weekday rows and closed periods into the api body', () => {
    const parsed = parseSpaceForm({
      ...validSpace,
      hoursMode: 'weekly',
      'closed-1': 'yes',
      ...Object.fromEntries(
        [2, 3, 4, 5, 6, 7].flatMap((day) => [
          [`opens-${day}`, '8'],
          [`closes-${day}`, '24'],
        ]),
      ),
      'closedFrom-0': '2026-12-24',
      'closedTo-0': '2026-12-26',
      'closedReason-0': 'Joulu',
      'closedFrom-1': '',
      'closedTo-1': '',
      'closedReason-1': '',
    });
    expect(parsed.isValid).toBe(true);
    if (!parsed.isValid) return;
    expect(parsed.body).toMatchObject({
      priceRegionCents: 1250,
      maxMinutes: 720,
      closedDates: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Joulu' }],
    });
    expect(parsed.body.openingHours).toHaveLength(6);
    expect((parsed.body.openingHours as { weekday: number; closes: string }[])[0]).toEqual({
      weekday: 2,
      opens: '08:00',
      closes: '24:00',
    });
  });

  it('names each wrong field', () => {
    const parsed = parseSpaceForm({
      ...validSpace,
      priceRegion: '12,5,0',
      minHours: '5',
      maxHours: '2',
      hoursMode: 'weekly',
      'opens-1': '18',
      'closes-1': '8',
    });
    expect(parsed.isValid).toBe(false);
    if (parsed.isValid) return;
    expect(parsed.errors).toMatchObject({
      priceRegion: 'venueAdmin.error.euros',
      maxHours: 'venueAdmin.error.maxMinutes',
      'closes-1': 'venueAdmin.error.openingHours',
      'opens-2': 'validation.required',
    });
    expect(
      apiErrorsToFields(
        new ApiError(400, 'validation_failed', 'Check the marked fields', { maxMinutes: 'x', paymentIban: 'y' }),
        venueAdminApiErrors,
      ),
    ).toEqual({ maxHours: 'venueAdmin.error.maxMinutes', paymentIban: 'venueAdmin.error.iban' });
  });
});
