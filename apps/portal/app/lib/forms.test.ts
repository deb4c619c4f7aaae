import { describe, expect, it } from 'vitest';
import {
  organisationCreateForm,
  organisationUpdateForm,
  parseForm,
  profileForm,
  signInCodeForm,
  signInRequestForm,
} from './forms';

const villageId = '48fb4efa-d732-4fa5-8cb9-dd890f007292';

describe('forms checked with the api schemas', () => {
  it('asks for an email address in the right shape', () => {
    expect(parseForm(signInRequestForm, {})).toEqual({ isValid: false, errors: { email: 'validation.required' } });
    expect(parseForm(signInRequestForm, { email: '  ' })).toEqual({ isValid: false, errors: { email: 'validation.required' } });
    expect(parseForm(signInRequestForm, { email: 'aino@' })).toEqual({ isValid: false, errors: { email: 'validation.email' } });
    expect(parseForm(signInRequestForm, { email: ' Aino@Kyla.FI ' })).toEqual({ isValid: true, data: { email: 'aino@kyla.fi' } });
  });

  it('accepts a six-digit code typed with spaces', () => {
    expect(parseForm(signInCodeForm, { email: 'a@b.fi', code: '123 456' })).toEqual({
      isValid: true,
      data: { email: 'a@b.fi', code: '123456' },
    });
    expect(parseForm(signInCodeForm, { email: 'a@b.fi', code: '12345' })).toEqual({
      isValid: false,
      errors: { code: 'validation.code' },
    });
  });

  it('clears an emptied phone number and explains a wrong one', () => {
    expect(parseForm(profileForm, { name: 'Aino', phone: '', language: 'sv' })).toEqual({
      isValid: true,
      data: { name: 'Aino', phone: null, language: 'sv' },
    });
    expect(parseForm(profileForm, { name: '', phone: 'soita', language: 'de' })).toEqual({
      isValid: false,
      errors: { name: 'validation.required', phone: 'validation.phone', language: 'validation.choose' },
    });
  });

  it('checks the Y-tunnus check digit and the required organisation fields', () => {
    const result = parseForm(organisationCreateForm, {
      name: 'Kyläyhdistys',
      kind: 'association',
      villageId: '',
      businessId: '1234567-8',
    });
    expect(result).toEqual({ isValid: false, errors: { businessId: 'validation.businessId', villageId: 'validation.choose' } });
    const valid = parseForm(organisationCreateForm, {
      name: 'Kyläyhdistys',
      kind: 'association',
      villageId,
      businessId: '1234567-1',
      contactEmail: '',
      descriptionFi: 'Kylän yhdistys',
      descriptionSv: '  ',
    });
    expect(valid).toMatchObject({
      isValid: true,
      data: { businessId: '1234567-1', contactEmail: null, description: { fi: 'Kylän yhdistys' } },
    });
  });

  it('sends emptied optional organisation fields as null on update', () => {
    const result = parseForm(organisationUpdateForm, {
      name: 'Seura',
      kind: 'association',
      villageId,
      businessId: '',
      contactPhone: '',
    });
    expect(result).toMatchObject({ isValid: true, data: { businessId: null, contactPhone: null } });
  });
});
