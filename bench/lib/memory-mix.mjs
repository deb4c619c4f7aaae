// The request mix of the memory soak (bench/memory.mjs): what residents, calendar apps and the
// associations' volunteers do to one region's Talkoot, through its public origin.
//
// - public pages: home, calendar list and month views (fi, sv), event pages, venue list and pages;
// - feeds: the region's iCal feed (gzip) and its revalidation (If-None-Match);
// - signed-in people (demo coordinators, signed in once through the developer mailbox): their
//   bookings page, their organisation's events page, the booking form's price check on a venue
//   page (a portal action), a booking request made and cancelled over the api, a draft event
//   created and changed (and, now and then, published far ahead and cancelled, which rebuilds the
//   feeds in the worker);
// - mail bursts: every `burstEverySeconds`, `burstSize` digest sign-ups at once (each sends a
//   confirmation mail through the outbox, the worker and the developer mailbox).
import fs from 'node:fs';
import path from 'node:path';

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const DAY_MS = 86_400_000;

async function json(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

// Signs a demo person in the way a person does it: a sign-in mail, then the link's token.
async function signIn(base, mailDir, email) {
  const requested = await fetch(`${base}/api/auth/sign-in-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, language: 'fi' }),
  });
  if (!requested.ok) throw new Error(`sign-in request for ${email}: ${requested.status}`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const names = fs.existsSync(mailDir) ? fs.readdirSync(mailDir).filter((name) => name.endsWith('.json')) : [];
    for (const name of names.sort().reverse()) {
      let mail;
      try {
        mail = JSON.parse(fs.readFileSync(path.join(mailDir, name), 'utf8'));
      } catch {
        continue;
      }
      const token = mail.to?.includes(email) ? mail.text?.match(/sign-in\/link\?token=([^\s&"<>]+)/)?.[1] : undefined;
      if (!token) continue;
      const session = await fetch(`${base}/api/auth/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: decodeURIComponent(token) }),
      });
      if (!session.ok) throw new Error(`session for ${email}: ${session.status} ${await session.text()}`);
      return (await session.json()).token;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no sign-in mail for ${email} within 30 s`);
}

// Everything the mix needs to know about the demo region, read once before the run.
export async function prepareMix({ base, mailDir, log }) {
  const calendar = await json(await fetch(`${base}/api/calendar`));
  const eventIds = [...new Set((calendar.items ?? []).map((item) => item.eventId))].slice(0, 20);
  const { venues = [] } = await json(await fetch(`${base}/api/venues`));
  const spaces = venues.flatMap((venue) => (venue.spaces ?? []).map((space) => ({ venueId: venue.id, spaceId: space.id })));
  const places = await json(await fetch(`${base}/api/places`));
  const villageIds = (places.regions ?? []).flatMap((region) =>
    region.municipalities.flatMap((municipality) => municipality.villages.map((village) => village.id)),
  );
  const feed = await fetch(`${base}/feeds/calendar.ics`);
  const feedEtag = feed.headers.get('etag') ?? '';
  await feed.arrayBuffer();

  const people = [];
  for (const email of ['aino@example.org', 'matti@example.org', 'eeva@example.org', 'juhani@example.org']) {
    const token = await signIn(base, mailDir, email);
    const me = await json(await fetch(`${base}/api/me`, { headers: { authorization: `Bearer ${token}` } }));
    const organisations = (me.user?.memberships ?? me.memberships ?? [])
      .filter((membership) => membership.role === 'admin' || membership.role === 'coordinator')
      .map((membership) => membership.organisation.id);
    people.push({ email, token, organisations });
  }
  log(
    `mix: ${eventIds.length} events, ${venues.length} venues (${spaces.length} spaces), ${villageIds.length} villages, ${people.length} people signed in`,
  );
  return { eventIds, venues, spaces, villageIds, feedEtag, people };
}

// One step of a client: one or more requests; `send` counts each and records its status by kind.
export function createMix(context, { burstSize }) {
  const { eventIds, venues, spaces, villageIds, feedEtag, people } = context;
  const month = new Date().toISOString().slice(0, 7);
  let serial = 0;
  const asPerson = (person, init = {}) => ({
    ...init,
    headers: { ...(init.headers ?? {}), authorization: `Bearer ${person.token}` },
  });
  const withCookie = (person, init = {}) => ({
    ...init,
    headers: { ...(init.headers ?? {}), cookie: `talkoot_session=${person.token}` },
  });
  const jsonBody = (body) => ({ 'content-type': 'application/json', body: JSON.stringify(body) });
  const post = (body) => {
    const { body: text, ...headers } = jsonBody(body);
    return { method: 'POST', headers, body: text };
  };

  const publicSteps = [
    (send) => send('page', '/'),
    (send) => send('page', '/calendar'),
    (send) => send('page', `/calendar?view=month&month=${month}`),
    (send) => send('page', `/calendar?view=month&month=${month}&lang=sv`),
    (send) => send('page', eventIds.length ? `/events/${pick(eventIds)}` : '/calendar'),
    (send) => send('page', '/venues'),
    (send) => send('page', venues.length ? `/venues/${pick(venues).id}` : '/venues'),
    (send) => send('feed', '/feeds/calendar.ics', { headers: { 'accept-encoding': 'gzip' } }),
    (send) => send('feed', '/feeds/calendar.ics', { headers: { 'if-none-match': feedEtag } }),
  ];

  const signedInSteps = [
    (send) => send('signed-in page', '/bookings', withCookie(pick(people))),
    (send) => {
      const person = pick(people.filter((p) => p.organisations.length));
      return send('signed-in page', `/organisations/${pick(person.organisations)}/events`, withCookie(person));
    },
    // The booking form's price check: a portal action that asks the api for a quote.
    async (send) => {
      if (!spaces.length) return;
      const person = pick(people);
      const { venueId, spaceId } = pick(spaces);
      const date = new Date(Date.now() + (14 + Math.floor(Math.random() * 60)) * DAY_MS).toISOString().slice(0, 10);
      const form = new URLSearchParams({
        spaceId,
        date,
        startTime: '17:00',
        endTime: '19:00',
        title: 'Soak check',
        intent: 'review',
      });
      if (person.organisations.length) form.set('organisationId', pick(person.organisations));
      await send(
        'signed-in action',
        `/venues/${venueId}`,
        withCookie(person, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: context.base },
          body: form.toString(),
        }),
      );
    },
    // A booking request, then its cancellation (the slot is free again; both send mail).
    async (send) => {
      if (!spaces.length) return;
      const person = pick(people);
      const { spaceId } = pick(spaces);
      const day = new Date(Date.now() + (7 + Math.floor(Math.random() * 150)) * DAY_MS);
      day.setUTCHours(8 + Math.floor(Math.random() * 8), 0, 0, 0);
      const answer = await send(
        'booking',
        '/api/bookings',
        asPerson(
          person,
          post({
            spaceId,
            startsAt: day.toISOString(),
            endsAt: new Date(day.getTime() + 2 * 3_600_000).toISOString(),
            title: `Soak ${++serial}`,
            organisationId: person.organisations.length ? pick(person.organisations) : null,
          }),
        ),
        true,
      );
      const id = answer?.booking?.id;
      if (id) await send('booking', `/api/bookings/${id}/cancellation`, asPerson(person, { method: 'POST' }));
    },
    // A draft event created and changed; one in twenty is published two years ahead (out of the
    // month pages people read) and cancelled, which makes the worker rebuild the feeds.
    async (send) => {
      const person = pick(people.filter((p) => p.organisations.length));
      if (!person || !villageIds.length) return;
      const organisation = pick(person.organisations);
      const isPublished = ++serial % 20 === 0;
      const starts = new Date(Date.now() + (isPublished ? 730 : 30 + Math.floor(Math.random() * 200)) * DAY_MS);
      starts.setUTCHours(15, 0, 0, 0);
      const event = {
        title: { fi: `Kyläilta ${serial}` },
        description: { fi: 'Tervetuloa kaikki.' },
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3 * 3_600_000).toISOString(),
        placeName: 'Seurantalo',
        villageId: pick(villageIds),
        category: 'talkoot',
        publish: false,
      };
      const created = await send('event', `/api/organisations/${organisation}/events`, asPerson(person, post(event)), true);
      const eventId = created?.event?.id;
      if (!eventId) return;
      await send(
        'event',
        `/api/organisations/${organisation}/events/${eventId}`,
        asPerson(person, {
          ...post({ description: { fi: 'Tervetuloa kaikki, kahvia tarjolla.' }, audiences: ['families'] }),
          method: 'PATCH',
        }),
      );
      if (!isPublished) return;
      await send(
        'event',
        `/api/organisations/${organisation}/events/${eventId}/publication`,
        asPerson(person, { method: 'POST' }),
      );
      await send(
        'event',
        `/api/organisations/${organisation}/events/${eventId}/cancellation`,
        asPerson(person, { method: 'POST' }),
      );
    },
  ];

  // About four public requests to one signed-in step: most traffic is residents reading.
  const steps = [...publicSteps, ...publicSteps, ...signedInSteps];
  const mailBurst = (send) =>
    Promise.all(
      Array.from({ length: burstSize }, () =>
        send(
          'mail burst',
          '/api/digest-subscriptions',
          post({
            email: `soak-${++serial}-${process.pid}@memory.example`,
            language: pick(['fi', 'sv', 'en']),
            frequency: 'weekly',
          }),
        ),
      ),
    );
  return { steps, mailBurst };
}
