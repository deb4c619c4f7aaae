import type { Language } from '@talkoot/platform/schemas';
import { formatDayHeading, formatShortDate, HELSINKI, helsinkiDayOf, localeTag } from '@talkoot/platform/time';
import { eventDigestMailDataSchema } from '../mail.schemas.js';
import type { MailBlock, MailContent, MailLinkItem } from '@talkoot/outbox/mail';
import type { MailTemplate, MailTemplateContext } from '@talkoot/outbox/mail';
import { closing, formatHelsinkiClock, greeting } from '@talkoot/outbox/mail';

type Data = ReturnType<typeof eventDigestMailDataSchema.parse>;
type Item = Data['items'][number];

interface Words {
  events: string;
  // "joulukuussa 2026", "i december 2026", "in December 2026".
  inMonth: (month: string, year: string) => string;
  lead: (period: string) => string;
  filter: (filterText: string) => string;
  allEvents: string;
  nothingOn: string;
  at: string;
  allDay: string;
  cancelled: string;
  changed: string;
  place: string;
  organisers: string;
  button: string;
  unsubscribe: string;
}

const words: Record<Language, Words> = {
  fi: {
    events: 'Tapahtumat',
    // Every Finnish month ends in -kuu, so the inessive is always -kuussa.
    inMonth: (month, year) => `${month}ssa ${year}`,
    lead: (period) => `Tässä ovat tapahtumat ${period}.`,
    filter: (filterText) => `Valitsemasi tapahtumat: ${filterText}.`,
    allEvents: 'Mukana ovat kaikki tapahtumat.',
    nothingOn: 'Tällä ajalla ei ole tiedossa yhtään tapahtumaa. Koko kalenterista näet, mitä myöhemmin on tulossa.',
    at: 'klo ',
    allDay: 'koko päivän',
    cancelled: 'PERUTTU',
    changed: 'Muuttunut',
    place: 'Paikka',
    organisers: 'Järjestää',
    button: 'Katso koko kalenteri',
    unsubscribe: 'Lopeta nämä kirjeet yhdellä napsautuksella, kirjautumista ei tarvita:',
  },
  sv: {
    events: 'Evenemang',
    inMonth: (month, year) => `i ${month} ${year}`,
    lead: (period) => `Här är evenemangen ${period}.`,
    filter: (filterText) => `Evenemang du har valt: ${filterText}.`,
    allEvents: 'Alla evenemang är med.',
    nothingOn: 'Vi känner inte till några evenemang under den här tiden. I hela kalendern ser du vad som händer senare.',
    at: 'kl. ',
    allDay: 'hela dagen',
    cancelled: 'INSTÄLLT',
    changed: 'Ändrat',
    place: 'Plats',
    organisers: 'Arrangör',
    button: 'Se hela kalendern',
    unsubscribe: 'Sluta få de här breven med ett klick, du behöver inte logga in:',
  },
  en: {
    events: 'Events',
    inMonth: (month, year) => `in ${month} ${year}`,
    lead: (period) => `Here are the events ${period}.`,
    filter: (filterText) => `The events you chose: ${filterText}.`,
    allEvents: 'All events are included.',
    nothingOn: 'Nothing is on in this period, as far as we know. The whole calendar shows what comes later.',
    at: '',
    allDay: 'all day',
    cancelled: 'CANCELLED',
    changed: 'Changed',
    place: 'Place',
    organisers: 'Organised by',
    button: 'See the whole calendar',
    unsubscribe: 'Stop these letters with one click, no sign-in needed:',
  },
};

// An end at exactly Helsinki midnight closes the day before: "until 7.12. 00.00" means "to 6.12.".
function lastHelsinkiDay(endIso: string): string {
  const end = Date.parse(endIso);
  const justBefore = new Date(end - 1).toISOString();
  return helsinkiDayOf(justBefore) !== helsinkiDayOf(endIso) ? justBefore : endIso;
}

function formatDate(iso: string, language: Language, withYear: boolean): string {
  if (language !== 'en') return formatShortDate(helsinkiDayOf(iso), { withYear });
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: HELSINKI,
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  }).format(new Date(iso));
}

function helsinkiYear(iso: string): string {
  return helsinkiDayOf(iso).slice(0, 4);
}

// "30.11.–6.12.2026" (weekly) or "joulukuussa 2026" (monthly).
function formatPeriod(data: Data, language: Language): string {
  if (data.frequency === 'monthly') {
    const month = new Intl.DateTimeFormat(localeTag(language), { timeZone: HELSINKI, month: 'long' }).format(
      new Date(data.periodStart),
    );
    return words[language].inMonth(month, helsinkiYear(data.periodStart));
  }
  const last = lastHelsinkiDay(data.periodEnd);
  const dash = language === 'en' ? ' – ' : '–';
  return `${formatDate(data.periodStart, language, helsinkiYear(data.periodStart) !== helsinkiYear(last))}${dash}${formatDate(last, language, true)}`;
}

function formatWhen(item: Item, language: Language): string {
  const text = words[language];
  const startDay = helsinkiDayOf(item.startsAt);
  if (item.isAllDay) {
    const last = lastHelsinkiDay(item.endsAt);
    if (helsinkiDayOf(last) <= startDay) return text.allDay;
    return `${text.allDay} ${formatDate(item.startsAt, language, false)}–${formatDate(last, language, false)}`;
  }
  const start = formatHelsinkiClock(item.startsAt, language);
  const end = formatHelsinkiClock(item.endsAt, language);
  if (Date.parse(item.endsAt) <= Date.parse(item.startsAt)) return `${text.at}${start}`;
  if (helsinkiDayOf(item.endsAt) === startDay) return `${text.at}${start}–${end}`;
  return `${text.at}${start} – ${formatDate(item.endsAt, language, false)} ${text.at}${end}`;
}

function toLinkItem(item: Item, language: Language): MailLinkItem {
  const text = words[language];
  const mark = item.isCancelled ? text.cancelled : item.isChanged ? text.changed : undefined;
  const details = [
    ...(item.place.trim() ? [`${text.place}: ${item.place.trim()}`] : []),
    ...(item.organisers.trim() ? [`${text.organisers}: ${item.organisers.trim()}`] : []),
  ];
  return { lead: formatWhen(item, language), ...(mark ? { mark } : {}), title: item.title, href: item.link, details };
}

// All-day events first, then by start; each group is one Helsinki day.
function groupByHelsinkiDay(items: readonly Item[]): Item[][] {
  const sorted = [...items].sort(
    (a, b) =>
      helsinkiDayOf(a.startsAt).localeCompare(helsinkiDayOf(b.startsAt)) ||
      Number(b.isAllDay) - Number(a.isAllDay) ||
      Date.parse(a.startsAt) - Date.parse(b.startsAt),
  );
  const groups = new Map<string, Item[]>();
  for (const item of sorted) {
    const key = helsinkiDayOf(item.startsAt);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

function dayBlocks(items: readonly Item[], language: Language): MailBlock[] {
  if (items.length === 0) return [{ kind: 'paragraph', text: words[language].nothingOn }];
  return groupByHelsinkiDay(items).flatMap((day): MailBlock[] => [
    { kind: 'heading', text: formatDayHeading(helsinkiDayOf(day[0]!.startsAt), language) },
    { kind: 'link-list', items: day.map((item) => toLinkItem(item, language)) },
  ]);
}

function compose(language: Language) {
  return (data: Data, context: MailTemplateContext): MailContent => {
    const text = words[language];
    const period = formatPeriod(data, language);
    return {
      subject: `${text.events} ${period}`,
      blocks: [
        { kind: 'paragraph', text: greeting(language, context.recipientName) },
        { kind: 'paragraph', text: `${text.lead(period)} ${data.filterText ? text.filter(data.filterText) : text.allEvents}` },
        ...dayBlocks(data.items, language),
        { kind: 'button', label: text.button, href: data.calendarLink },
        // Plain and last: one click stops the letters, without signing in (RFC 8058 does the same in the header).
        { kind: 'link-line', text: text.unsubscribe, href: data.unsubscribeLink },
      ],
      closing: closing(language),
    };
  };
}

export const eventDigestTemplate: MailTemplate<typeof eventDigestMailDataSchema> = {
  schema: eventDigestMailDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
