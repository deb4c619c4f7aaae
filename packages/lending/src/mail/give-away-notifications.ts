import type { EntityManager } from '@mikro-orm/postgresql';
import { enqueueMail, renderTemplate } from '@talkoot/outbox/mail';
import { pickLocalized } from '@talkoot/platform/schemas';
import type { GiveAwayOffer } from '../give-away.entity.js';
import { ownerCoordinators } from '../lending.sql.js';
import { type GiveAwayUpdateKind, giveAwayUpdateTemplate, isGiveAwayOwnerMail } from './give-away-update.template.js';

// Writes a give-away mail into the caller's transaction (the outbox), in each reader's language:
// a claim to the owner's coordinators, the owner's answer to the claimer's. `offer` is loaded with
// `offerPopulate`; `claimer` names the organisation that claimed when the offer no longer does.
export async function notifyGiveAway(
  em: EntityManager,
  offer: GiveAwayOffer,
  kind: GiveAwayUpdateKind,
  input: {
    publicOrigin: string;
    claimer: { id: string; name: string };
    claimedByName: string;
    claimMessage: string;
    reason?: string | null;
  },
): Promise<void> {
  const toOwner = isGiveAwayOwnerMail(kind);
  const organisationId = toOwner ? offer.owner.id : input.claimer.id;
  const recipients = (await ownerCoordinators(em, [organisationId])).get(organisationId) ?? [];
  const link = `${input.publicOrigin}/organisations/${organisationId}/lending/give-aways`;
  const item = offer.item;
  const place = item.address ? `${item.address}, ${item.village.name}` : item.village.name;
  for (const recipient of recipients) {
    const language = recipient.language;
    const rendered = renderTemplate(
      'give-away-update',
      giveAwayUpdateTemplate,
      {
        kind,
        ownerName: offer.owner.name,
        claimerName: input.claimer.name,
        claimedByName: input.claimedByName,
        itemName: pickLocalized(item.name, language) ?? '',
        units: offer.units,
        place,
        note: offer.note,
        claimMessage: input.claimMessage,
        reason: input.reason ?? null,
        link,
      },
      language,
      { recipientName: recipient.name },
    );
    enqueueMail(em, {
      to: recipient.email,
      toName: recipient.name,
      language,
      template: `give-away.${kind}`,
      rendered,
    });
  }
}
