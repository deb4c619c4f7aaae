import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { LoanUpdateKind } from './loan-update.template.js';

const statusOf: Record<LoanUpdateKind, ICalEventStatus> = {
  requested: ICalEventStatus.TENTATIVE,
  instant: ICalEventStatus.CONFIRMED,
  approved: ICalEventStatus.CONFIRMED,
  pickUpReminder: ICalEventStatus.CONFIRMED,
  returnReminder: ICalEventStatus.CONFIRMED,
  overdue: ICalEventStatus.CONFIRMED,
  overdueOwner: ICalEventStatus.CONFIRMED,
  flagged: ICalEventStatus.TENTATIVE,
  denied: ICalEventStatus.CANCELLED,
  cancelledByBorrower: ICalEventStatus.CANCELLED,
  cancelledByOwner: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
};

// Calendar apps replace an event with the same UID and a higher SEQUENCE: a request, its answer, its end.
const sequenceOf = (kind: LoanUpdateKind) => (kind === 'requested' ? 0 : statusOf[kind] === ICalEventStatus.CANCELLED ? 2 : 1);

// The loan period as an .ics attachment (UTC times; calendars show them in local time), with the
// hand-over window as its own event when the owner proposed one.
export function loanCalendar(input: {
  loanId: string;
  kind: LoanUpdateKind;
  summary: string;
  place: string;
  link: string;
  startsAt: Date;
  endsAt: Date;
  handOver: { startsAt: Date; endsAt: Date } | null;
  handOverSummary: string;
}): string {
  const calendar = ical({
    prodId: { company: 'Talkoot', product: 'lending', language: 'FI' },
    method: ICalCalendarMethod.PUBLISH,
  });
  const common = {
    location: input.place,
    description: input.link,
    status: statusOf[input.kind],
    sequence: sequenceOf(input.kind),
  };
  calendar.createEvent({
    id: `loan-${input.loanId}@talkoot`,
    start: input.startsAt,
    end: input.endsAt,
    summary: input.summary,
    ...common,
  });
  if (input.handOver)
    calendar.createEvent({
      id: `loan-${input.loanId}-handover@talkoot`,
      start: input.handOver.startsAt,
      end: input.handOver.endsAt,
      summary: input.handOverSummary,
      ...common,
    });
  return calendar.toString();
}
