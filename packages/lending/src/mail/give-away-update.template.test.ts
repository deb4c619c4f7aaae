import { renderTemplate } from '@talkoot/outbox/mail';
import { languages } from '@talkoot/platform/schemas';
import { describe, expect, it } from 'vitest';
import { giveAwayUpdateKinds, giveAwayUpdateTemplate, type GiveAwayUpdateData } from './give-away-update.template.js';

const data: Omit<GiveAwayUpdateData, 'kind'> = {
  ownerName: 'Kotalahden kyläyhdistys ry',
  claimerName: 'Sorsakosken kyläseura ry',
  claimedByName: 'Eeva Nieminen',
  itemName: 'Tuolit',
  units: 20,
  place: 'Kotalahti',
  note: 'Vanhoja mutta ehjiä',
  claimMessage: 'Haemme torstaina',
  reason: null,
  link: 'https://talkoot.example/organisations/1/lending/give-aways',
};

describe('the give-away mail', () => {
  it('renders every kind in Finnish, Swedish and English with what is given, by whom, to whom', () => {
    for (const kind of giveAwayUpdateKinds)
      for (const language of languages) {
        const mail = renderTemplate('give-away-update', giveAwayUpdateTemplate, { ...data, kind }, language, {
          recipientName: 'Aino',
        });
        expect(mail.subject.length, `${kind} ${language}`).toBeGreaterThan(5);
        expect(mail.text).toContain('20 × Tuolit');
        expect(mail.text).toContain('Kotalahden kyläyhdistys ry');
        expect(mail.text).toContain('Sorsakosken kyläseura ry');
        expect(mail.text).toContain('Vanhoja mutta ehjiä');
        expect(mail.html).toContain(data.link);
      }
  });

  it('shows the claimer’s message to the owner and the owner’s reason to the claimer', () => {
    const claimed = renderTemplate('give-away-update', giveAwayUpdateTemplate, { ...data, kind: 'claimed' }, 'fi');
    expect(claimed.text).toContain('Haemme torstaina');
    expect(claimed.text).toContain('Eeva Nieminen');
    const declined = renderTemplate(
      'give-away-update',
      giveAwayUpdateTemplate,
      { ...data, kind: 'declined', reason: 'Lupasimme ne jo koululle' },
      'sv',
    );
    expect(declined.text).toContain('Lupasimme ne jo koululle');
    expect(declined.text).not.toContain('Haemme torstaina');
  });

  it('refuses data that does not fit, where the mail is made', () => {
    expect(() =>
      renderTemplate('give-away-update', giveAwayUpdateTemplate, { ...data, kind: 'confirmed', units: 0 }, 'en'),
    ).toThrow(/units/);
  });
});
