import { DomainError, addMinutes } from '@talkoot/platform';
import { bookingWindowProblem } from './booking-window.js';
import { type ClosedDates, type OpeningPeriod, openingHoursProblem } from './opening-hours.js';
import { type BookingTimeReason, bookingTimeErrors } from './venues.errors.js';

export interface SpaceNode {
  id: string;
  parentId: string | null;
}

// The leaves under a space (the space itself when it has no children): what a booking occupies.
export function leafSpacesUnder(spaceId: string, spaces: readonly SpaceNode[]): string[] {
  const children = spaces.filter((space) => space.parentId === spaceId);
  if (!children.length) return [spaceId];
  return children.flatMap((child) => leafSpacesUnder(child.id, spaces));
}

export interface SpaceRules {
  minMinutes: number;
  maxMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

// The time a booking keeps the space from others: its own time plus cleaning before and after.
export function occupiedInterval(startsAt: Date, endsAt: Date, rules: SpaceRules): { startsAt: Date; endsAt: Date } {
  return { startsAt: addMinutes(startsAt, -rules.bufferBeforeMinutes), endsAt: addMinutes(endsAt, rules.bufferAfterMinutes) };
}

export function lengthProblem(startsAt: Date, endsAt: Date, rules: SpaceRules): string | undefined {
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  if (minutes < rules.minMinutes) return `A booking of this space lasts at least ${rules.minMinutes} minutes`;
  if (minutes > rules.maxMinutes) return `A booking of this space lasts at most ${rules.maxMinutes} minutes`;
  return undefined;
}

// An unhandled request lets go of the slot after `days`, and at the latest when the booking
// would start: by then nobody can use an answer any more.
export function requestExpiry(createdAt: Date, startsAt: Date, days: number): Date {
  const afterDays = new Date(createdAt.getTime() + days * 86_400_000);
  return afterDays < startsAt ? afterDays : startsAt;
}

export interface SpaceTimeRules extends SpaceRules {
  minNoticeHours: number;
  maxDaysAhead: number;
  openingHours: OpeningPeriod[] | null;
  closedDates: ClosedDates[];
}

export const MAX_YEARS_AHEAD = 3;

export interface TimeProblem {
  field: 'startsAt' | 'endsAt';
  message: string;
  reason: BookingTimeReason;
}

// Everything about the time itself that a space's rules refuse, before any other booking is
// considered: the past, the length, the booking window and the opening hours. The owner's own
// coordinators may book outside the window (a resident calls about tomorrow), never outside the rest.
export function timeProblem(
  startsAt: Date,
  endsAt: Date,
  rules: SpaceTimeRules,
  now: Date,
  options: { ignoreWindow?: boolean } = {},
): TimeProblem | undefined {
  if (startsAt < now)
    return { field: 'startsAt', message: 'The booking must start in the future', reason: bookingTimeErrors.in_past.reason };
  // Even the owner's own coordinators book at most this far ahead: a later date is a typo.
  if (startsAt.getTime() - now.getTime() > MAX_YEARS_AHEAD * 366 * 86_400_000) {
    return {
      field: 'startsAt',
      message: `A booking starts at most ${MAX_YEARS_AHEAD} years from now`,
      reason: bookingTimeErrors.too_far_ahead.reason,
    };
  }
  const length = lengthProblem(startsAt, endsAt, rules);
  if (length) {
    const isTooShort = endsAt.getTime() - startsAt.getTime() < rules.minMinutes * 60_000;
    return {
      field: 'endsAt',
      message: length,
      reason: (isTooShort ? bookingTimeErrors.too_short : bookingTimeErrors.too_long).reason,
    };
  }
  if (!options.ignoreWindow) {
    const window = bookingWindowProblem(startsAt, now, rules);
    // The window refuses from either end: too little notice, or further ahead than it opens.
    const isTooSoon = startsAt < addMinutes(now, rules.minNoticeHours * 60);
    if (window)
      return {
        field: 'startsAt',
        message: window,
        reason: (isTooSoon ? bookingTimeErrors.too_soon : bookingTimeErrors.outside_window).reason,
      };
  }
  const hours = openingHoursProblem(startsAt, endsAt, rules.openingHours, rules.closedDates);
  if (hours) {
    const isClosedDate =
      rules.closedDates.length > 0 && openingHoursProblem(startsAt, endsAt, null, rules.closedDates) !== undefined;
    return {
      field: 'startsAt',
      message: hours,
      reason: (isClosedDate ? bookingTimeErrors.closed_date : bookingTimeErrors.outside_opening_hours).reason,
    };
  }
  return undefined;
}

// The refusal of a time problem: a 422 naming the field and the rule.
export function timeProblemError(problem: TimeProblem): DomainError {
  return new DomainError({ reason: problem.reason, code: 'rule_violation' }, problem.message, {
    [problem.field]: problem.message,
  });
}
