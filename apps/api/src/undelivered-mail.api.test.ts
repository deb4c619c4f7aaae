// Mail refused for good (a 5xx from the receiving server) is listed for the platform's
// administrators, and only for them. The fault suite (apps/launcher/test/faults.cluster.test.ts)
// makes such a row through the real worker and SMTP server; here the rows are written directly.
import { MikroORM } from '@mikro-orm/postgresql';
import { notificationEntities } from '@talkoot/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, call, makeUser, signIn, startTestApi } from './testing/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const em = api.app.get(MikroORM).em.fork();
  const [MailDelivery] = notificationEntities;
  await em.insert(MailDelivery!, {
    outboxMessageId: '9000001',
    status: 'failed',
    recipient: 'nobody-here@example.net',
    template: 'events.digest-confirmation',
    attempts: 1,
    lastError: 'EMESSAGE 550: Message failed: 550 No such user here',
    createdAt: new Date('2026-12-01T08:00:00Z'),
  });
  await em.insert(MailDelivery!, {
    outboxMessageId: '9000002',
    status: 'sent',
    recipient: 'arrived@example.net',
    template: 'identity.sign-in',
    attempts: 1,
    createdAt: new Date('2026-12-01T09:00:00Z'),
  });
});
afterAll(async () => {
  await api?.close();
});

describe('GET /api/admin/undelivered-mail', () => {
  it('lists the mail refused for good, with the receiving server’s answer, to a platform admin', async () => {
    const admin = await makeUser(api, { isPlatformAdmin: true });
    const answer = await call(api, 'GET', '/api/admin/undelivered-mail', { token: await signIn(api, admin.email) });
    expect(answer.status).toBe(200);
    expect(answer.json.mails).toEqual([
      {
        recipient: 'nobody-here@example.net',
        template: 'events.digest-confirmation',
        attempts: 1,
        error: 'EMESSAGE 550: Message failed: 550 No such user here',
        createdAt: '2026-12-01T08:00:00.000Z',
      },
    ]);
  });

  it('is closed to everyone else', async () => {
    const { organisationId } = await api.build.organisation({ name: 'Kotalahden kyläyhdistys ry' });
    const coordinator = await api.build.user({ memberOf: [{ organisationId, role: 'admin' }] });
    expect((await call(api, 'GET', '/api/admin/undelivered-mail')).status).toBe(401);
    const denied = await call(api, 'GET', '/api/admin/undelivered-mail', { token: await signIn(api, coordinator.email) });
    expect(denied.status).toBe(403);
    expect(JSON.stringify(denied.json)).not.toContain('nobody-here');
  });
});
