// The scenario builders of @talkoot/testing write rows the api reads as if people had made them:
// every domain's tests start from them, so they are checked against the real routes here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, helsinkiIso as helsinki, signIn, startTestApi } from './testing/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

const nextYear = new Date().getUTCFullYear() + 1;

describe('scenario builders', () => {
  it('build an organisation with a coordinator, a venue with spaces, a booking, an event and an item', async () => {
    const { organisationId, villageId } = await api.build.organisation({ name: 'Kotalahden kyläyhdistys ry' });
    const coordinator = await api.build.user({
      name: 'Kaisa Koordinaattori',
      memberOf: [{ organisationId, role: 'coordinator' }],
    });
    const token = await signIn(api, coordinator.email);
    const members = await call(api, 'GET', `/api/organisations/${organisationId}/members`, { token });
    expect(members.status).toBe(200);
    expect(members.json.members).toEqual([
      expect.objectContaining({ userId: coordinator.id, role: 'coordinator', name: 'Kaisa Koordinaattori' }),
    ]);

    const hall = await api.build.venue({
      organisationId,
      villageId,
      name: 'Kotalahden kylätalo',
      space: { name: 'Koko talo', openingHours: [{ weekday: 1, opens: '08:00', closes: '22:00' }] },
      children: [{ name: 'Sali' }, { name: 'Keittiö' }],
    });
    const venue = await call(api, 'GET', `/api/venues/${hall.venueId}`);
    expect(venue.status).toBe(200);
    expect(venue.json.venue.name).toBe('Kotalahden kylätalo');
    expect(venue.json.venue.spaces.map((space: { name: string }) => space.name).sort()).toEqual(['Keittiö', 'Koko talo', 'Sali']);

    // A booking row occupies its slot: the same time is refused with 409.
    const [, main] = hall.spaceIds;
    const startsAt = helsinki(nextYear, 3, 2, 10);
    const endsAt = helsinki(nextYear, 3, 2, 12);
    await api.build.booking({
      spaceId: main!,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      requesterId: coordinator.id,
      organisationId,
    });
    const taken = await call(api, 'POST', '/api/bookings', {
      token,
      body: { spaceId: main, startsAt, endsAt, title: 'Kevätkokous', organisationId },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.error).toMatchObject({ code: 'conflict', reason: 'booking.slot_taken', conflict: { startsAt, endsAt } });

    const { eventId } = await api.build.event({
      organisationId,
      villageId,
      title: 'Kylätalkoot',
      startsAt: new Date(helsinki(nextYear, 5, 9, 10)),
      endsAt: new Date(helsinki(nextYear, 5, 9, 14)),
    });
    const event = await call(api, 'GET', `/api/events/${eventId}`);
    expect(event.status).toBe(200);
    expect(event.json.event.title).toMatchObject({ fi: 'Kylätalkoot' });

    const itemId = await api.build.item({ organisationId, villageId, name: 'Juhlateltta', quantity: 3 });
    const item = await call(api, 'GET', `/api/lending/items/${itemId}`);
    expect(item.status).toBe(200);
    expect(item.json.item).toMatchObject({ id: itemId, quantity: 3 });
  });
});
