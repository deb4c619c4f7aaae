import { describe, expect, it } from 'vitest';
import { afterGiving, offerableUnits } from './give-away.rules.js';

describe('giving away', () => {
  it('offers what no loan, repair or other offer holds from now on', () => {
    expect(offerableUnits(50, 30)).toBe(20);
    expect(offerableUnits(50, 0)).toBe(50);
    // More held than there is (units out of service beyond a shrunken stock): nothing to give.
    expect(offerableUnits(10, 12)).toBe(0);
  });

  it('retires an item given away whole and keeps the rest otherwise', () => {
    expect(afterGiving(50, 20)).toEqual({ quantity: 30, isRetired: false });
    expect(afterGiving(20, 20)).toEqual({ quantity: 0, isRetired: true });
  });
});
