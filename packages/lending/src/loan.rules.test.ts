import { describe, expect, it } from 'vitest';
import {
  expandKit,
  feeTierFor,
  isFullyReturned,
  isOverdue,
  kitsFree,
  lineFee,
  loanDays,
  mayBorrow,
  periodProblem,
  requestExpiry,
  returnProblem,
} from './loan.rules.js';

const owner = 'owner';

describe('fee tier and who may borrow', () => {
  it('prices a loan for the owner itself at the members fee, another organisation at its own', () => {
    expect(feeTierFor({ borrowingOrganisationId: owner, ownerId: owner, isOwnerMember: true })).toBe('members');
    expect(feeTierFor({ borrowingOrganisationId: 'other', ownerId: owner, isOwnerMember: true })).toBe('region');
  });

  it('lets a member borrowing privately pay the members fee, a resident the private fee', () => {
    expect(feeTierFor({ borrowingOrganisationId: null, ownerId: owner, isOwnerMember: true })).toBe('members');
    expect(feeTierFor({ borrowingOrganisationId: null, ownerId: owner, isOwnerMember: false })).toBe('private');
  });

  it('refuses residents when the owner lends only to organisations', () => {
    expect(mayBorrow(['members', 'region'], 'private')).toBe(false);
    expect(mayBorrow(['members', 'region'], 'region')).toBe(true);
    expect(mayBorrow(['members'], 'region')).toBe(false);
  });

  it('charges the fee per unit and the deposit once', () => {
    const item = { feeMembersCents: 0, feeOrganisationsCents: 50, feePrivateCents: 100, depositCents: 2000 };
    expect(lineFee(item, 'region', 30)).toEqual({ feeCents: 1500, depositCents: 2000 });
    expect(lineFee(item, 'members', 30)).toEqual({ feeCents: 0, depositCents: 2000 });
    expect(lineFee({ ...item, depositCents: null }, 'private', 2)).toEqual({ feeCents: 200, depositCents: 0 });
  });
});

describe('the period an item allows', () => {
  const now = new Date('2027-03-01T10:00:00Z');

  it('refuses a start in the past', () => {
    const problem = periodProblem(
      new Date('2027-02-28T10:00:00Z'),
      new Date('2027-03-02T10:00:00Z'),
      { noticeDays: null, maxDays: null },
      now,
    );
    expect(problem).toMatchObject({ field: 'startsAt', reason: { reason: 'loan.in_past' } });
  });

  it('asks for the notice the owner wants', () => {
    const rules = { noticeDays: 3, maxDays: null };
    expect(periodProblem(new Date('2027-03-03T10:00:00Z'), new Date('2027-03-04T10:00:00Z'), rules, now)?.reason.reason).toBe(
      'loan.too_soon',
    );
    expect(periodProblem(new Date('2027-03-04T10:00:00Z'), new Date('2027-03-05T10:00:00Z'), rules, now)).toBeNull();
  });

  it('counts the longest loan in Helsinki days, so the spring clock change does not make two days three', () => {
    // 2027-03-28 is the last Sunday of March: Friday 10:00 to Sunday 10:00 is 47 hours elapsed.
    const startsAt = new Date('2027-03-26T08:00:00Z');
    const endsAt = new Date('2027-03-28T07:00:00Z');
    expect(loanDays(startsAt, endsAt)).toBe(2);
    expect(periodProblem(startsAt, endsAt, { noticeDays: null, maxDays: 2 }, now)).toBeNull();
    expect(periodProblem(startsAt, new Date('2027-03-28T08:00:00Z'), { noticeDays: null, maxDays: 2 }, now)).toMatchObject({
      field: 'endsAt',
    });
  });

  it('lets an unanswered request go after the days, or when the loan would start', () => {
    const created = new Date('2027-03-01T10:00:00Z');
    expect(requestExpiry(created, new Date('2027-04-01T10:00:00Z'), 7)).toEqual(new Date('2027-03-08T10:00:00Z'));
    expect(requestExpiry(created, new Date('2027-03-03T10:00:00Z'), 7)).toEqual(new Date('2027-03-03T10:00:00Z'));
  });
});

describe('kits', () => {
  it('are as free as their scarcest part allows', () => {
    expect(
      kitsFree([
        { free: 1, perKit: 1 },
        { free: 12, perKit: 4 },
        { free: 50, perKit: 30 },
      ]),
    ).toBe(1);
    expect(
      kitsFree([
        { free: 2, perKit: 1 },
        { free: 12, perKit: 4 },
        { free: 29, perKit: 30 },
      ]),
    ).toBe(0);
    expect(kitsFree([])).toBe(0);
  });

  it('go out as their parts times the number of kits', () => {
    expect(
      expandKit('kit', 2, [
        { itemId: 'tent', perKit: 1 },
        { itemId: 'chairs', perKit: 30 },
      ]),
    ).toEqual([
      { itemId: 'tent', quantity: 2, kitItemId: 'kit' },
      { itemId: 'chairs', quantity: 60, kitItemId: 'kit' },
    ]);
  });
});

describe('returns', () => {
  const line = { quantity: 30, returnedFine: 20, returnedDamaged: 0, returnedMissing: 0 };

  it('refuses counting back more than is still out', () => {
    expect(returnProblem(line, { fine: 9, damaged: 1, missing: 1 })).toMatch(/Only 10/);
    expect(returnProblem(line, { fine: 9, damaged: 1, missing: 0 })).toBeNull();
    expect(returnProblem(line, { fine: 0, damaged: 0, missing: 0 })).toMatch(/at least one/);
  });

  it('calls a loan returned only when every unit is counted', () => {
    expect(isFullyReturned([line])).toBe(false);
    expect(isFullyReturned([{ ...line, returnedDamaged: 1, returnedFine: 29 }])).toBe(true);
  });

  it('calls a picked-up loan overdue after its end, never a returned one', () => {
    const endsAt = new Date('2027-03-01T10:00:00Z');
    expect(isOverdue({ state: 'pickedUp', endsAt }, new Date('2027-03-01T10:01:00Z'))).toBe(true);
    expect(isOverdue({ state: 'returned', endsAt }, new Date('2027-03-02T10:00:00Z'))).toBe(false);
    expect(isOverdue({ state: 'pickedUp', endsAt }, new Date('2027-03-01T09:59:00Z'))).toBe(false);
  });
});
