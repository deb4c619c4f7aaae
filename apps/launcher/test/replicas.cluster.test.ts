// Issue 14 on one machine: 2 api + 2 worker + 2 portal processes on one PostgreSQL, one Redis and
// one SMTP server, behind a round-robin load balancer (and one in front of the api replicas that
// the portals use), driven through the public origin as users reach it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, messageIdOf, startCluster, waitFor } from './cluster/cluster.js';
import { type Session, signIn, tokenFromMail } from './cluster/people.js';

let cluster: Cluster;

beforeAll(async () => {
  // JSON logs at info level: the request-id trail is checked in them.
  cluster = await startCluster({ apis: 2, workers: 2, portals: 2, env: { LOG_LEVEL: 'info' } });
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
}, 120_000);

// The api replicas' error lines, to explain an unexpected 5xx.
const apiErrors = () =>
  [...cluster.replicas.values()]
    .filter((replica) => replica.role === 'api')
    .flatMap((replica) => replica.output.split('\n'))
    .filter((line) => /"level":(50|60)|"level":"error"|ERROR/.test(line))
    .slice(-10)
    .join('\n');

const portalUrl = (name: string) => `http://127.0.0.1:${cluster.replicas.get(name)!.port}`;

async function json(url: string, method: string, body?: unknown, session?: Session) {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(session ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text.startsWith('{') ? JSON.parse(text) : undefined, headers: response.headers };
}

describe('two of each process behind a load balancer', () => {
  it('gives one slot to exactly one of 200 simultaneous booking requests spread over both api replicas', async () => {
    const matti = await signIn(cluster, cluster.publicUrl, 'matti@example.org');
    const {
      rows: [hall],
    } = await cluster.database.query<{ id: string; organisation_id: string }>(
      `select s.id, v.organisation_id from spaces s join venues v on v.id = s.venue_id
        where v.name = 'Kotalahden kylätalo' and s.name = 'Sali'`,
    );
    // 11:00–13:00 UTC (13–15 in Helsinki) on a day 60 days ahead that nothing of the house occupies yet.
    let day = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 60, 11));
    for (;;) {
      const { rowCount } = await cluster.database.query(
        `select 1 from booking_occupancies where tstzrange(starts_at, ends_at) && tstzrange($1::timestamptz - interval '1 day', $1::timestamptz + interval '1 day') limit 1`,
        [day],
      );
      if (!rowCount) break;
      day = new Date(day.getTime() + 86_400_000);
    }
    const before = cluster.apiBalancer.backends.map((backend) => backend.requests);
    const booking = {
      spaceId: hall!.id,
      organisationId: hall!.organisation_id,
      title: 'Kyläillan harjoitukset',
      startsAt: day.toISOString(),
      endsAt: new Date(day.getTime() + 2 * 3_600_000).toISOString(),
    };
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => json(`${cluster.publicUrl}/api/bookings`, 'POST', booking, matti)),
    );
    const statuses = answers.map((answer) => answer.status);
    const counts = Object.fromEntries(
      [...new Set(statuses)].map((status) => [status, statuses.filter((s) => s === status).length]),
    );
    console.log(`200 booking requests for one slot: ${JSON.stringify(counts)}`);
    if (counts[500]) console.log(apiErrors());
    expect(counts).toEqual({ 201: 1, 409: 199 });
    // Both api replicas took part.
    const after = cluster.apiBalancer.backends.map((backend) => backend.requests);
    expect(after.map((count, index) => count - before[index]!).every((count) => count >= 50)).toBe(true);
    const { rows } = await cluster.database.query(
      `select id from bookings where space_id = $1 and starts_at = $2 and status in ('requested', 'approved')`,
      [hall!.id, day],
    );
    expect(rows).toHaveLength(1);
  });

  it('delivers 500 mails caused through both replicas exactly once each, with both workers sending', async () => {
    const addresses = Array.from({ length: 500 }, (_, index) => `reader-${index}@replicas.example`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < addresses.length) {
          const email = addresses[next++]!;
          const answer = await json(`${cluster.publicUrl}/api/digest-subscriptions`, 'POST', {
            email,
            language: 'fi',
            frequency: 'weekly',
          });
          expect(answer.status, email).toBe(202);
        }
      }),
    );
    const wanted = new Set(addresses);
    const ours = () => cluster.smtp.received.filter((mail) => mail.to.some((address) => wanted.has(address)));
    await waitFor(() => new Set(ours().flatMap((mail) => mail.to)).size === addresses.length, 60_000, 'all 500 mails');
    // A moment for a duplicate to arrive if one were on its way.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const mails = ours();
    const messageIds = mails.map(messageIdOf);
    const senders = mails.map((mail) => cluster.senderOf.get(messageIdOf(mail)));
    const byWorker = Object.fromEntries(
      ['worker-1', 'worker-2', 'unknown'].map((name) => [name, senders.filter((s) => s === name).length]),
    );
    console.log(
      `500 mails: received ${mails.length}, distinct Message-IDs ${new Set(messageIds).size}, sent by ${JSON.stringify(byWorker)}`,
    );
    expect(mails).toHaveLength(500);
    expect(new Set(messageIds).size).toBe(500);
    expect(byWorker['worker-1']).toBeGreaterThan(0);
    expect(byWorker['worker-2']).toBeGreaterThan(0);
    const { rows } = await cluster.database.query<{ status: string; n: number }>(
      `select status, count(*)::int n from mail_deliveries where recipient like '%@replicas.example' group by status`,
    );
    expect(rows).toEqual([{ status: 'sent', n: 500 }]);
  });

  it('rebuilds a feed made stale through one replica once, and the other replica serves it within a second', async () => {
    const feed = '/feeds/calendar.ics';
    const first = await fetch(`${cluster.publicUrl}${feed}`);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const oldEtag = first.headers.get('etag')!;
    // Count builds where they happen: each one writes a new built_at.
    await cluster.database.query(`
      create table if not exists test_feed_builds (key text, built_at timestamptz, noticed_at timestamptz default clock_timestamp());
      create or replace function test_feed_built() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' or new.built_at is distinct from old.built_at then
            insert into test_feed_builds (key, built_at) values (new.key, new.built_at);
          end if;
          return null;
        end $$;
      drop trigger if exists test_feed_built on feed_snapshots;
      create trigger test_feed_built after insert or update on feed_snapshots for each row execute function test_feed_built();`);
    const matti = await signIn(cluster, portalUrl('portal-1'), 'matti@example.org');
    const {
      rows: [event],
    } = await cluster.database.query<{ id: string; organisation_id: string }>(
      `select e.id, e.organisation_id from events e join organisations o on o.id = e.organisation_id
        where o.name = 'Kotalahden kyläyhdistys ry' and e.status = 'published' and e.recurrence is null order by e.created_at limit 1`,
    );
    // Readers keep asking through the public origin (both portals, both api replicas) meanwhile.
    const reading = { isOn: true };
    const readers = Array.from({ length: 10 }, async () => {
      while (reading.isOn) {
        const answer = await fetch(`${cluster.publicUrl}${feed}`, { headers: { 'if-none-match': oldEtag } });
        await answer.arrayBuffer();
        expect([200, 304]).toContain(answer.status);
      }
    });
    const changed = await json(
      `${portalUrl('portal-1')}/api/organisations/${event!.organisation_id}/events/${event!.id}`,
      'PATCH',
      { title: { fi: 'Kesämarkkinat (uusi aika)' } },
      matti,
    );
    expect(changed.status).toBe(200);
    const changedAt = Date.now();
    let newEtag = '';
    let seenAt = 0;
    await waitFor(
      async () => {
        const answer = await fetch(`${portalUrl('portal-2')}${feed}`, { headers: { 'if-none-match': oldEtag } });
        const body = await answer.text();
        if (answer.status !== 200) return false;
        expect(body).toContain('Kesämarkkinat (uusi aika)');
        newEtag = answer.headers.get('etag')!;
        seenAt = Date.now();
        return true;
      },
      15_000,
      'the other portal to serve the rebuilt feed',
    );
    // Quiet for a while: no further builds happen for the one change.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    reading.isOn = false;
    await Promise.all(readers);
    const { rows: builds } = await cluster.database.query<{ key: string; noticed_at: Date }>(
      `select key, noticed_at from test_feed_builds where key = 'region' order by noticed_at`,
    );
    const servedAfterBuild = seenAt - new Date(builds[0]!.noticed_at).getTime();
    console.log(
      `feed: ${builds.length} build(s) of the region feed; the other portal served the new ETag ${servedAfterBuild} ms after the build (${seenAt - changedAt} ms after the change)`,
    );
    expect(newEtag).not.toBe(oldEtag);
    expect(builds).toHaveLength(1);
    expect(servedAfterBuild).toBeLessThan(1_000);
  });

  it('keeps a session made through one portal valid through the other, and counts sign-in limits across both', async () => {
    const aino = await signIn(cluster, portalUrl('portal-1'), 'aino@example.org');
    const me = await json(`${portalUrl('portal-2')}/api/me`, 'GET', undefined, aino);
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe('aino@example.org');
    // The portal's own cookie session (a sign-in through the pages) works on the other portal too.
    const cookie = `talkoot_session=${aino.token}`;
    const profile = await fetch(`${portalUrl('portal-2')}/profile`, { headers: { cookie }, redirect: 'manual' });
    expect(profile.status).toBe(200);
    expect(await profile.text()).toContain('Aino Virtanen');

    // Five requests for one address from one place are allowed in the window, wherever they land.
    const email = 'kalle@example.org';
    const signInMails = () =>
      cluster.smtp.received.filter((mail) => mail.to.includes(email) && /sign-in\/link\?token=/.test(mail.text));
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const through = portalUrl(attempt % 2 === 0 ? 'portal-1' : 'portal-2');
      statuses.push((await json(`${through}/api/auth/sign-in-requests`, 'POST', { email })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    // And the newest link works through either portal.
    await waitFor(
      () => signInMails().length === 5,
      30_000,
      'five sign-in mails',
      () => `${signInMails().length} arrived`,
    );
    const session = await json(`${portalUrl('portal-2')}/api/auth/sessions`, 'POST', {
      token: tokenFromMail(signInMails().at(-1)!),
    });
    expect(session.status).toBe(201);
  });

  it('serves Prometheus metrics on each api and worker’s own port, and never through the public origin', async () => {
    const scrape = async (name: string) => {
      const answer = await fetch(`http://127.0.0.1:${cluster.replicas.get(name)!.metricsPort}/metrics`);
      expect(answer.status, name).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
      return answer.text();
    };
    const value = (text: string, series: RegExp) =>
      text
        .split('\n')
        .filter((line) => series.test(line))
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    const apis = await Promise.all(['api-1', 'api-2'].map(scrape));
    // The 200 booking requests of the first test, by route pattern, on both replicas together.
    const bookings = apis.map((text) =>
      value(text, /^talkoot_http_request_duration_seconds_count\{.*method="POST".*route="\/api\/bookings".*status="4xx"/),
    );
    expect(bookings.every((count) => count > 0)).toBe(true);
    expect(bookings[0]! + bookings[1]!).toBe(199);
    for (const text of apis) {
      // Patterns, never addresses: no id ever becomes a label value.
      expect(text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    expect(apis.join('\n')).toMatch(/route="\/api\/organisations\/:id\/events\/:eventId"/);
    const workers = await Promise.all(['worker-1', 'worker-2'].map(scrape));
    const mailJobs = workers.map((text) => value(text, /^talkoot_jobs_completed_total\{.*queue="[^"]*mail/));
    expect(mailJobs.every((count) => count > 0)).toBe(true);
    expect(value(workers[0]!, /^talkoot_mail_deliveries\{.*status="sent"/)).toBeGreaterThanOrEqual(500);
    expect(workers[0]).toMatch(/^talkoot_queue_jobs\{.*state="waiting"/m);
    expect(value(workers[0]!, /^talkoot_outbox_unrelayed\{/)).toBe(0);
    expect(workers[0]).toMatch(/^talkoot_outbox_lag_seconds\{[^}]*\} 0$/m);
    for (const path of ['/metrics', '/api/metrics']) expect((await fetch(`${cluster.publicUrl}${path}`)).status, path).toBe(404);
  });

  it('follows a request into the job it causes: the api’s and the worker’s JSON log lines share its id', async () => {
    const email = 'traced@replicas.example';
    const asked = await fetch(`${cluster.publicUrl}/api/digest-subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-cluster-7' },
      body: JSON.stringify({ email, language: 'fi', frequency: 'weekly' }),
    });
    expect(asked.status).toBe(202);
    expect(asked.headers.get('x-request-id')).toBe('trace-cluster-7');
    await cluster.smtp.waitForMail((mail) => mail.to.includes(email));
    const lines = (role: string) =>
      [...cluster.replicas.values()]
        .filter((replica) => replica.role === role)
        .flatMap((replica) => replica.output.split('\n'))
        .filter((line) => line.includes('trace-cluster-7'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    await waitFor(() => lines('worker').length > 0, 10_000, 'the worker’s log line of the job');
    expect(lines('api')).toContainEqual(expect.objectContaining({ reqId: 'trace-cluster-7' }));
    expect(lines('worker')).toContainEqual(
      expect.objectContaining({
        context: 'Jobs',
        message: expect.objectContaining({
          message: 'job completed',
          requestId: 'trace-cluster-7',
          job: expect.stringContaining('mail'),
        }),
      }),
    );
  });
});
