import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestApi,
  addMember,
  call,
  lastMailTo,
  linkIn,
  makeOrganisation,
  makeUser,
  makeVillage,
  signIn,
  startTestApi,
} from './testing/test-api.js';

let api: TestApi;
let villageId: string;
let organisationId: string;
let otherOrganisationId: string;
const tokens: Record<'platformAdmin' | 'admin' | 'coordinator' | 'member' | 'otherAdmin' | 'outsider', string> = {} as never;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi();
  villageId = await makeVillage(api);
  organisationId = await makeOrganisation(api, villageId, 'Kerkonkosken kyläyhdistys ry');
  otherOrganisationId = await makeOrganisation(api, villageId, 'Myhinpään Metsästysseura ry');
  const people = {
    platformAdmin: await makeUser(api, { isPlatformAdmin: true }),
    admin: await makeUser(api),
    coordinator: await makeUser(api),
    member: await makeUser(api),
    otherAdmin: await makeUser(api),
    outsider: await makeUser(api),
  };
  await addMember(api, people.admin.id, organisationId, 'admin');
  await addMember(api, people.coordinator.id, organisationId, 'coordinator');
  await addMember(api, people.member.id, organisationId, 'member');
  await addMember(api, people.otherAdmin.id, otherOrganisationId, 'admin');
  for (const [key, person] of Object.entries(people)) {
    tokens[key as keyof typeof tokens] = await signIn(api, person.email);
    ids[key] = person.id;
  }
});
afterAll(async () => {
  await api?.close();
});

const validOrganisation = () => ({ name: 'Niiniveden Nuorisoseura ry', kind: 'association', villageId, businessId: '1234567-1' });

// Each write route: who is refused (and with what), and who may.
const writeRoutes = () => [
  {
    name: 'create an organisation',
    method: 'POST',
    path: () => '/api/organisations',
    body: () => ({ ...validOrganisation(), businessId: '' }),
    refused: { admin: 403, coordinator: 403, otherAdmin: 403, outsider: 403 },
    allowed: 'platformAdmin',
  },
  {
    name: "change an organisation's details",
    method: 'PATCH',
    path: () => `/api/organisations/${organisationId}`,
    body: () => ({ contactPhone: '040 765 4321' }),
    refused: { coordinator: 403, member: 403, otherAdmin: 403, outsider: 403 },
    allowed: 'admin',
  },
  {
    name: 'list members',
    method: 'GET',
    path: () => `/api/organisations/${organisationId}/members`,
    refused: { member: 403, otherAdmin: 403, outsider: 403 },
    allowed: 'coordinator',
  },
  {
    name: "change a member's role",
    method: 'PATCH',
    path: () => `/api/organisations/${organisationId}/members/${ids.member}`,
    body: () => ({ role: 'member' }),
    refused: { coordinator: 403, member: 403, otherAdmin: 403, outsider: 403 },
    allowed: 'admin',
  },
  {
    name: 'invite a person',
    method: 'POST',
    path: () => `/api/organisations/${organisationId}/invitations`,
    body: () => ({ email: `invitee-${Date.now()}@example.org`, role: 'member' }),
    refused: { coordinator: 403, member: 403, otherAdmin: 403, outsider: 403 },
    allowed: 'admin',
  },
  {
    name: 'list invitations',
    method: 'GET',
    path: () => `/api/organisations/${organisationId}/invitations`,
    refused: { coordinator: 403, member: 403, otherAdmin: 403, outsider: 403 },
    allowed: 'admin',
  },
  {
    name: 'remove a member',
    method: 'DELETE',
    path: () => `/api/organisations/${organisationId}/members/${ids.outsider}`,
    refused: { coordinator: 403, member: 403, otherAdmin: 403, outsider: 403 },
    allowed: undefined,
  },
  {
    name: 'revoke an invitation',
    method: 'DELETE',
    path: () => `/api/organisations/${organisationId}/invitations/00000000-0000-4000-8000-000000000000`,
    refused: { coordinator: 403, member: 403, otherAdmin: 403, outsider: 403 },
    allowed: undefined,
  },
];

describe('who may do what', () => {
  for (const route of writeRoutes()) {
    it(`refuses to ${route.name} when signed out, for another organisation's admin and for the wrong role`, async () => {
      const signedOut = await call(api, route.method, route.path(), { body: route.body?.() });
      expect(signedOut.status).toBe(401);
      expect(signedOut.json.error.code).toBe('unauthenticated');
      for (const [who, status] of Object.entries(route.refused)) {
        const response = await call(api, route.method, route.path(), {
          token: tokens[who as keyof typeof tokens],
          body: route.body?.(),
        });
        expect(response.status, `${who} should get ${status}`).toBe(status);
        expect(response.json.error.code).toBe('forbidden');
      }
      if (route.allowed) {
        const allowed = await call(api, route.method, route.path(), {
          token: tokens[route.allowed as keyof typeof tokens],
          body: route.body?.(),
        });
        expect(allowed.status, allowed.text).toBeLessThan(300);
      }
    });
  }

  it('lets a platform admin manage any organisation', async () => {
    const response = await call(api, 'GET', `/api/organisations/${otherOrganisationId}/members`, { token: tokens.platformAdmin });
    expect(response.status).toBe(200);
    expect(response.json.members.map((member: { userId: string }) => member.userId)).toEqual([ids.otherAdmin]);
  });
});

describe('organisations', () => {
  it('validates the business id (Y-tunnus) check digit and names the field', async () => {
    const response = await call(api, 'POST', '/api/organisations', {
      token: tokens.platformAdmin,
      body: { ...validOrganisation(), businessId: '1234567-2' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.fields.businessId).toMatch(/business id/);
  });

  it('refuses a second organisation with the same business id with 409', async () => {
    const first = await call(api, 'POST', '/api/organisations', {
      token: tokens.platformAdmin,
      body: { ...validOrganisation(), businessId: '2345678-0' },
    });
    expect(first.status).toBe(201);
    expect(first.json.organisation.village.municipality.name).toBe('Rautalampi');
    const second = await call(api, 'POST', '/api/organisations', {
      token: tokens.platformAdmin,
      body: { ...validOrganisation(), name: 'Toinen ry', businessId: '2345678-0' },
    });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatchObject({
      reason: 'organisation.business_id_taken',
      fields: { businessId: 'Another organisation already has this business id' },
      fieldReasons: { businessId: 'organisation.business_id_taken' },
    });
  });

  it('names an unknown village as a field error, not a crash', async () => {
    const response = await call(api, 'POST', '/api/organisations', {
      token: tokens.platformAdmin,
      body: { ...validOrganisation(), businessId: null, villageId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(response.status).toBe(400);
    expect(response.json.error).toMatchObject({
      reason: 'place.village_unknown',
      fields: { villageId: 'Choose a village from the list' },
      fieldReasons: { villageId: 'place.village_unknown' },
    });
  });

  it('removes a member: they lose access at once', async () => {
    const member = await makeUser(api);
    await addMember(api, member.id, organisationId, 'coordinator');
    const token = await signIn(api, member.email);
    expect((await call(api, 'GET', `/api/organisations/${organisationId}/members`, { token })).status).toBe(200);
    expect(
      (await call(api, 'DELETE', `/api/organisations/${organisationId}/members/${member.id}`, { token: tokens.admin })).status,
    ).toBe(204);
    expect((await call(api, 'GET', `/api/organisations/${organisationId}/members`, { token })).status).toBe(403);
  });

  it("does not let an admin reach another organisation's member through their own organisation's path", async () => {
    const changed = await call(api, 'PATCH', `/api/organisations/${organisationId}/members/${ids.otherAdmin}`, {
      token: tokens.admin,
      body: { role: 'member' },
    });
    expect(changed.status).toBe(404);
    const removed = await call(api, 'DELETE', `/api/organisations/${organisationId}/members/${ids.otherAdmin}`, {
      token: tokens.admin,
    });
    expect(removed.status).toBe(404);
    const members = await call(api, 'GET', `/api/organisations/${otherOrganisationId}/members`, { token: tokens.otherAdmin });
    expect(members.json.members).toEqual([expect.objectContaining({ userId: ids.otherAdmin, role: 'admin' })]);
  });

  it('keeps an admin when two admins demote each other at the same moment', async () => {
    const organisation = await makeOrganisation(api, villageId);
    const first = await makeUser(api);
    const second = await makeUser(api);
    await addMember(api, first.id, organisation, 'admin');
    await addMember(api, second.id, organisation, 'admin');
    const [firstToken, secondToken] = [await signIn(api, first.email), await signIn(api, second.email)];
    const answers = await Promise.all([
      call(api, 'PATCH', `/api/organisations/${organisation}/members/${second.id}`, {
        token: firstToken,
        body: { role: 'member' },
      }),
      call(api, 'PATCH', `/api/organisations/${organisation}/members/${first.id}`, {
        token: secondToken,
        body: { role: 'member' },
      }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[0]).toBe(200);
    // Which refusal the loser gets depends on when its request was let in: if the winner had
    // committed by then, the loser is no longer an admin (403 at the door); otherwise the rule
    // refuses the change inside the transaction (422). Each is asserted exactly.
    const loser = answers.find((answer) => answer.status !== 200)!;
    if (loser.status === 403) {
      expect(loser.json.error).toMatchObject({
        code: 'forbidden',
        message: 'This needs the role admin in the organisation',
      });
    } else {
      expect(loser.status).toBe(422);
      expect(loser.json.error).toMatchObject({ code: 'rule_violation', reason: 'membership.last_admin' });
    }
    const { rows } = await api.sql.query(
      `select count(*)::int as admins from memberships where organisation_id = $1 and role = 'admin'`,
      [organisation],
    );
    expect(rows[0].admins).toBe(1);
  });

  it('keeps at least one admin: the last admin cannot step down or be removed', async () => {
    const lonely = await makeOrganisation(api, villageId);
    const admin = await makeUser(api);
    await addMember(api, admin.id, lonely, 'admin');
    const token = await signIn(api, admin.email);
    const demote = await call(api, 'PATCH', `/api/organisations/${lonely}/members/${admin.id}`, {
      token,
      body: { role: 'member' },
    });
    expect(demote.status).toBe(422);
    expect(demote.json.error.code).toBe('rule_violation');
    expect(demote.json.error.reason).toBe('membership.last_admin');
    const remove = await call(api, 'DELETE', `/api/organisations/${lonely}/members/${admin.id}`, { token });
    expect(remove.status).toBe(422);
    const members = await call(api, 'GET', `/api/organisations/${lonely}/members`, { token });
    expect(members.json.members).toEqual([expect.objectContaining({ userId: admin.id, role: 'admin' })]);
  });
});

describe('invitations', () => {
  it('invites by email; the invitee accepts, gets an account, a membership and a session', async () => {
    const email = `new-volunteer-${Date.now()}@example.org`;
    const created = await call(api, 'POST', `/api/organisations/${organisationId}/invitations`, {
      token: tokens.admin,
      body: { email, role: 'coordinator' },
    });
    expect(created.status).toBe(201);
    const mail = await lastMailTo(api, email);
    expect(mail?.template).toBe('invitation');
    expect(mail?.rendered.subject).toContain('Kerkonkosken kyläyhdistys ry');
    expect(mail?.rendered.text).toContain('Kerkonkosken kyläyhdistys ry');
    const token = decodeURIComponent(linkIn(mail, '/invitations/').split('/invitations/')[1]!);
    const preview = await call(api, 'GET', `/api/invitations/${token}`);
    expect(preview.json.invitation).toMatchObject({ email, role: 'coordinator', needsName: true });
    const withoutName = await call(api, 'POST', `/api/invitations/${token}/accept`, { body: {} });
    expect(withoutName.status).toBe(400);
    expect(withoutName.json.error).toMatchObject({
      reason: 'invitation.name_required',
      fields: { name: 'Enter your name' },
      fieldReasons: { name: 'invitation.name_required' },
    });
    const accepted = await call(api, 'POST', `/api/invitations/${token}/accept`, { body: { name: 'Ville Vapaaehtoinen' } });
    expect(accepted.status).toBe(201);
    const me = await call(api, 'GET', '/api/me', { token: accepted.json.token });
    expect(me.json.memberships).toEqual([{ organisation: expect.objectContaining({ id: organisationId }), role: 'coordinator' }]);
    const again = await call(api, 'POST', `/api/invitations/${token}/accept`, { body: { name: 'Ville' } });
    expect(again.status).toBe(404);
  });

  it('accepts an invitation once even when the link is used several times at the same moment', async () => {
    const email = `twice-${Date.now()}@example.org`;
    await call(api, 'POST', `/api/organisations/${organisationId}/invitations`, {
      token: tokens.admin,
      body: { email, role: 'member' },
    });
    const token = decodeURIComponent(linkIn(await lastMailTo(api, email), '/invitations/').split('/invitations/')[1]!);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(api, 'POST', `/api/invitations/${token}/accept`, { body: { name: 'Kaisa Kiireinen' } }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
    const { rows } = await api.sql.query('select count(*)::int as accounts from users where email = $1', [email]);
    expect(rows[0].accounts).toBe(1);
  });

  it('a revoked invitation can no longer be accepted', async () => {
    const email = `revoked-${Date.now()}@example.org`;
    const created = await call(api, 'POST', `/api/organisations/${organisationId}/invitations`, {
      token: tokens.admin,
      body: { email, role: 'member' },
    });
    const token = decodeURIComponent(linkIn(await lastMailTo(api, email), '/invitations/').split('/invitations/')[1]!);
    expect(
      (
        await call(api, 'DELETE', `/api/organisations/${organisationId}/invitations/${created.json.invitation.id}`, {
          token: tokens.admin,
        })
      ).status,
    ).toBe(204);
    expect((await call(api, 'GET', `/api/invitations/${token}`)).status).toBe(404);
    expect((await call(api, 'POST', `/api/invitations/${token}/accept`, { body: { name: 'X' } })).status).toBe(404);
  });

  it('refuses to invite someone who is already a member', async () => {
    const { rows } = await api.sql.query('select email from users where id = $1', [ids.member]);
    const response = await call(api, 'POST', `/api/organisations/${organisationId}/invitations`, {
      token: tokens.admin,
      body: { email: rows[0].email, role: 'member' },
    });
    expect(response.status).toBe(409);
  });
});
