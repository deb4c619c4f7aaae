import { expect } from 'vitest';
import { type TestApi, addMember, call, helsinkiIso, makeOrganisation, makeUser, makeVillage, signIn } from './test-api.js';

// The cast of the volunteering api tests: an organisation with a coordinator, an admin and a plain
// member, another organisation's coordinator, and volunteers made on demand.
export interface VolunteeringCast {
  org: { id: string; coordinator: string; coordinatorEmail: string; coordinatorId: string; member: string };
  other: { id: string; coordinator: string };
}

export const YEAR = new Date().getUTCFullYear() + 1;

export async function person(
  api: TestApi,
  organisationId: string | null,
  role: 'coordinator' | 'member' | 'admin' = 'member',
  language: 'fi' | 'sv' | 'en' = 'fi',
) {
  const user = await makeUser(api, { language });
  if (organisationId) await addMember(api, user.id, organisationId, role);
  return { token: await signIn(api, user.email), email: user.email, id: user.id };
}

export async function makeCast(api: TestApi): Promise<VolunteeringCast> {
  const villageId = await makeVillage(api);
  const orgId = await makeOrganisation(api, villageId, 'Kotalahden kyläyhdistys ry');
  const otherId = await makeOrganisation(api, villageId, 'Sorsakosken kyläseura ry');
  const coordinator = await person(api, orgId, 'coordinator');
  return {
    org: {
      id: orgId,
      coordinator: coordinator.token,
      coordinatorEmail: coordinator.email,
      coordinatorId: coordinator.id,
      member: (await person(api, orgId, 'member')).token,
    },
    other: { id: otherId, coordinator: (await person(api, otherId, 'coordinator')).token },
  };
}

export type TaskAnswer = {
  id: string;
  eventId: string | null;
  shifts: { id: string; startsAt: string; endsAt: string; capacity: number; free: number; taken: number; waiting: number }[];
};

export function taskBody(overrides: Record<string, unknown> = {}, day = 12, capacity = 3) {
  return {
    eventId: '6f1e1a3c-6a8e-4c7b-9a51-3c2f4d5e6a7b',
    title: { fi: 'Kahvio', sv: 'Kafé', en: 'Café' },
    place: 'Kylätalo',
    contact: { name: 'Maija Meikäläinen', phone: '040 123 4567', email: null },
    shifts: [{ startsAt: helsinkiIso(YEAR, 6, day, 10), endsAt: helsinkiIso(YEAR, 6, day, 12), capacity }],
    ...overrides,
  };
}

export async function createTask(
  api: TestApi,
  organisationId: string,
  token: string,
  body: Record<string, unknown>,
): Promise<TaskAnswer> {
  const created = await call(api, 'POST', `/api/organisations/${organisationId}/volunteering/tasks`, { token, body });
  expect(created.status, created.text).toBe(201);
  return created.json.task as TaskAnswer;
}

export const claim = (api: TestApi, shiftId: string, token: string, body: Record<string, unknown> = {}) =>
  call(api, 'POST', `/api/volunteering/shifts/${shiftId}/claims`, { token, body });
