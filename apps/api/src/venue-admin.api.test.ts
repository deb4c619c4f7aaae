import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  ORIGIN,
  addMember,
  call,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

let api: TestApi;
let villageId: string;
let ownerId: string;
let otherId: string;
const tokens = { admin: '', coordinator: '', member: '', otherCoordinator: '' };

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  ownerId = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  otherId = await makeOrganisation(api, villageId, 'Rautalammin Urheiluseura ry');
  const people = {
    admin: await makeUser(api),
    coordinator: await makeUser(api),
    member: await makeUser(api),
    otherCoordinator: await makeUser(api),
  };
  await addMember(api, people.admin.id, ownerId, 'admin');
  await addMember(api, people.coordinator.id, ownerId, 'coordinator');
  await addMember(api, people.member.id, ownerId, 'member');
  await addMember(api, people.otherCoordinator.id, otherId, 'coordinator');
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) tokens[role] = await signIn(api, people[role].email);
});
afterAll(async () => {
  await api?.close();
});

async function makeHall(organisationId = ownerId, token = tokens.coordinator) {
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/venues`, {
    token,
    body: { villageId, name: 'Kerkonkosken kylätalo', address: 'Koulutie 2, Rautalampi', capacity: 80 },
  });
  expect(created.status, created.text).toBe(201);
  const venueId = created.json.venue.id as string;
  const space = await call(api, 'POST', `/api/organisations/${organisationId}/venues/${venueId}/spaces`, {
    token,
    body: { name: 'Sali', minMinutes: 60, maxMinutes: 240 },
  });
  expect(space.status, space.text).toBe(201);
  return {
    venueId,
    spaceId: space.json.venue.spaces[0].id as string,
    base: `/api/organisations/${organisationId}/venues/${venueId}`,
  };
}

function upload(base: string, bytes: Buffer, options: { token?: string; altText?: string; contentType?: string } = {}) {
  const query = options.altText === undefined ? '' : `?altText=${encodeURIComponent(options.altText)}`;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'image/jpeg' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return fetch(`${api.url}${base}/photos${query}`, { method: 'POST', headers, body: new Uint8Array(bytes) }).then(
    async (response) => ({
      status: response.status,
      json: (await response.json().catch(() => undefined)) as any,
    }),
  );
}

// A landscape camera photo, taken with the phone turned: EXIF orientation 6 means "rotate 90°".
const cameraPhoto = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#3a7a4c' } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret Camera Owner' } } })
    .toBuffer();

describe('the owners edit a venue', () => {
  it('shows the owners the key instructions and the secret calendar address', async () => {
    const hall = await makeHall();
    const response = await call(api, 'GET', hall.base, { token: tokens.admin });
    expect(response.status, response.text).toBe(200);
    expect(response.json.venue.keyInstructions).toBeNull();
    expect(response.json.venue.privateFeedUrl).toMatch(
      new RegExp(`^${ORIGIN}/feeds/venues/${hall.venueId}/[A-Za-z0-9_-]{20,}\\.ics$`),
    );
    // The public view never shows them.
    const publicView = await call(api, 'GET', `/api/venues/${hall.venueId}`);
    expect(publicView.json.venue.keyInstructions).toBeUndefined();
    expect(publicView.json.venue.privateFeedUrl).toBeUndefined();
  });

  it('saves contact details, key instructions and the IBAN in its normal form', async () => {
    const hall = await makeHall();
    const response = await call(api, 'PATCH', hall.base, {
      token: tokens.coordinator,
      body: {
        name: 'Kerkonkosken seurantalo',
        contactName: 'Aino Virtanen',
        contactPhone: '040 123 4567',
        contactEmail: 'aino@example.org',
        keyInstructions: 'Avain on kaupan kassalla.',
        paymentIban: 'fi21 1234 5600 0007 85',
        description: { fi: 'Vanha seurantalo järven rannalla.' },
        facilities: ['kitchen', 'sauna'],
      },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.json.venue).toMatchObject({
      name: 'Kerkonkosken seurantalo',
      contactName: 'Aino Virtanen',
      contactPhone: '040 123 4567',
      keyInstructions: 'Avain on kaupan kassalla.',
      paymentIban: 'FI2112345600000785',
      facilities: ['kitchen', 'sauna'],
      capacity: 80,
    });
    // An emptied field is cleared.
    const cleared = await call(api, 'PATCH', hall.base, { token: tokens.coordinator, body: { contactPhone: '' } });
    expect(cleared.json.venue.contactPhone).toBeNull();
    expect(cleared.json.venue.contactName).toBe('Aino Virtanen');
  });

  it('names the field of every refused value', async () => {
    const hall = await makeHall();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ paymentIban: 'FI21 1234 5600 0007 86' }, 400, 'paymentIban'],
      [{ contactEmail: 'not an address' }, 400, 'contactEmail'],
      [{ contactPhone: 'call me' }, 400, 'contactPhone'],
      [{ name: 'x' }, 400, 'name'],
      [{ capacity: 0 }, 400, 'capacity'],
      [{ villageId: '00000000-0000-4000-8000-000000000000' }, 422, 'villageId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await call(api, 'PATCH', hall.base, { token: tokens.coordinator, body });
      expect(response.status, `${JSON.stringify(body)}: ${response.text}`).toBe(status);
      expect(Object.keys(response.json.error.fields)).toEqual([field]);
    }
  });

  it("changes a space's rules, opening hours and prices, and keeps the shortest booking within the longest", async () => {
    const hall = await makeHall();
    const path = `${hall.base}/spaces/${hall.spaceId}`;
    const saved = await call(api, 'PATCH', path, {
      token: tokens.coordinator,
      body: {
        isApprovalRequired: false,
        minNoticeHours: 48,
        maxDaysAhead: 180,
        openingHours: [
          { weekday: 1, opens: '08:00', closes: '22:00' },
          { weekday: 6, opens: '10:00', closes: '24:00' },
        ],
        closedDates: [{ from: '2026-12-24', to: '2026-12-26', reason: 'Joulu' }],
        priceUnit: 'hour',
        priceMembersCents: 0,
        priceRegionCents: 1250,
        pricePrivateCents: 2500,
        depositCents: 5000,
        freeCancellationHours: 72,
        cancellationFeePercent: 50,
      },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.venue.spaces[0]).toMatchObject({
      isApprovalRequired: false,
      maxDaysAhead: 180,
      priceRegionCents: 1250,
      cancellationFeePercent: 50,
      closedDates: [{ reason: 'Joulu' }],
    });
    expect(saved.json.venue.spaces[0].openingHours).toHaveLength(2);

    // Stored max is 240: a min of 300 alone would pass the body check, but not with what is stored.
    const tooLong = await call(api, 'PATCH', path, { token: tokens.coordinator, body: { minMinutes: 300 } });
    expect(tooLong.status, tooLong.text).toBe(422);
    expect(Object.keys(tooLong.json.error.fields)).toEqual(['maxMinutes']);
    const bothWrong = await call(api, 'PATCH', path, { token: tokens.coordinator, body: { minMinutes: 300, maxMinutes: 120 } });
    expect(bothWrong.status).toBe(400);
    expect(Object.keys(bothWrong.json.error.fields)).toEqual(['maxMinutes']);
    const badHours = await call(api, 'PATCH', path, {
      token: tokens.coordinator,
      body: { openingHours: [{ weekday: 2, opens: '18:00', closes: '08:00' }] },
    });
    expect(badHours.status).toBe(400);
    expect(Object.keys(badHours.json.error.fields)).toEqual(['openingHours.0.closes']);
    const badFee = await call(api, 'PATCH', path, { token: tokens.coordinator, body: { cancellationFeePercent: 120 } });
    expect(Object.keys(badFee.json.error.fields)).toEqual(['cancellationFeePercent']);
  });

  it('makes a new secret calendar address on request', async () => {
    const hall = await makeHall();
    const before = (await call(api, 'GET', hall.base, { token: tokens.coordinator })).json.venue.privateFeedUrl as string;
    const renewed = await call(api, 'POST', `${hall.base}/feed-token`, { token: tokens.coordinator });
    expect(renewed.status, renewed.text).toBe(200);
    expect(renewed.json.venue.privateFeedUrl).not.toBe(before);
  });
});

describe('photos', () => {
  it('resizes an upload, turns it by EXIF, strips its metadata and serves it with a strong ETag', async () => {
    const hall = await makeHall();
    const uploaded = await upload(hall.base, await cameraPhoto(), {
      token: tokens.coordinator,
      altText: 'Juhlasali, jossa pitkät pöydät',
    });
    expect(uploaded.status, JSON.stringify(uploaded.json)).toBe(201);
    const [photo] = uploaded.json.venue.photos;
    // 2400 × 1800 turned upright is 1800 × 2400; at most 1600 wide keeps the proportions.
    expect(photo).toMatchObject({ altText: 'Juhlasali, jossa pitkät pöydät', width: 1600, height: 2133 });
    expect(photo.url).toBe(`/api/venue-photos/${photo.id}`);

    const large = await fetch(`${api.url}${photo.url}`);
    expect(large.status).toBe(200);
    expect(large.headers.get('content-type')).toBe('image/webp');
    expect(large.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = large.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const largeBytes = Buffer.from(await large.arrayBuffer());
    const meta = await sharp(largeBytes).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 1600, height: 2133 });
    expect(meta.exif).toBeUndefined();
    expect(largeBytes.includes(Buffer.from('Secret Camera Owner'))).toBe(false);

    const thumbnail = await fetch(`${api.url}${photo.thumbnailUrl}`);
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(480);
    expect(thumbnail.headers.get('etag')).not.toBe(etag);

    const again = await fetch(`${api.url}${photo.url}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it('refuses a photo without a text alternative, a file that is not a picture, and a thirteenth photo', async () => {
    const hall = await makeHall();
    const picture = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ccc' } })
      .png()
      .toBuffer();
    for (const altText of [undefined, '', '  a ', 'x'.repeat(301)]) {
      const refused = await upload(hall.base, picture, { token: tokens.coordinator, altText, contentType: 'image/png' });
      expect(refused.status).toBe(422);
      expect(Object.keys(refused.json.error.fields)).toEqual(['altText']);
    }
    const notPicture = await upload(hall.base, Buffer.from('%PDF-1.4 this is a document, not a photo'), {
      token: tokens.coordinator,
      altText: 'Pohjapiirros',
      contentType: 'image/png',
    });
    expect(notPicture.status).toBe(422);
    expect(Object.keys(notPicture.json.error.fields)).toEqual(['photo']);
    const tooBig = await upload(hall.base, Buffer.alloc(10 * 1024 * 1024 + 1), {
      token: tokens.coordinator,
      altText: 'Liian iso kuva',
    });
    expect(tooBig.status).toBe(413);

    const small = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#888' } })
      .webp()
      .toBuffer();
    for (let index = 0; index < 12; index += 1) {
      expect(
        (
          await upload(hall.base, small, {
            token: tokens.coordinator,
            altText: `Kuva numero ${index}`,
            contentType: 'image/webp',
          })
        ).status,
      ).toBe(201);
    }
    const thirteenth = await upload(hall.base, small, {
      token: tokens.coordinator,
      altText: 'Yksi liikaa',
      contentType: 'image/webp',
    });
    expect(thirteenth.status).toBe(422);
    expect(Object.keys(thirteenth.json.error.fields)).toEqual(['photo']);
    // Small pictures are never enlarged.
    const venue = (await call(api, 'GET', hall.base, { token: tokens.coordinator })).json.venue;
    expect(venue.photos[0]).toMatchObject({ width: 40, height: 30 });
  });

  it('changes the text and the order of photos, and removes one', async () => {
    const hall = await makeHall();
    const small = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#123' } })
      .jpeg()
      .toBuffer();
    await upload(hall.base, small, { token: tokens.coordinator, altText: 'Ensimmäinen' });
    const second = await upload(hall.base, small, { token: tokens.coordinator, altText: 'Toinen' });
    const [first, last] = second.json.venue.photos;
    const moved = await call(api, 'PATCH', `${hall.base}/photos/${last.id}`, {
      token: tokens.coordinator,
      body: { position: 0, altText: 'Toinen, nyt ensin' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json.venue.photos.map((photo: { altText: string }) => photo.altText)).toEqual([
      'Toinen, nyt ensin',
      'Ensimmäinen',
    ]);
    const shortText = await call(api, 'PATCH', `${hall.base}/photos/${last.id}`, {
      token: tokens.coordinator,
      body: { altText: 'x' },
    });
    expect(Object.keys(shortText.json.error.fields)).toEqual(['altText']);
    const removed = await call(api, 'DELETE', `${hall.base}/photos/${first.id}`, { token: tokens.coordinator });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.json.venue.photos).toHaveLength(1);
    expect((await fetch(`${api.url}/api/venue-photos/${first.id}`)).status).toBe(404);
  });
});

describe('only the owners may change a venue', () => {
  it('refuses every write route to the signed-out (401), plain members (403) and other organisations (403/404)', async () => {
    const hall = await makeHall();
    const photoBytes = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const photo = (await upload(hall.base, photoBytes, { token: tokens.coordinator, altText: 'Ulko-ovi' })).json.venue.photos[0];
    const writes: { method: string; path: string; body?: unknown; isUpload?: boolean }[] = [
      { method: 'GET', path: hall.base },
      { method: 'PATCH', path: hall.base, body: { name: 'Kaapattu talo' } },
      { method: 'PATCH', path: `${hall.base}/spaces/${hall.spaceId}`, body: { priceRegionCents: 1 } },
      { method: 'POST', path: `${hall.base}/feed-token` },
      { method: 'POST', path: `${hall.base}/photos`, isUpload: true },
      { method: 'PATCH', path: `${hall.base}/photos/${photo.id}`, body: { altText: 'Kaapattu kuva' } },
      { method: 'DELETE', path: `${hall.base}/photos/${photo.id}` },
    ];
    const attempt = (write: (typeof writes)[number], token?: string, path = write.path) =>
      write.isUpload
        ? upload(path.replace(/\/photos$/, ''), photoBytes, { token, altText: 'Kaapattu kuva' })
        : call(api, write.method, path, { token, body: write.body });
    for (const write of writes) {
      expect((await attempt(write)).status, `${write.method} ${write.path} signed out`).toBe(401);
      expect((await attempt(write, tokens.member)).status, `${write.method} ${write.path} member`).toBe(403);
      expect((await attempt(write, tokens.otherCoordinator)).status, `${write.method} ${write.path} other organisation`).toBe(
        403,
      );
      // Through their own organisation's path, the venue of another organisation does not exist.
      const viaOwn = write.path.replace(`/organisations/${ownerId}/`, `/organisations/${otherId}/`);
      expect(
        (await attempt(write, tokens.otherCoordinator, viaOwn)).status,
        `${write.method} ${viaOwn} via own organisation`,
      ).toBe(404);
    }
    const after = await call(api, 'GET', hall.base, { token: tokens.admin });
    expect(after.json.venue.name).toBe('Kerkonkosken kylätalo');
    expect(after.json.venue.photos).toHaveLength(1);
  });
});
