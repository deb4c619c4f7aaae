import { describe, expect, it } from 'vitest';
import { bookingUpdateKinds } from '../mail.schemas.js';
import { renderMail } from './render-mail.js';

const data = {
  venueName: 'Kerkonkosken koulu',
  spaceName: 'Liikuntasali',
  title: 'Syyskokous',
  // 18.00–21.00 Helsinki summer time.
  startsAt: '2027-06-05T15:00:00.000Z',
  endsAt: '2027-06-05T18:00:00.000Z',
  reason: 'Talo on remontissa <b>',
  link: 'https://talkoot.example.fi/bookings',
};

describe('booking update mail', () => {
  for (const language of ['fi', 'sv', 'en'] as const) {
    for (const kind of bookingUpdateKinds) {
      it(`renders ${kind} in ${language} with the Helsinki time, the link and an escaped reason`, () => {
        const mail = renderMail({ template: 'booking-update', language, data: { ...data, kind }, toName: 'Juhani' });
        expect(mail.subject).toContain('Kerkonkosken koulu');
        expect(mail.text).toContain('18');
        expect(mail.text).toContain('21');
        expect(mail.text).toContain(data.link);
        expect(mail.html).toContain(`lang="${language}"`);
        expect(mail.html).not.toContain('<b>');
        expect(mail.text).not.toMatch(/\{\w+\}/);
      });
    }
  }
});
