import { describe, expect, it } from 'vitest';
import type { EventDigestMailData } from '../mail.schemas.js';
import { escapeHtml } from '@talkoot/outbox/mail';
import { renderMail } from './render-mail.js';

const languages = ['fi', 'sv', 'en'] as const;
type Language = (typeof languages)[number];
type Item = EventDigestMailData['items'][number];

const calendarLink = 'https://talkoot.example/events?village=rautalampi&lang=fi';
const unsubscribeLink = 'https://talkoot.example/digest/stop?token=xyz789&lang=fi';

function item(extra: Partial<Item> & Pick<Item, 'title' | 'startsAt' | 'endsAt'>): Item {
  return {
    isAllDay: false,
    place: '',
    organisers: '',
    link: 'https://talkoot.example/events/1',
    isCancelled: false,
    isChanged: false,
    ...extra,
  };
}

// Monday 30 November to Sunday 6 December 2026, Helsinki winter time (UTC+2); the end is the next midnight.
const week = {
  frequency: 'weekly',
  periodStart: '2026-11-29T22:00:00.000Z',
  periodEnd: '2026-12-06T22:00:00.000Z',
  filterText: 'Rautalampi · seniorit',
  calendarLink,
  unsubscribeLink,
  items: [
    // 00.30 on Tuesday in Helsinki, though still Monday in UTC.
    item({
      title: 'Yökävely',
      startsAt: '2026-11-30T22:30:00.000Z',
      endsAt: '2026-11-30T23:30:00.000Z',
      link: 'https://talkoot.example/events/2',
    }),
    item({
      title: 'Kuoroilta',
      startsAt: '2026-11-30T15:00:00.000Z',
      endsAt: '2026-11-30T17:00:00.000Z',
      place: 'Kotalahden kylätalo',
      organisers: 'Kotalahden kyläyhdistys',
      isCancelled: true,
      link: 'https://talkoot.example/events/1',
    }),
    item({
      title: 'Joulumyyjäiset',
      startsAt: '2026-12-04T22:00:00.000Z',
      endsAt: '2026-12-05T22:00:00.000Z',
      isAllDay: true,
      isChanged: true,
      link: 'https://talkoot.example/events/3',
    }),
  ],
} satisfies EventDigestMailData;

function render(language: Language, extra: Partial<EventDigestMailData> = {}) {
  return renderMail({ template: 'event-digest', language, data: { ...week, ...extra } });
}

const expected: Record<
  Language,
  {
    subject: string;
    lead: string;
    days: [string, string, string];
    cancelled: string;
    night: string;
    allDay: string;
    details: string[];
    nothingOn: string;
    button: string;
    unsubscribe: string;
  }
> = {
  fi: {
    subject: 'Tapahtumat 30.11.–6.12.2026',
    lead: 'Tässä ovat tapahtumat 30.11.–6.12.2026. Valitsemasi tapahtumat: Rautalampi · seniorit.',
    days: ['maanantai 30.11.', 'tiistai 1.12.', 'lauantai 5.12.'],
    cancelled: '- klo 17.00–19.00 PERUTTU: Kuoroilta',
    night: '- klo 00.30–01.30 Yökävely',
    allDay: '- koko päivän Muuttunut: Joulumyyjäiset',
    details: ['  Paikka: Kotalahden kylätalo', '  Järjestää: Kotalahden kyläyhdistys'],
    nothingOn: 'Tällä ajalla ei ole tiedossa yhtään tapahtumaa.',
    button: 'Katso koko kalenteri',
    unsubscribe: 'Lopeta nämä kirjeet yhdellä napsautuksella, kirjautumista ei tarvita:',
  },
  sv: {
    subject: 'Evenemang 30.11.–6.12.2026',
    lead: 'Här är evenemangen 30.11.–6.12.2026. Evenemang du har valt: Rautalampi · seniorit.',
    days: ['måndag 30.11.', 'tisdag 1.12.', 'lördag 5.12.'],
    cancelled: '- kl. 17.00–19.00 INSTÄLLT: Kuoroilta',
    night: '- kl. 00.30–01.30 Yökävely',
    allDay: '- hela dagen Ändrat: Joulumyyjäiset',
    details: ['  Plats: Kotalahden kylätalo', '  Arrangör: Kotalahden kyläyhdistys'],
    nothingOn: 'Vi känner inte till några evenemang under den här tiden.',
    button: 'Se hela kalendern',
    unsubscribe: 'Sluta få de här breven med ett klick, du behöver inte logga in:',
  },
  en: {
    subject: 'Events 30 November – 6 December 2026',
    lead: 'Here are the events 30 November – 6 December 2026. The events you chose: Rautalampi · seniorit.',
    days: ['Monday 30 November', 'Tuesday 1 December', 'Saturday 5 December'],
    cancelled: '- 17:00–19:00 CANCELLED: Kuoroilta',
    night: '- 00:30–01:30 Yökävely',
    allDay: '- all day Changed: Joulumyyjäiset',
    details: ['  Place: Kotalahden kylätalo', '  Organised by: Kotalahden kyläyhdistys'],
    nothingOn: 'Nothing is on in this period, as far as we know.',
    button: 'See the whole calendar',
    unsubscribe: 'Stop these letters with one click, no sign-in needed:',
  },
};

describe('event-digest mail', () => {
  for (const language of languages) {
    const words = expected[language];

    it(`lists the week's events in ${language} under Helsinki days, in order, with times, places and organisers`, () => {
      const mail = render(language);
      expect(mail.subject).toBe(words.subject);
      expect(mail.text).toContain(words.lead);
      const positions = [words.days[0], words.cancelled, words.days[1], words.night, words.days[2], words.allDay].map((part) =>
        mail.text.indexOf(part),
      );
      expect(positions).not.toContain(-1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(mail.text).toContain([words.cancelled, ...words.details, '  https://talkoot.example/events/1'].join('\n'));
      for (const day of words.days)
        expect(mail.html).toContain(`<h2 style="margin:28px 0 8px;font-size:22px;line-height:1.3;">${day}</h2>`);
    });

    it(`marks cancelled and changed events in words in ${language}, not by colour alone`, () => {
      const mail = render(language);
      const [cancelled, changed] =
        language === 'fi' ? ['PERUTTU', 'Muuttunut'] : language === 'sv' ? ['INSTÄLLT', 'Ändrat'] : ['CANCELLED', 'Changed'];
      expect(mail.html).toContain(`<strong>${cancelled}:</strong> <a href="https://talkoot.example/events/1"`);
      expect(mail.html).toContain(`<strong>${changed}:</strong> <a href="https://talkoot.example/events/3"`);
      expect(mail.html).toMatch(/<a href="https:\/\/talkoot\.example\/events\/2"[^>]*>Yökävely<\/a>/);
    });

    it(`ends with the calendar button and a plain one-click unsubscribe line in ${language}`, () => {
      const mail = render(language);
      expect(mail.text).toContain(`${words.button}:\n${calendarLink}`);
      expect(mail.text).toContain(`${words.unsubscribe}\n${unsubscribeLink}`);
      expect(mail.text.indexOf(words.unsubscribe)).toBeGreaterThan(mail.text.indexOf(words.button));
      expect(mail.html).toContain(`href="${escapeHtml(calendarLink)}"`);
      expect(mail.html).toContain(`${words.unsubscribe} <a href="${escapeHtml(unsubscribeLink)}"`);
    });

    it(`says kindly in ${language} when nothing is on`, () => {
      const mail = render(language, { items: [] });
      expect(mail.text).toContain(words.nothingOn);
      expect(mail.html).not.toContain('<h2');
      expect(mail.text).toContain(unsubscribeLink);
    });
  }

  it('shows local times on both sides of the summer-time changes', () => {
    // Summer time ended at 04.00 on 25 October 2026 (UTC+2 after); it began at 03.00 on 29 March 2026 (UTC+3).
    const autumn = item({ title: 'Syysretki', startsAt: '2026-10-25T15:00:00.000Z', endsAt: '2026-10-25T16:00:00.000Z' });
    const spring = item({ title: 'Kevätretki', startsAt: '2026-03-29T15:00:00.000Z', endsAt: '2026-03-29T16:00:00.000Z' });
    expect(render('fi', { items: [autumn] }).text).toContain('- klo 17.00–18.00 Syysretki');
    expect(render('fi', { items: [spring] }).text).toContain('- klo 18.00–19.00 Kevätretki');
    expect(render('sv', { items: [autumn] }).text).toContain('- kl. 17.00–18.00 Syysretki');
    expect(render('en', { items: [spring] }).text).toContain('- 18:00–19:00 Kevätretki');
  });

  it('names the month of a monthly letter', () => {
    const october = {
      frequency: 'monthly',
      periodStart: '2026-09-30T21:00:00.000Z',
      periodEnd: '2026-10-31T22:00:00.000Z',
    } as const;
    expect(render('fi', october).subject).toBe('Tapahtumat lokakuussa 2026');
    expect(render('sv', october).subject).toBe('Evenemang i oktober 2026');
    expect(render('en', october).subject).toBe('Events in October 2026');
    expect(render('fi', october).text).toContain('Tässä ovat tapahtumat lokakuussa 2026.');
    const december = {
      frequency: 'monthly',
      periodStart: '2026-11-30T22:00:00.000Z',
      periodEnd: '2026-12-31T22:00:00.000Z',
    } as const;
    expect(render('fi', december).subject).toBe('Tapahtumat joulukuussa 2026');
  });

  it('prints both years of a week that crosses the new year', () => {
    const mail = render('fi', { periodStart: '2026-12-27T22:00:00.000Z', periodEnd: '2027-01-03T22:00:00.000Z', items: [] });
    expect(mail.subject).toBe('Tapahtumat 28.12.2026–3.1.2027');
  });

  it('says every event is included when no filter was chosen', () => {
    expect(render('fi', { filterText: '' }).text).toContain(
      'Tässä ovat tapahtumat 30.11.–6.12.2026. Mukana ovat kaikki tapahtumat.',
    );
    expect(render('en', { filterText: '' }).text).toContain('All events are included.');
  });

  it('escapes every text from the calendar in HTML and keeps it as written in the text part', () => {
    const hostile = '<script>alert("x")</script> & Co';
    const mail = render('en', {
      filterText: hostile,
      items: [
        item({
          title: hostile,
          place: `<img src=x onerror=alert(1)>`,
          organisers: `"Quoted" & 'single'`,
          startsAt: '2026-12-01T10:00:00.000Z',
          endsAt: '2026-12-01T11:00:00.000Z',
          link: 'https://talkoot.example/events/9?a=1&b="2"',
        }),
      ],
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(mail.html).toContain('&quot;Quoted&quot; &amp; &#39;single&#39;');
    expect(mail.html).not.toContain('b="2"');
    expect(mail.text).toContain(`- 12:00–13:00 ${hostile}`);
    expect(mail.text).toContain('  Place: <img src=x onerror=alert(1)>');
  });

  it('refuses links that are not http(s)', () => {
    expect(() => render('fi', { unsubscribeLink: 'javascript:alert(1)' })).toThrow(/unsubscribeLink/);
    expect(() =>
      render('fi', {
        items: [
          item({
            title: 'x',
            startsAt: '2026-12-01T10:00:00.000Z',
            endsAt: '2026-12-01T11:00:00.000Z',
            link: 'data:text/html,x',
          }),
        ],
      }),
    ).toThrow(/items\.0\.link/);
  });
});
