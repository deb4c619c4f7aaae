import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { pickLocalized, type Language } from '@talkoot/platform/schemas';
import type { Item } from '../item.entity.js';
import { ownerCoordinators, type Recipient } from '../lending.sql.js';
import { Loan, LoanLine } from '../loan.entity.js';
import { loanCalendar } from './loan-calendar.js';
import { isOwnerMail, type LoanUpdateKind, loanUpdateTemplate } from './loan-update.template.js';

// What a loan's mail shows of the loan: a `Loan` entity, or the plain loan a request has just inserted.
export interface NotifiedLoan {
  id: string;
  request: { id: string };
  owner: { id: string; name: string };
  borrower: Recipient;
  organisation: { name: string } | null;
  startsAt: Date;
  endsAt: Date;
  collectorName: string;
  isTransportNeeded: boolean;
  handOverStartsAt: Date | null;
  handOverEndsAt: Date | null;
  feeCents: number;
  depositCents: number;
}

export interface NotifiedLine {
  item: Pick<Item, 'name' | 'pickUpInstructions' | 'address'> & { village: { name: string } };
  quantity: number;
}

const loanWord: Record<Language, string> = { fi: 'Laina', sv: 'Lån', en: 'Loan' };
const handOverWord: Record<Language, string> = { fi: 'Luovutus', sv: 'Överlämning', en: 'Hand-over' };

// Writes a loan's mail into the caller's transaction (the outbox), rendered in each reader's
// language with the loan's .ics. Owner mails go to `coordinators`, the rest to the borrower.
export function notifyLoan(
  em: EntityManager,
  loan: NotifiedLoan,
  lines: readonly NotifiedLine[],
  kind: LoanUpdateKind,
  input: { publicOrigin: string; coordinators: readonly Recipient[]; borrower?: Recipient; reason?: string | null },
): void {
  const toOwner = isOwnerMail(kind);
  const recipients = toOwner ? input.coordinators : [input.borrower ?? loan.borrower];
  const link = toOwner
    ? `${input.publicOrigin}/organisations/${loan.owner.id}/lending/loans/${loan.id}`
    : `${input.publicOrigin}/lending/requests/${loan.request.id}`;
  const first = lines[0]!.item;
  const place = first.address ? `${first.address}, ${first.village.name}` : first.village.name;
  for (const recipient of recipients) {
    const language = recipient.language;
    const names = lines.map((line) => ({ name: pickLocalized(line.item.name, language) ?? '', quantity: line.quantity }));
    const summary = `${loanWord[language]}: ${names.map((line) => `${line.quantity} × ${line.name}`).join(', ')} – ${loan.owner.name}`;
    const rendered = renderTemplate(
      'loan-update',
      loanUpdateTemplate,
      {
        kind,
        ownerName: loan.owner.name,
        borrowerName: (input.borrower ?? loan.borrower).name,
        organisationName: loan.organisation?.name ?? null,
        startsAt: loan.startsAt.toISOString(),
        endsAt: loan.endsAt.toISOString(),
        lines: names,
        collectorName: loan.collectorName,
        isTransportNeeded: loan.isTransportNeeded,
        handOverStartsAt: loan.handOverStartsAt?.toISOString() ?? null,
        handOverEndsAt: loan.handOverEndsAt?.toISOString() ?? null,
        place,
        pickUpInstructions: [...new Set(lines.map((line) => line.item.pickUpInstructions).filter(Boolean))],
        feeCents: loan.feeCents,
        depositCents: loan.depositCents,
        reason: input.reason ?? null,
        link,
      },
      language,
      { recipientName: recipient.name },
    );
    const calendar = loanCalendar({
      loanId: loan.id,
      kind,
      summary,
      place,
      link,
      startsAt: loan.startsAt,
      endsAt: loan.endsAt,
      handOver:
        loan.handOverStartsAt && loan.handOverEndsAt ? { startsAt: loan.handOverStartsAt, endsAt: loan.handOverEndsAt } : null,
      handOverSummary: `${handOverWord[language]}: ${summary}`,
    });
    enqueueMail(em, {
      to: recipient.email,
      toName: recipient.name,
      language,
      template: `loan.${kind.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`,
      rendered,
      attachments: [{ filename: 'laina.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar }],
    });
  }
}

// The mails of loans changed by one statement (an answer, a sweep): loads what they show, in three statements.
export async function notifyLoansById(
  em: EntityManager,
  loanIds: readonly string[],
  kind: LoanUpdateKind,
  input: { publicOrigin: string; reason?: string | null },
): Promise<void> {
  if (loanIds.length === 0) return;
  const loans = await em.find(
    Loan,
    { id: { $in: [...loanIds] } },
    { populate: ['owner', 'borrower', 'organisation', 'request'], refresh: true },
  );
  const lines = await em.find(LoanLine, { loan: { $in: [...loanIds] } }, { populate: ['item.village'], orderBy: { id: 'asc' } });
  const coordinators = isOwnerMail(kind)
    ? await ownerCoordinators(em, [...new Set(loans.map((loan) => loan.owner.id))])
    : new Map();
  for (const loan of loans)
    notifyLoan(
      em,
      loan,
      lines.filter((line) => line.loan.id === loan.id),
      kind,
      { publicOrigin: input.publicOrigin, coordinators: coordinators.get(loan.owner.id) ?? [], reason: input.reason ?? null },
    );
}
