import { MikroORM } from '@mikro-orm/postgresql';
import { LoanSweepService } from '@talkoot/lending';
import { APP_CONFIG } from '@talkoot/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  helsinkiIso as helsinki,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

// The mails of a loan (through the outbox, in the reader's language, with an .ics) and the
// worker's sweep: expiry, reminders the day before, overdue notices, each once.
let api: TestApi;
let sweeper: LoanSweepService;
let villageId: string;
const owner = { id: '', coordinator: '', email: '' };
const borrower = { token: '', email: '' };
const year = new Date().getUTCFullYear() + 1;

beforeAll(async () => {
  api = await startTestApi();
  sweeper = new LoanSweepService(api.app.get(MikroORM), api.app.get(APP_CONFIG));
  villageId = await makeVillage(api);
  owner.id = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  const coordinator = await makeUser(api, { language: 'fi' });
  const person = await makeUser(api, { name: 'Astrid Lindqvist', language: 'sv' });
  await addMember(api, coordinator.id, owner.id, 'coordinator');
  owner.coordinator = await signIn(api, coordinator.email);
  owner.email = coordinator.email;
  borrower.token = await signIn(api, person.email);
  borrower.email = person.email;
});
afterAll(async () => {
  await api?.close();
});

type Mail = {
  template: string;
  language: string;
  rendered: { subject: string; text: string };
  attachments?: { filename: string; content: string }[];
};

async function mailsTo(email: string, template: string): Promise<Mail[]> {
  const { rows } = await api.sql.query(
    `select payload from outbox_messages where topic = 'mail.send' and payload->>'to' = $1 and payload->>'template' = $2 order by id`,
    [email, template],
  );
  return rows.map((row) => row.payload as Mail);
}

async function lend(startsAt: string, endsAt: string) {
  const item = await call(api, 'POST', `/api/organisations/${owner.id}/lending/items`, {
    token: owner.coordinator,
    body: {
      name: { fi: 'Kahvinkeitin', sv: 'Kaffebryggare' },
      category: 'kitchen',
      quantity: 1,
      address: 'Koulutie 2',
      villageId,
      pickUpInstructions: 'Avain kaupalta',
      borrowers: ['residents'],
    },
  });
  expect(item.status, item.text).toBe(201);
  const asked = await call(api, 'POST', '/api/lending/requests', {
    token: borrower.token,
    body: { lines: [{ itemId: item.json.item.id, quantity: 1 }], startsAt, endsAt, collectorName: 'Astrid' },
  });
  expect(asked.status, asked.text).toBe(201);
  return asked.json.request.loans[0].id as string;
}

describe('loan mails', () => {
  it('asks the owner’s coordinators in their language and answers the borrower in hers, each with an .ics', async () => {
    const loanId = await lend(helsinki(year, 4, 10, 10), helsinki(year, 4, 11, 18));
    const [request] = await mailsTo(owner.email, 'loan.requested');
    expect(request).toMatchObject({ language: 'fi', rendered: { subject: 'Uusi lainapyyntö' } });
    expect(request!.rendered.text).toContain('1 × Kahvinkeitin');
    expect(request!.attachments![0]!.content).toContain(`UID:loan-${loanId}@talkoot`);
    expect(request!.attachments![0]!.content).toContain('STATUS:TENTATIVE');

    const approval = await call(api, 'POST', `/api/organisations/${owner.id}/loans/${loanId}/approval`, {
      token: owner.coordinator,
      body: { handOverStartsAt: helsinki(year, 4, 10, 9), handOverEndsAt: helsinki(year, 4, 10, 10) },
    });
    expect(approval.status, approval.text).toBe(200);
    const [approved] = await mailsTo(borrower.email, 'loan.approved');
    expect(approved).toMatchObject({ language: 'sv', rendered: { subject: 'Ditt lån är godkänt' } });
    expect(approved!.rendered.text).toContain('1 × Kaffebryggare');
    expect(approved!.rendered.text).toContain('Avain kaupalta');
    expect(approved!.attachments![0]!.content).toContain(`UID:loan-${loanId}-handover@talkoot`);

    const cancellation = await call(api, 'POST', `/api/loans/${loanId}/cancellation`, {
      token: borrower.token,
      body: { reason: 'Festen är inställd' },
    });
    expect(cancellation.status, cancellation.text).toBe(200);
    const [cancelled] = await mailsTo(owner.email, 'loan.cancelled-by-borrower');
    expect(cancelled!.rendered.text).toContain('Festen är inställd');
    expect(cancelled!.attachments![0]!.content).toContain('STATUS:CANCELLED');
  });

  it('tells the borrower why a request was denied', async () => {
    const loanId = await lend(helsinki(year, 4, 17, 10), helsinki(year, 4, 17, 18));
    await call(api, 'POST', `/api/organisations/${owner.id}/loans/${loanId}/denial`, {
      token: owner.coordinator,
      body: { reason: 'Tarvitsemme sen itse' },
    });
    const denied = (await mailsTo(borrower.email, 'loan.denied')).at(-1)!;
    expect(denied.rendered.text).toContain('Tarvitsemme sen itse');
  });
});

describe('the sweep', () => {
  it('expires an unanswered request once, however often it runs', async () => {
    const loanId = await lend(helsinki(year, 5, 1, 10), helsinki(year, 5, 1, 18));
    await api.sql.query(`update loans set expires_at = now() - interval '1 minute' where id = $1`, [loanId]);
    const [first, second] = await Promise.all([sweeper.expireRequests(), sweeper.expireRequests()]);
    expect([...first, ...second].filter((id) => id === loanId)).toHaveLength(1);
    expect(await sweeper.expireRequests()).not.toContain(loanId);
    const loan = await call(api, 'GET', `/api/organisations/${owner.id}/loans/${loanId}`, { token: owner.coordinator });
    expect(loan.json.loan.state).toBe('expired');
    expect(
      (await mailsTo(borrower.email, 'loan.expired')).filter((mail) => mail.attachments![0]!.content.includes(loanId)),
    ).toHaveLength(1);
  });

  it('reminds of the pick-up the day before and of the return the day before, once each', async () => {
    const loanId = await lend(helsinki(year, 6, 1, 10), helsinki(year, 6, 3, 18));
    await call(api, 'POST', `/api/organisations/${owner.id}/loans/${loanId}/approval`, { token: owner.coordinator, body: {} });
    // The sweep's clock: 20 hours before the start, then 20 hours before the end.
    const beforeStart = new Date(Date.parse(helsinki(year, 6, 1, 10)) - 20 * 3_600_000);
    expect(await sweeper.remindPickUps(new Date(beforeStart.getTime() - 10 * 3_600_000))).not.toContain(loanId);
    expect(await sweeper.remindPickUps(beforeStart)).toContain(loanId);
    expect(await sweeper.remindPickUps(beforeStart)).not.toContain(loanId);
    const reminders = (await mailsTo(borrower.email, 'loan.pick-up-reminder')).filter((mail) =>
      mail.attachments![0]!.content.includes(loanId),
    );
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.rendered.subject).toBe('Påminnelse: lånet hämtas i morgon');

    await call(api, 'POST', `/api/organisations/${owner.id}/loans/${loanId}/pick-up`, { token: owner.coordinator });
    const beforeEnd = new Date(Date.parse(helsinki(year, 6, 3, 18)) - 20 * 3_600_000);
    expect(await sweeper.remindReturns(beforeEnd)).toContain(loanId);
    expect(await sweeper.remindReturns(beforeEnd)).not.toContain(loanId);
  });

  it('notices an overdue loan once, to the borrower and the owner, and the owner sees it overdue', async () => {
    const loanId = await lend(helsinki(year, 7, 1, 10), helsinki(year, 7, 2, 18));
    await call(api, 'POST', `/api/organisations/${owner.id}/loans/${loanId}/approval`, { token: owner.coordinator, body: {} });
    await call(api, 'POST', `/api/organisations/${owner.id}/loans/${loanId}/pick-up`, { token: owner.coordinator });
    // Move the loan into the past, as if its end had come and gone.
    await api.sql.query(
      `update loans set starts_at = now() - interval '3 days', ends_at = now() - interval '1 day' where id = $1`,
      [loanId],
    );
    const runs = await Promise.all([sweeper.noticeOverdue(), sweeper.noticeOverdue()]);
    expect(runs.flat().filter((id) => id === loanId)).toHaveLength(1);
    const forBorrower = (await mailsTo(borrower.email, 'loan.overdue')).filter((mail) =>
      mail.attachments![0]!.content.includes(loanId),
    );
    const forOwner = (await mailsTo(owner.email, 'loan.overdue-owner')).filter((mail) =>
      mail.attachments![0]!.content.includes(loanId),
    );
    expect(forBorrower).toHaveLength(1);
    expect(forOwner).toHaveLength(1);
    const loan = await call(api, 'GET', `/api/organisations/${owner.id}/loans/${loanId}`, { token: owner.coordinator });
    expect(loan.json.loan).toMatchObject({ state: 'pickedUp', isOverdue: true });
    const week = await call(api, 'GET', `/api/organisations/${owner.id}/loans/week`, { token: owner.coordinator });
    expect(week.json.returns.map((candidate: { id: string }) => candidate.id)).toContain(loanId);
  });
});
