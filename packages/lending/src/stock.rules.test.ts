import { describe, expect, it } from 'vitest';
import { loansBeyondStock, peakOf } from './stock.rules.js';

const at = (day: number, hour = 0) => new Date(Date.UTC(2027, 2, day, hour));
const hold = (id: string, from: number, to: number, units: number) => ({ id, startsAt: at(from), endsAt: at(to), units });

describe('the stock a period needs', () => {
  it('sums only what overlaps at the same instant', () => {
    const holdings = [hold('a', 1, 3, 20), hold('b', 3, 5, 30), hold('c', 2, 4, 10)];
    expect(peakOf(holdings, at(1), at(5))).toBe(40);
    // Back to back: a ends as b starts, so they never hold units together.
    expect(peakOf([hold('a', 1, 3, 20), hold('b', 3, 5, 30)], at(1), at(5))).toBe(30);
    expect(peakOf(holdings, at(5), at(6))).toBe(0);
  });
});

describe('a smaller stock', () => {
  it('flags the later loans that no longer fit and keeps the earlier ones', () => {
    const loans = [hold('first', 1, 3, 30), hold('second', 2, 4, 15), hold('elsewhere', 10, 11, 50)];
    expect(loansBeyondStock(50, [], loans)).toEqual([]);
    expect(loansBeyondStock(50, [hold('repair', 2, 3, 10)], loans)).toEqual(['second']);
    expect(loansBeyondStock(40, [], loans)).toEqual(['second', 'elsewhere']);
  });
});
