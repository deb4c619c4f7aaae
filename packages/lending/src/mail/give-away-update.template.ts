import type { Language } from '@talkoot/platform/schemas';
import {
  closing,
  greeting,
  linkFallback,
  type MailBlock,
  type MailContent,
  type MailTemplate,
  type MailTemplateContext,
} from '@talkoot/outbox/mail';
import { z } from 'zod';

// The owner's coordinators hear of a claim; the claimer's coordinators of the owner's answer
// (confirmed, declined) and of an offer withdrawn after they claimed it.
export const giveAwayUpdateKinds = ['claimed', 'confirmed', 'declined', 'withdrawn'] as const;
export type GiveAwayUpdateKind = (typeof giveAwayUpdateKinds)[number];

export const giveAwayUpdateDataSchema = z.object({
  kind: z.enum(giveAwayUpdateKinds),
  ownerName: z.string(),
  claimerName: z.string(),
  // The person who claimed, for the owner to call.
  claimedByName: z.string(),
  itemName: z.string(),
  units: z.number().int().min(1),
  place: z.string(),
  note: z.string(),
  claimMessage: z.string(),
  reason: z.string().nullable(),
  link: z.url({ protocol: /^https?$/ }),
});
export type GiveAwayUpdateData = z.output<typeof giveAwayUpdateDataSchema>;

interface Words {
  subject: Record<GiveAwayUpdateKind, string>;
  lead: Record<GiveAwayUpdateKind, (data: GiveAwayUpdateData) => string>;
  facts: { what: string; owner: string; claimer: string; place: string };
  note: string;
  message: string;
  reason: string;
  button: { owner: string; claimer: string };
}

const words: Record<Language, Words> = {
  fi: {
    subject: {
      claimed: 'Joku haluaa kierrätystavaranne',
      confirmed: 'Kierrätystavarat ovat nyt teidän',
      declined: 'Kierrätystavaroita ei annettu teille',
      withdrawn: 'Kierrätystarjous peruttiin',
    },
    lead: {
      claimed: (d) =>
        `${d.claimerName} haluaa tavarat, jotka tarjositte annettavaksi. Vahvista tai hylkää Talkoot-palvelussa. Kysyjä: ${d.claimedByName}.`,
      confirmed: (d) =>
        `${d.ownerName} vahvisti: tavarat ovat nyt teidän, ja ne ovat omien tarvikkeidenne listalla. Sopikaa nouto omistajan kanssa ja kirjoittakaa tarvikkeelle säilytyspaikka.`,
      declined: (d) => `${d.ownerName} ei antanut tavaroita teille tällä kertaa.`,
      withdrawn: (d) => `${d.ownerName} perui tarjouksen, joten tavaroita ei anneta.`,
    },
    facts: { what: 'Tavarat', owner: 'Antaja', claimer: 'Saaja', place: 'Missä ne ovat' },
    note: 'Antajan huomiot',
    message: 'Saajan viesti',
    reason: 'Perustelu',
    button: { owner: 'Käsittele kierrätys', claimer: 'Katso kierrätys' },
  },
  sv: {
    subject: {
      claimed: 'Någon vill ha er återbruksutrustning',
      confirmed: 'Återbruksutrustningen är nu er',
      declined: 'Återbruksutrustningen gavs inte till er',
      withdrawn: 'Återbrukserbjudandet återkallades',
    },
    lead: {
      claimed: (d) =>
        `${d.claimerName} vill ha utrustningen som ni erbjöd att ge bort. Bekräfta eller avslå i Talkoot. Frågade: ${d.claimedByName}.`,
      confirmed: (d) =>
        `${d.ownerName} bekräftade: utrustningen är nu er och finns i er egen lista. Kom överens om hämtningen med givaren och skriv in var den förvaras.`,
      declined: (d) => `${d.ownerName} gav inte utrustningen till er den här gången.`,
      withdrawn: (d) => `${d.ownerName} återkallade erbjudandet, så utrustningen ges inte bort.`,
    },
    facts: { what: 'Utrustning', owner: 'Givare', claimer: 'Mottagare', place: 'Var den finns' },
    note: 'Givarens anteckningar',
    message: 'Mottagarens meddelande',
    reason: 'Motivering',
    button: { owner: 'Hantera återbruket', claimer: 'Se återbruket' },
  },
  en: {
    subject: {
      claimed: 'Someone would like what you give away',
      confirmed: 'The given-away equipment is now yours',
      declined: 'The given-away equipment was not given to you',
      withdrawn: 'The give-away offer was withdrawn',
    },
    lead: {
      claimed: (d) =>
        `${d.claimerName} would like the equipment you offered to give away. Confirm or decline in Talkoot. Asked by: ${d.claimedByName}.`,
      confirmed: (d) =>
        `${d.ownerName} confirmed: the equipment is now yours and is on your own list of equipment. Agree the pick-up with the giver and enter where it is kept.`,
      declined: (d) => `${d.ownerName} did not give the equipment to you this time.`,
      withdrawn: (d) => `${d.ownerName} withdrew the offer, so the equipment is not given away.`,
    },
    facts: { what: 'Equipment', owner: 'Giver', claimer: 'Receiver', place: 'Where it is' },
    note: 'The giver’s notes',
    message: 'The receiver’s message',
    reason: 'Reason',
    button: { owner: 'Handle the give-away', claimer: 'See the give-away' },
  },
};

export function isGiveAwayOwnerMail(kind: GiveAwayUpdateKind): boolean {
  return kind === 'claimed';
}

function compose(language: Language) {
  return (data: GiveAwayUpdateData, context: MailTemplateContext): MailContent => {
    const w = words[language];
    const blocks: MailBlock[] = [
      { kind: 'paragraph', text: greeting(language, context.recipientName) },
      { kind: 'paragraph', text: w.lead[data.kind](data) },
      {
        kind: 'facts',
        rows: [
          [w.facts.what, `${data.units} × ${data.itemName}`],
          [w.facts.owner, data.ownerName],
          [w.facts.claimer, data.claimerName],
          [w.facts.place, data.place],
        ],
      },
    ];
    if (data.note) blocks.push({ kind: 'list', label: w.note, items: [data.note] });
    if (data.claimMessage && data.kind === 'claimed') blocks.push({ kind: 'list', label: w.message, items: [data.claimMessage] });
    if (data.reason) blocks.push({ kind: 'list', label: w.reason, items: [data.reason] });
    const label = isGiveAwayOwnerMail(data.kind) ? w.button.owner : w.button.claimer;
    blocks.push(
      { kind: 'button', label, href: data.link },
      { kind: 'link-fallback', text: linkFallback(language), href: data.link },
    );
    return { subject: w.subject[data.kind], blocks, closing: closing(language) };
  };
}

export const giveAwayUpdateTemplate: MailTemplate<typeof giveAwayUpdateDataSchema> = {
  schema: giveAwayUpdateDataSchema,
  compose: { fi: compose('fi'), sv: compose('sv'), en: compose('en') },
};
