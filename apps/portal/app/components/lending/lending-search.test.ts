import { describe, expect, it } from 'vitest';
import { checkSearch, readSearch } from './lending-search';

const places = { municipalityIds: ['m1'], villageIds: ['v1'] };
const today = '2027-03-01';
const saturday = { fromDate: '2027-03-13', fromTime: '10:00', toDate: '2027-03-13', toTime: '18:00' };

function search(values: Record<string, string>) {
  return readSearch(new URLSearchParams(values)).values;
}

describe('the lending search form', () => {
  it('is not a search until something is asked', () => {
    expect(readSearch(new URLSearchParams()).isSearch).toBe(false);
    expect(readSearch(new URLSearchParams({ text: 'tuoli' })).isSearch).toBe(true);
  });

  it('accepts 30 chairs in Rautalampi on Saturday 10–18', () => {
    expect(checkSearch(search({ text: 'tuoli', quantity: '30', municipalityId: 'm1', ...saturday }), places, today)).toEqual({});
  });

  it('names every missing date and time', () => {
    expect(checkSearch(search({ text: 'tuoli' }), places, today)).toEqual({
      fromDate: 'lending.search.dateRequired',
      fromTime: 'lending.search.timeRequired',
      toDate: 'lending.search.dateRequired',
      toTime: 'lending.search.timeRequired',
    });
  });

  it('refuses a past day, an end before the start and a quantity that is not a number', () => {
    expect(checkSearch(search({ ...saturday, fromDate: '2027-02-27' }), places, today).fromDate).toBe('lending.search.datePast');
    expect(checkSearch(search({ ...saturday, toTime: '09:00' }), places, today).toTime).toBe('lending.search.endBeforeStart');
    expect(checkSearch(search({ ...saturday, quantity: 'kolmekymmentä' }), places, today).quantity).toBe(
      'lending.search.quantityInvalid',
    );
    expect(checkSearch(search({ ...saturday, quantity: '0' }), places, today).quantity).toBe('lending.search.quantityInvalid');
  });

  it('refuses a place or category the form did not offer', () => {
    const errors = checkSearch(search({ ...saturday, municipalityId: 'x', villageId: 'y', category: 'boats' }), places, today);
    expect(errors).toMatchObject({
      municipalityId: 'validation.choose',
      villageId: 'validation.choose',
      category: 'validation.choose',
    });
  });

  it('lets a loan run over several days', () => {
    expect(checkSearch(search({ ...saturday, toDate: '2027-03-14', toTime: '09:00' }), places, today)).toEqual({});
  });
});
