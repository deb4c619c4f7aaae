import { describe, expect, it } from 'vitest';
import { readLoanRequest } from './lending-request.server';
import type { SearchHit } from './lending-view';

const search = {
  text: 'tuoli',
  category: '',
  quantity: '30',
  municipalityId: '',
  villageId: '',
  fromDate: '2027-03-13',
  fromTime: '10:00',
  toDate: '2027-03-13',
  toTime: '18:00',
};

function hit(id: string, owner: string, free: number): SearchHit {
  return {
    item: {
      id,
      name: { fi: 'Tuolit' },
      category: 'furniture',
      quantity: 50,
      owner: { id: owner, name: owner },
      village: null,
      place: '',
    },
    free,
    days: [],
  };
}

const hits = [hit('a', 'Marttat', 38), hit('b', 'Eläkeläiset', 10)];
const handOver = { organisationId: 'org', collector: 'Juhani 040 111 2222', transport: 'yes' };

describe('one request to several owners', () => {
  it('takes 20 chairs from one owner and 10 from another, in Helsinki time', () => {
    const { input } = readLoanRequest({ ...handOver, 'take-a': '20', 'take-b': '10', 'take-c': '5' }, search, hits, ['org']);
    expect(input).toMatchObject({
      lines: [
        { itemId: 'a', quantity: 20 },
        { itemId: 'b', quantity: 10 },
      ],
      // 10.00 in Helsinki in March: UTC+2, said with its offset.
      startsAt: '2027-03-13T10:00:00+02:00',
      endsAt: '2027-03-13T18:00:00+02:00',
      organisationId: 'org',
      isTransportNeeded: true,
    });
  });

  it('refuses more than is free, naming the item’s field', () => {
    expect(readLoanRequest({ ...handOver, 'take-b': '11' }, search, hits, ['org']).errors).toEqual({
      'take-b': 'lending.request.tooMany',
    });
  });

  it('asks for at least one quantity and for who collects', () => {
    expect(readLoanRequest({ transport: 'no' }, search, hits, []).errors).toEqual({
      form: 'lending.request.noneChosen',
      collector: 'lending.request.collectorRequired',
    });
  });

  it('refuses an organisation the person is not a member of', () => {
    expect(readLoanRequest({ ...handOver, 'take-a': '1' }, search, hits, ['other']).errors).toEqual({
      organisationId: 'validation.choose',
    });
  });
});
