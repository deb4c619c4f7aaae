import { describe, expect, it } from 'vitest';
import { readReturn } from './loan-return';

const chairs = { itemId: 'c', name: { fi: 'Tuolit' }, quantity: 20, returnedFine: 0, returnedDamaged: 0, returnedMissing: 0 };
const tent = { itemId: 't', name: { fi: 'Teltta' }, quantity: 1, returnedFine: 0, returnedDamaged: 0, returnedMissing: 0 };

describe('reading a return', () => {
  it('takes 19 fine and one broken chair, the tent still out', () => {
    expect(readReturn({ 'fine-c': '19', 'damaged-c': '1', 'fine-t': '', 'missing-c': '0' }, [chairs, tent])).toEqual({
      lines: [{ itemId: 'c', fine: 19, damaged: 1, missing: 0 }],
      errors: null,
    });
  });

  it('refuses more back than is still out, counting earlier partial returns', () => {
    const partly = { ...chairs, returnedFine: 15 };
    expect(readReturn({ 'fine-c': '6' }, [partly]).errors).toEqual({ 'fine-c': 'lending.request.tooMany' });
    expect(readReturn({ 'fine-c': '5' }, [partly]).lines).toEqual([{ itemId: 'c', fine: 5, damaged: 0, missing: 0 }]);
  });

  it('names the field that is not a number, and refuses an empty return', () => {
    expect(readReturn({ 'damaged-c': 'yksi' }, [chairs]).errors).toEqual({ 'damaged-c': 'lending.search.quantityInvalid' });
    expect(readReturn({}, [chairs]).errors).toEqual({ 'fine-c': 'lending.request.noneChosen' });
  });
});
