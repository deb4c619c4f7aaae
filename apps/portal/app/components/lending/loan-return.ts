import type { FieldErrors } from '../../lib/forms';
import type { LoanLine } from './lending-view';

export type ReturnedLine = { itemId: string; fine: number; damaged: number; missing: number };

// The return form -> counts per line. A line may come back in part (the rest stays out), never
// more than is still out; lines with nothing written are left out.
export function readReturn(
  values: Record<string, string>,
  lines: LoanLine[],
): { lines: ReturnedLine[]; errors: null } | { lines: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const returned: ReturnedLine[] = [];
  for (const line of lines) {
    const outstanding = line.quantity - line.returnedFine - line.returnedDamaged - line.returnedMissing;
    const read = (count: 'fine' | 'damaged' | 'missing') => {
      const text = (values[`${count}-${line.itemId}`] ?? '').trim();
      if (text === '') return 0;
      if (!/^\d{1,5}$/.test(text)) {
        errors[`${count}-${line.itemId}`] = 'lending.search.quantityInvalid';
        return 0;
      }
      return Number(text);
    };
    const counted = { itemId: line.itemId, fine: read('fine'), damaged: read('damaged'), missing: read('missing') };
    const total = counted.fine + counted.damaged + counted.missing;
    if (total > outstanding) errors[`fine-${line.itemId}`] = 'lending.request.tooMany';
    else if (total > 0) returned.push(counted);
  }
  if (Object.keys(errors).length > 0) return { lines: null, errors };
  if (returned.length === 0) return { lines: null, errors: { [`fine-${lines[0]?.itemId ?? ''}`]: 'lending.request.noneChosen' } };
  return { lines: returned, errors: null };
}
