// Photos of lending items: the venue photo pipeline (resized, turned by EXIF, stripped of metadata,
// WebP), owner-only writes, public reading with strong validators.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, signIn, startTestApi } from './testing/test-api.js';

let api: TestApi;
let villageId: string;
let ownerId: string;
const tokens = { coordinator: '', member: '', otherCoordinator: '' };

beforeAll(async () => {
  api = await startTestApi();
  ({ villageId } = await api.build.village());
  ownerId = (await api.build.organisation({ villageId, name: 'Kotalahden kyläyhdistys ry' })).organisationId;
  const otherId = (await api.build.organisation({ villageId, name: 'Rautalammin Urheiluseura ry' })).organisationId;
  const coordinator = await api.build.user({ memberOf: [{ organisationId: ownerId, role: 'coordinator' }] });
  const member = await api.build.user({ memberOf: [{ organisationId: ownerId, role: 'member' }] });
  const otherCoordinator = await api.build.user({ memberOf: [{ organisationId: otherId, role: 'coordinator' }] });
  tokens.coordinator = await signIn(api, coordinator.email);
  tokens.member = await signIn(api, member.email);
  tokens.otherCoordinator = await signIn(api, otherCoordinator.email);
});
afterAll(async () => {
  await api?.close();
});

const newItem = async () => {
  const itemId = await api.build.item({ organisationId: ownerId, villageId, name: 'Juhlateltta 6 × 12 m', category: 'tents' });
  return { itemId, base: `/api/organisations/${ownerId}/lending/items/${itemId}` };
};

function upload(base: string, bytes: Buffer, options: { token?: string; altText?: string; contentType?: string } = {}) {
  const query = options.altText === undefined ? '' : `?altText=${encodeURIComponent(options.altText)}`;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'image/jpeg' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return fetch(`${api.url}${base}/photos${query}`, { method: 'POST', headers, body: new Uint8Array(bytes) }).then(
    async (response) => ({ status: response.status, json: (await response.json().catch(() => undefined)) as any }),
  );
}

// A phone photo taken sideways (EXIF orientation 6), with the camera owner's name in its metadata.
const phonePhoto = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#b03a2e' } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret Camera Owner' } } })
    .toBuffer();
const smallPhoto = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#222' } })
    .png()
    .toBuffer();

describe('photos of a lending item', () => {
  it('are resized, turned upright and stripped, shown on the item, and served with a strong validator', async () => {
    const { itemId, base } = await newItem();
    const uploaded = await upload(base, await phonePhoto(), {
      token: tokens.coordinator,
      altText: 'Valkoinen teltta pystytettynä',
    });
    expect(uploaded.status).toBe(201);
    const [photo] = uploaded.json.item.photos;
    expect(photo).toMatchObject({ altText: 'Valkoinen teltta pystytettynä', width: 1600, height: 2133 });
    expect(photo.url).toBe(`/api/lending-photos/${photo.id}`);

    const item = await call(api, 'GET', `/api/lending/items/${itemId}`);
    expect(item.json.item.photos).toEqual([photo]);

    const large = await fetch(`${api.url}${photo.url}`);
    expect(large.status).toBe(200);
    expect(large.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await large.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height]).toEqual([1600, 2133]);
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes('Secret Camera Owner')).toBe(false);
    const thumbnail = await fetch(`${api.url}${photo.thumbnailUrl}`);
    expect((await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata()).width).toBe(480);
    const etag = large.headers.get('etag')!;
    const again = await fetch(`${api.url}${photo.url}`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('refuses a photo without a text alternative, a file that is not a picture, and a seventh photo, naming the field', async () => {
    const { base } = await newItem();
    const noText = await upload(base, await smallPhoto(), { token: tokens.coordinator, contentType: 'image/png' });
    expect(noText.status).toBe(422);
    expect(noText.json.error).toMatchObject({ reason: 'itemPhoto.alt_text_length', fields: { altText: expect.any(String) } });
    const notPicture = await upload(base, Buffer.from('%PDF-1.4 a document'), { token: tokens.coordinator, altText: 'Ohje' });
    expect(notPicture.status).toBe(422);
    expect(notPicture.json.error).toMatchObject({ reason: 'itemPhoto.unreadable' });
    expect(Object.keys(notPicture.json.error.fields)).toEqual(['photo']);
    for (let index = 0; index < 6; index++) {
      const added = await upload(base, await smallPhoto(), {
        token: tokens.coordinator,
        altText: `Kuva ${index + 1}`,
        contentType: 'image/png',
      });
      expect(added.status).toBe(201);
    }
    const seventh = await upload(base, await smallPhoto(), {
      token: tokens.coordinator,
      altText: 'Seitsemäs',
      contentType: 'image/png',
    });
    expect(seventh.status).toBe(422);
    expect(seventh.json.error).toMatchObject({ reason: 'itemPhoto.too_many', fields: { photo: expect.stringContaining('6') } });
  });

  it('lets only the owner’s coordinators add and remove photos; a stranger’s id is not found', async () => {
    const { itemId, base } = await newItem();
    const bytes = await smallPhoto();
    expect((await upload(base, bytes, { altText: 'Teltta' })).status).toBe(401);
    expect((await upload(base, bytes, { token: tokens.member, altText: 'Teltta' })).status).toBe(403);
    expect((await upload(base, bytes, { token: tokens.otherCoordinator, altText: 'Teltta' })).status).toBe(403);
    const added = await upload(base, bytes, { token: tokens.coordinator, altText: 'Teltta sivulta', contentType: 'image/png' });
    const photoId = added.json.item.photos[0].id as string;
    for (const token of [undefined, tokens.member, tokens.otherCoordinator]) {
      const refused = await call(api, 'DELETE', `${base}/photos/${photoId}`, token ? { token } : {});
      expect(refused.status).toBe(token ? 403 : 401);
    }
    expect((await call(api, 'GET', `/api/lending/items/${itemId}`)).json.item.photos).toHaveLength(1);
    // Ids that are not the item's, or not ids at all.
    const other = await newItem();
    expect((await call(api, 'DELETE', `${other.base}/photos/${photoId}`, { token: tokens.coordinator })).status).toBe(404);
    expect((await call(api, 'DELETE', `${base}/photos/not-a-uuid`, { token: tokens.coordinator })).status).toBe(404);
    expect((await fetch(`${api.url}/api/lending-photos/not-a-uuid`)).status).toBe(404);
    const removed = await call(api, 'DELETE', `${base}/photos/${photoId}`, { token: tokens.coordinator });
    expect(removed.status).toBe(200);
    expect(removed.json.item.photos).toEqual([]);
    expect((await fetch(`${api.url}/api/lending-photos/${photoId}`)).status).toBe(404);
  });
});
