import { renderTemplate } from '@talkoot/outbox/mail';
import { languages } from '@talkoot/platform/schemas';
import { describe, expect, it } from 'vitest';
import { loanUpdateKinds, loanUpdateTemplate, type LoanUpdateData } from './loan-update.template.js';

const data: Omit<LoanUpdateData, 'kind'> = {
  ownerName: 'Kerkonkosken kyläyhdistys ry',
  borrowerName: 'Aino Virtanen',
  organisationName: 'Pakarilan nuorisoseura ry',
  startsAt: '2027-03-13T08:00:00.000Z',
  endsAt: '2027-03-13T16:00:00.000Z',
  lines: [{ name: 'Tuolit', quantity: 20 }],
  collectorName: 'Matti, 040 123 4567',
  isTransportNeeded: true,
  handOverStartsAt: '2027-03-13T07:00:00.000Z',
  handOverEndsAt: '2027-03-13T07:30:00.000Z',
  place: 'Koulutie 2, Kerkonkoski',
  pickUpInstructions: ['Avain kaupan kassalta'],
  feeCents: 1000,
  depositCents: 2000,
  reason: null,
  link: 'https://talkoot.example/lending/requests/1',
};

describe('the loan mail', () => {
  it('renders every kind in Finnish, Swedish and English with the loan’s facts in Helsinki time', () => {
    for (const kind of loanUpdateKinds)
      for (const language of languages) {
        const mail = renderTemplate('loan-update', loanUpdateTemplate, { ...data, kind }, language, { recipientName: 'Aino' });
        expect(mail.subject.length, `${kind} ${language}`).toBeGreaterThan(5);
        expect(mail.text).toContain('Kerkonkosken kyläyhdistys ry');
        expect(mail.text).toContain('20 × Tuolit');
        // 08:00 UTC is 10.00 in Helsinki in March.
        expect(mail.text).toMatch(/10[.:]00/);
        expect(mail.html).toContain(data.link);
      }
  });

  it('gives the pick-up instructions and the hand-over only while the loan is to be collected', () => {
    const approved = renderTemplate('loan-update', loanUpdateTemplate, { ...data, kind: 'approved' }, 'fi');
    expect(approved.text).toContain('Avain kaupan kassalta');
    expect(approved.text).toContain('Luovutus');
    expect(approved.text).toContain('20,00');
    const denied = renderTemplate('loan-update', loanUpdateTemplate, { ...data, kind: 'denied', reason: 'Omat juhlat' }, 'sv');
    expect(denied.text).toContain('Omat juhlat');
    expect(denied.text).not.toContain('Avain kaupan kassalta');
    expect(denied.text).not.toContain('Överlämning');
  });

  it('refuses data that does not fit, where the mail is made', () => {
    expect(() => renderTemplate('loan-update', loanUpdateTemplate, { ...data, kind: 'approved', lines: [] }, 'en')).toThrow(
      /lines/,
    );
  });
});
