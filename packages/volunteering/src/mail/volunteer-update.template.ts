import type { Language } from '@talkoot/platform/schemas';
import {
  closing,
  formatHelsinkiTimeRange,
  greeting,
  linkFallback,
  type MailBlock,
  type MailContent,
  type MailTemplate,
  type MailTemplateContext,
} from '@talkoot/outbox/mail';
import { z } from 'zod';
import { requirementCodes, type RequirementCode } from '../task.schemas.js';

// Mails to volunteers (confirm, placed, promoted from the waiting list, reminders, a place offered
// to them, task cancelled) and to coordinators (a late withdrawal or "can't come", a swap).
export const volunteerUpdateKinds = [
  'confirmEmail',
  'placed',
  'waiting',
  'promoted',
  'reminder',
  'cancelled',
  'lateWithdrawal',
  'cannotCome',
  'swapOffered',
  'swapTaken',
  'swapHandedOver',
  'swapCoordinator',
] as const;
export type VolunteerUpdateKind = (typeof volunteerUpdateKinds)[number];

export const volunteerUpdateDataSchema = z.object({
  kind: z.enum(volunteerUpdateKinds),
  taskTitle: z.string().min(1),
  organisationName: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  place: z.string(),
  // Whom the mail is about (the volunteer), for a coordinator's mail or a swap.
  volunteerName: z.string(),
  otherName: z.string().default(''),
  contact: z.string().default(''),
  requirements: z.array(z.enum(requirementCodes)).default([]),
  link: z.url({ protocol: /^https?$/ }),
  // "I can't come after all" in a reminder.
  secondLink: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  daysBefore: z.number().int().min(0).max(7).default(0),
});
export type VolunteerUpdateData = z.output<typeof volunteerUpdateDataSchema>;

const requirementWords: Record<Language, Record<RequirementCode, string>> = {
  fi: { hygienePassport: 'Hygieniapassi', drivingLicence: 'Ajokortti', adult: 'Täysi-ikäinen (18+)' },
  sv: { hygienePassport: 'Hygienpass', drivingLicence: 'Körkort', adult: 'Myndig (18+)' },
  en: { hygienePassport: 'Hygiene passport', drivingLicence: 'Driving licence', adult: 'Aged 18 or over' },
};

interface Words {
  subject: Record<VolunteerUpdateKind, (d: VolunteerUpdateData) => string>;
  lead: Record<VolunteerUpdateKind, (d: VolunteerUpdateData) => string>;
  button: Record<VolunteerUpdateKind, string>;
  cannotCome: string;
  facts: { task: string; when: string; place: string; organisation: string; contact: string; requirements: string };
}

const words: Record<Language, Words> = {
  fi: {
    subject: {
      confirmEmail: (d) => `Vahvista talkoovuorosi: ${d.taskTitle}`,
      placed: (d) => `Olet mukana: ${d.taskTitle}`,
      waiting: (d) => `Olet jonossa: ${d.taskTitle}`,
      promoted: (d) => `Sait paikan: ${d.taskTitle}`,
      reminder: (d) => `Muistutus talkoovuorosta: ${d.taskTitle}`,
      cancelled: (d) => `Talkootyö peruttiin: ${d.taskTitle}`,
      lateWithdrawal: (d) => `${d.volunteerName} perui vuoronsa: ${d.taskTitle}`,
      cannotCome: (d) => `${d.volunteerName} ei pääse: ${d.taskTitle}`,
      swapOffered: (d) => `${d.volunteerName} tarjoaa sinulle talkoovuoroa`,
      swapTaken: (d) => `Vuorosi siirtyi: ${d.taskTitle}`,
      swapHandedOver: (d) => `Otit vuoron: ${d.taskTitle}`,
      swapCoordinator: (d) => `Vuoro vaihtoi tekijää: ${d.taskTitle}`,
    },
    lead: {
      confirmEmail: () =>
        'Kiitos ilmoittautumisesta! Vahvista paikkasi linkistä 48 tunnin kuluessa, muuten paikka vapautuu muille.',
      placed: () => 'Kiitos! Paikkasi on varattu. Muistutamme kolme päivää ja päivää ennen vuoroa.',
      waiting: () => 'Vuoro on täynnä, joten olet jonossa. Jos paikka vapautuu, saat sen automaattisesti ja tästä viestin.',
      promoted: () => 'Paikka vapautui ja se on nyt sinun. Jos et pääse, peru vuoro, jotta seuraava jonossa saa sen.',
      reminder: (d) =>
        `Talkoovuorosi on ${d.daysBefore === 1 ? 'huomenna' : `${d.daysBefore} päivän päästä`}. Kerrotko, tuletko?`,
      cancelled: (d) => `${d.organisationName} perui talkootyön. Kiitos, että ilmoittauduit!`,
      lateWithdrawal: (d) => `${d.volunteerName} perui paikkansa alle peruutusajan ennen vuoroa. Paikka on nyt vapaa.`,
      cannotCome: (d) =>
        `${d.volunteerName} ilmoitti, ettei pääse vuoroon. Paikka annettiin jonossa seuraavalle, jos joku odotti.`,
      swapOffered: (d) => `${d.volunteerName} ei pääse vuoroonsa ja tarjoaa sen sinulle. Ensimmäinen ottaja saa paikan.`,
      swapTaken: (d) => `${d.otherName} otti vuorosi. Sinun ei tarvitse tulla. Kiitos!`,
      swapHandedOver: (d) => `Otit vuoron henkilöltä ${d.otherName}. Kiitos!`,
      swapCoordinator: (d) => `${d.otherName} otti vuoron henkilöltä ${d.volunteerName}.`,
    },
    button: {
      confirmEmail: 'Vahvista paikka',
      placed: 'Katso talkoovuorosi',
      waiting: 'Katso talkoovuorosi',
      promoted: 'Katso talkoovuorosi',
      reminder: 'Tulen',
      cancelled: 'Katso muut talkootyöt',
      lateWithdrawal: 'Katso talkootyö',
      cannotCome: 'Katso talkootyö',
      swapOffered: 'Ota vuoro',
      swapTaken: 'Katso talkoovuorosi',
      swapHandedOver: 'Katso talkoovuorosi',
      swapCoordinator: 'Katso talkootyö',
    },
    cannotCome: 'En pääsekään',
    facts: {
      task: 'Talkootyö',
      when: 'Aika',
      place: 'Paikka',
      organisation: 'Järjestäjä',
      contact: 'Yhteyshenkilö',
      requirements: 'Vaatimukset',
    },
  },
  sv: {
    subject: {
      confirmEmail: (d) => `Bekräfta ditt talkopass: ${d.taskTitle}`,
      placed: (d) => `Du är med: ${d.taskTitle}`,
      waiting: (d) => `Du står i kö: ${d.taskTitle}`,
      promoted: (d) => `Du fick en plats: ${d.taskTitle}`,
      reminder: (d) => `Påminnelse om talkopass: ${d.taskTitle}`,
      cancelled: (d) => `Talkoarbetet ställdes in: ${d.taskTitle}`,
      lateWithdrawal: (d) => `${d.volunteerName} avbokade sitt pass: ${d.taskTitle}`,
      cannotCome: (d) => `${d.volunteerName} kan inte komma: ${d.taskTitle}`,
      swapOffered: (d) => `${d.volunteerName} erbjuder dig ett talkopass`,
      swapTaken: (d) => `Ditt pass togs över: ${d.taskTitle}`,
      swapHandedOver: (d) => `Du tog över passet: ${d.taskTitle}`,
      swapCoordinator: (d) => `Passet bytte person: ${d.taskTitle}`,
    },
    lead: {
      confirmEmail: () => 'Tack för din anmälan! Bekräfta din plats via länken inom 48 timmar, annars går platsen till andra.',
      placed: () => 'Tack! Din plats är bokad. Vi påminner tre dagar och en dag före passet.',
      waiting: () => 'Passet är fullt, så du står i kö. Om en plats blir ledig får du den automatiskt och ett meddelande om det.',
      promoted: () => 'En plats blev ledig och den är nu din. Om du inte kan komma, avboka så att nästa i kön får den.',
      reminder: (d) => `Ditt talkopass är ${d.daysBefore === 1 ? 'i morgon' : `om ${d.daysBefore} dagar`}. Berätta om du kommer.`,
      cancelled: (d) => `${d.organisationName} ställde in talkoarbetet. Tack för att du anmälde dig!`,
      lateWithdrawal: (d) => `${d.volunteerName} avbokade sin plats efter avbokningstiden. Platsen är nu ledig.`,
      cannotCome: (d) => `${d.volunteerName} meddelade att hen inte kan komma. Platsen gick till nästa i kön, om någon väntade.`,
      swapOffered: (d) => `${d.volunteerName} kan inte komma och erbjuder sitt pass till dig. Den som först tar det får platsen.`,
      swapTaken: (d) => `${d.otherName} tog över ditt pass. Du behöver inte komma. Tack!`,
      swapHandedOver: (d) => `Du tog över passet från ${d.otherName}. Tack!`,
      swapCoordinator: (d) => `${d.otherName} tog över passet från ${d.volunteerName}.`,
    },
    button: {
      confirmEmail: 'Bekräfta platsen',
      placed: 'Se dina talkopass',
      waiting: 'Se dina talkopass',
      promoted: 'Se dina talkopass',
      reminder: 'Jag kommer',
      cancelled: 'Se andra talkoarbeten',
      lateWithdrawal: 'Se talkoarbetet',
      cannotCome: 'Se talkoarbetet',
      swapOffered: 'Ta passet',
      swapTaken: 'Se dina talkopass',
      swapHandedOver: 'Se dina talkopass',
      swapCoordinator: 'Se talkoarbetet',
    },
    cannotCome: 'Jag kan inte komma',
    facts: {
      task: 'Talkoarbete',
      when: 'Tid',
      place: 'Plats',
      organisation: 'Arrangör',
      contact: 'Kontaktperson',
      requirements: 'Krav',
    },
  },
  en: {
    subject: {
      confirmEmail: (d) => `Confirm your volunteer shift: ${d.taskTitle}`,
      placed: (d) => `You are in: ${d.taskTitle}`,
      waiting: (d) => `You are on the waiting list: ${d.taskTitle}`,
      promoted: (d) => `You got a place: ${d.taskTitle}`,
      reminder: (d) => `Reminder of your volunteer shift: ${d.taskTitle}`,
      cancelled: (d) => `Volunteer task cancelled: ${d.taskTitle}`,
      lateWithdrawal: (d) => `${d.volunteerName} withdrew from a shift: ${d.taskTitle}`,
      cannotCome: (d) => `${d.volunteerName} cannot come: ${d.taskTitle}`,
      swapOffered: (d) => `${d.volunteerName} offers you a volunteer shift`,
      swapTaken: (d) => `Your shift was taken over: ${d.taskTitle}`,
      swapHandedOver: (d) => `You took over a shift: ${d.taskTitle}`,
      swapCoordinator: (d) => `A shift changed hands: ${d.taskTitle}`,
    },
    lead: {
      confirmEmail: () => 'Thank you for signing up! Confirm your place with the link within 48 hours, or it goes to others.',
      placed: () => 'Thank you! Your place is booked. We will remind you three days and one day before the shift.',
      waiting: () =>
        'The shift is full, so you are on the waiting list. If a place frees up, you get it automatically and a message.',
      promoted: () => 'A place freed up and it is now yours. If you cannot come, withdraw so that the next in line gets it.',
      reminder: (d) => `Your volunteer shift is ${d.daysBefore === 1 ? 'tomorrow' : `in ${d.daysBefore} days`}. Will you come?`,
      cancelled: (d) => `${d.organisationName} cancelled the volunteer task. Thank you for signing up!`,
      lateWithdrawal: (d) => `${d.volunteerName} withdrew after the cut-off before the shift. The place is free now.`,
      cannotCome: (d) => `${d.volunteerName} said they cannot come. The place went to the next in line, if someone was waiting.`,
      swapOffered: (d) => `${d.volunteerName} cannot come and offers their shift to you. Whoever takes it first gets the place.`,
      swapTaken: (d) => `${d.otherName} took over your shift. You do not need to come. Thank you!`,
      swapHandedOver: (d) => `You took over the shift from ${d.otherName}. Thank you!`,
      swapCoordinator: (d) => `${d.otherName} took over the shift from ${d.volunteerName}.`,
    },
    button: {
      confirmEmail: 'Confirm the place',
      placed: 'See your shifts',
      waiting: 'See your shifts',
      promoted: 'See your shifts',
      reminder: "I'm coming",
      cancelled: 'See other volunteer tasks',
      lateWithdrawal: 'See the task',
      cannotCome: 'See the task',
      swapOffered: 'Take the shift',
      swapTaken: 'See your shifts',
      swapHandedOver: 'See your shifts',
      swapCoordinator: 'See the task',
    },
    cannotCome: "I can't come after all",
    facts: {
      task: 'Task',
      when: 'When',
      place: 'Place',
      organisation: 'Organiser',
      contact: 'Contact person',
      requirements: 'Requirements',
    },
  },
};

function compose(language: Language) {
  return (data: VolunteerUpdateData, context: MailTemplateContext): MailContent => {
    const w = words[language];
    const rows: [string, string][] = [
      [w.facts.task, data.taskTitle],
      [w.facts.when, formatHelsinkiTimeRange(data.startsAt, data.endsAt, language)],
      [w.facts.organisation, data.organisationName],
    ];
    if (data.place) rows.push([w.facts.place, data.place]);
    if (data.contact) rows.push([w.facts.contact, data.contact]);
    const blocks: MailBlock[] = [
      { kind: 'paragraph', text: greeting(language, context.recipientName) },
      { kind: 'paragraph', text: w.lead[data.kind](data) },
      { kind: 'facts', rows },
    ];
    if (data.requirements.length)
      blocks.push({
        kind: 'list',
        label: w.facts.requirements,
        items: data.requirements.map((code) => requirementWords[language][code]),
      });
    blocks.push({ kind: 'button', label: w.button[data.kind], href: data.link });
    if (data.secondLink) blocks.push({ kind: 'button', label: w.cannotCome, href: data.secondLink });
    blocks.push({ kind: 'link-fallback', text: linkFallback(language), href: data.link });
    return { subject: w.subject[data.kind](data), blocks, closing: closing(language) };
  };
}

export const volunteerUpdateTemplate: MailTemplate<typeof volunteerUpdateDataSchema> = {
  schema: volunteerUpdateDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
