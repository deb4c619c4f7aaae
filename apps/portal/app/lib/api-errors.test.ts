import * as events from '@talkoot/events/schemas';
import * as identity from '@talkoot/identity/schemas';
import type { ErrorReason } from '@talkoot/platform/schemas';
import * as venues from '@talkoot/venues/schemas';
import { describe, expect, it } from 'vitest';
import { apiErrorsToFields, apiErrorMessage, reasonMessages } from './api-errors';
import { ApiError } from './api.server';
import { catalogues } from './i18n';

// Every reason a domain declares (the objects `defineErrorReasons` made), read from the entries.
function declaredReasons(entry: Record<string, unknown>): string[] {
  return Object.entries(entry)
    .filter(([name]) => name.endsWith('Errors'))
    .flatMap(([, group]) => Object.values(group as Record<string, ErrorReason>))
    .filter((value) => typeof value?.reason === 'string' && !value.reason.startsWith('validation.'))
    .map((value) => value.reason);
}

const refusal = (
  status: number,
  code: string,
  fields: Record<string, string> = {},
  reason?: string,
  fieldReasons: Record<string, string> = {},
) => new ApiError(status, code, 'English words for api clients', fields, {}, reason, fieldReasons);

describe('api errors in the form', () => {
  it('puts the api field errors under the form field names', () => {
    expect(apiErrorsToFields(refusal(400, 'validation_failed', { 'description.sv': 'Too long', businessId: 'Invalid' }))).toEqual(
      {
        descriptionSv: 'validation.checkField',
        businessId: 'validation.businessId',
      },
    );
  });

  it('has words in every language for every reason the domains declare', () => {
    const reasons = [...declaredReasons(identity), ...declaredReasons(venues), ...declaredReasons(events)];
    expect(reasons.length).toBeGreaterThan(40);
    expect(reasons.filter((reason) => !(reason in reasonMessages))).toEqual([]);
    for (const key of Object.values(reasonMessages))
      for (const catalogue of Object.values(catalogues)) expect(catalogue[key], key).toBeTruthy();
  });

  it('says a domain rule by its reason, on the field it names', () => {
    const error = refusal(
      422,
      'rule_violation',
      { startsAt: 'The space is open on that day 08:00–16:00' },
      'booking.outside_opening_hours',
      {
        startsAt: 'booking.outside_opening_hours',
      },
    );
    expect(apiErrorsToFields(error, { fields: { startsAt: 'startTime' } })).toEqual({
      startTime: 'apiError.booking.outsideOpeningHours',
    });
  });

  it('says a refused field by the kind of problem, the way the form itself does', () => {
    const error = refusal(
      400,
      'validation_failed',
      { name: 'Too small', email: 'Invalid email', role: 'Invalid option' },
      undefined,
      {
        name: 'validation.required',
        email: 'validation.invalid_format',
        role: 'validation.invalid_value',
      },
    );
    expect(apiErrorsToFields(error)).toEqual({
      name: 'validation.required',
      email: 'validation.email',
      role: 'validation.choose',
    });
  });

  it("prefers the form's own words for a field over the generic ones, but not over a domain reason", () => {
    const fields = {
      capacity: ['capacity', 'venueAdmin.error.wholeNumber'],
      maxMinutes: ['maxHours', 'venueAdmin.error.maxMinutes'],
    } as const;
    expect(
      apiErrorsToFields(refusal(400, 'validation_failed', { capacity: 'x' }, undefined, { capacity: 'validation.too_small' }), {
        fields,
      }),
    ).toEqual({
      capacity: 'venueAdmin.error.wholeNumber',
    });
    expect(
      apiErrorsToFields(refusal(422, 'rule_violation', { photo: 'A venue has at most 12 photos' }, 'photo.too_many'), { fields }),
    ).toEqual({ photo: 'venueAdmin.error.photoFull' });
  });

  it('says errors on fields the form does not have at the top', () => {
    const error = refusal(400, 'validation_failed', { 'rule.skipDates.2': 'Invalid date' }, undefined, {
      'rule.skipDates.2': 'validation.custom',
    });
    expect(apiErrorsToFields(error, { formFields: ['date', 'title'] })).toEqual({ form: 'validation.checkField' });
  });

  it('says a refusal without fields at the top, by reason, by the form, or by status', () => {
    expect(apiErrorsToFields(refusal(422, 'rule_violation', {}, 'membership.last_admin'))).toEqual({
      form: 'admin.members.lastAdmin',
    });
    expect(apiErrorsToFields(refusal(409, 'conflict', {}, 'waitlist.already_queued'))).toEqual({ form: 'waitlist.form.already' });
    expect(
      apiErrorsToFields(refusal(422, 'rule_violation', {}, 'event.not_draft'), {
        messages: { 'event.not_draft': 'form.conflict' },
      }),
    ).toEqual({ form: 'form.conflict' });
    expect(apiErrorsToFields(refusal(422, 'rule_violation', {}, 'some.future_reason'), { fallback: 'venues.form.rule' })).toEqual(
      { form: 'venues.form.rule' },
    );
    expect(apiErrorMessage(refusal(409, 'conflict'))).toBe('form.conflict');
    expect(apiErrorMessage(refusal(404, 'not_found'))).toBe('form.gone');
  });
});
