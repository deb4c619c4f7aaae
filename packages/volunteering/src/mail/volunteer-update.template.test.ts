import { renderTemplate } from '@talkoot/outbox/mail';
import { languages } from '@talkoot/platform/schemas';
import { describe, expect, it } from 'vitest';
import { volunteerUpdateKinds, volunteerUpdateTemplate } from './volunteer-update.template.js';

const data = {
  taskTitle: 'Kahvio',
  organisationName: 'Kotalahden kyläyhdistys ry',
  startsAt: '2027-07-03T07:00:00.000Z',
  endsAt: '2027-07-03T09:00:00.000Z',
  place: 'Kylätalo',
  volunteerName: 'Aino Virtanen',
  otherName: 'Eero Niemi',
  contact: 'Maija 040 123 4567',
  requirements: ['hygienePassport' as const],
  link: 'https://talkoot.example/volunteering/link?token=abc',
  secondLink: null,
  daysBefore: 3,
};

describe('the volunteer mail', () => {
  it('renders every kind in Finnish, Swedish and English with the task, the time in Helsinki and the place', () => {
    for (const kind of volunteerUpdateKinds)
      for (const language of languages) {
        const mail = renderTemplate('volunteer-update', volunteerUpdateTemplate, { ...data, kind }, language, {
          recipientName: 'Aino',
        });
        expect(mail.subject.length, `${kind} ${language}`).toBeGreaterThan(5);
        expect(mail.text).toContain('Kahvio');
        expect(mail.text).toContain('Kotalahden kyläyhdistys ry');
        // 10.00 Helsinki summer time
        expect(mail.text).toMatch(/10[.:]00/);
        expect(mail.html).toContain(data.link);
      }
  });

  it('puts both answers in a reminder, and names the requirements in the reader’s language', () => {
    const fi = renderTemplate(
      'volunteer-update',
      volunteerUpdateTemplate,
      { ...data, kind: 'reminder', secondLink: 'https://talkoot.example/volunteering/link?token=def' },
      'fi',
    );
    expect(fi.text).toContain('Tulen');
    expect(fi.text).toContain('En pääsekään');
    expect(fi.text).toContain('Hygieniapassi');
    const sv = renderTemplate('volunteer-update', volunteerUpdateTemplate, { ...data, kind: 'reminder' }, 'sv');
    expect(sv.text).toContain('Hygienpass');
    expect(sv.text).toContain('om 3 dagar');
  });

  it('refuses data that does not fit, where the mail is made', () => {
    expect(() =>
      renderTemplate('volunteer-update', volunteerUpdateTemplate, { ...data, kind: 'placed', link: 'javascript:x' }, 'en'),
    ).toThrow(/link/);
  });
});
