// Child process: the floor to compare the api with. A bare Fastify + pg server on the same
// database, running by hand the SQL the api issues for the same two routes (captured from
// MikroORM's debug log), with no Nest, no ORM, no zod. Same pool size as the api's ORM (10).
import { createHash, randomUUID } from 'node:crypto';
import { importFromApi } from '../lib/deps.mjs';

const Fastify = await importFromApi('fastify');
const pg = await importFromApi('pg');

const { AVAILABILITY_SQL } = await import('../../packages/venues/dist/index.js');
let placeholder = 0;
const availabilitySql = AVAILABILITY_SQL.replace(/\?/g, () => `$${++placeholder}`);
const { ACTIVE_SESSION_SQL } = await import('../../packages/identity/dist/index.js');
const { VENUE_TREE_SQL } = await import('../../packages/venues/dist/space-tree.js');
const { memberOfSql } = await import('../../packages/venues/dist/booking.service.js');
const { OWNER_COORDINATORS_SQL } = await import('../../packages/venues/dist/booking-notifications.js');
// pg numbers its parameters; MikroORM's `?` become $1, $2… in order, as here.
const numbered = (sql) => {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
};
const ownerCoordinatorsSql = numbered(OWNER_COORDINATORS_SQL);
placeholder = 0;
const activeSessionSql = ACTIVE_SESSION_SQL.replace(/\?/g, () => `$${++placeholder}`);

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

const uuid = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const problem = (reply, status, code, message) => reply.code(status).send({ error: { code, message } });

// The leaves under a space (itself when it has no children), as booking.rules.ts computes them.
function leavesUnder(spaceId, spaces) {
  const children = spaces.filter((space) => space.parent_id === spaceId);
  return children.length ? children.flatMap((child) => leavesUnder(child.id, spaces)) : [spaceId];
}

async function loadSpace(db, spaceId) {
  const { rows } = await db.query('select "s0".* from "spaces" as "s0" where "s0"."id" = $1 limit 1', [spaceId]);
  return rows[0];
}

// The api's VENUE_TREE_SQL (packages/venues/src/space-tree.ts), the very text.
const venueTreeSql = VENUE_TREE_SQL.replace('?', '$1');
async function loadLeaves(db, space) {
  const { rows } = await db.query(venueTreeSql, [space.venue_id]);
  return leavesUnder(space.id, rows);
}

app.get(
  '/api/spaces/:id/availability',
  {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', pattern: uuid } }, required: ['id'] },
      querystring: {
        type: 'object',
        properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } },
        required: ['from', 'to'],
      },
    },
  },
  async (request, reply) => {
    const from = new Date(request.query.from);
    const to = new Date(request.query.to);
    if (!(to > from) || to - from > 62 * 86_400_000)
      return problem(reply, 400, 'validation_failed', 'Ask for at most two months, ending after the start');
    // The very statement VenueService.availability runs (AVAILABILITY_SQL), with $n placeholders.
    const { rows } = await pool.query(availabilitySql, [request.params.id, from, to]);
    if (!rows.length) return problem(reply, 404, 'not_found', 'The space was not found');
    const busy = rows
      .filter((row) => row.starts_at)
      .map((row) => ({ startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), status: row.status }));
    return { spaceId: request.params.id, busy };
  },
);

// Booking: the statements BookingService.requestBooking issues since 2026-12-04 (the write path of
// docs/adding-a-domain.md): the session with its user (the access guard's ACTIVE_SESSION_SQL, the
// very text), then in one transaction the space with venue and owner, one membership statement
// (booked-for organisation and owner), the venue's spaces, the booking insert, one multi-row
// occupancy insert, the owner's admins (approval spaces) and the outbox mail row(s); the mail of
// an instant booking goes to the session's user without reading it again; the exclusion
// constraint's 23P01 becomes a 409. The api also renders the mail in the reader's language (ADR 012)
// with an .ics file and computes a price quote in JS; this floor writes a plain rendered mail and no price. When the booking flow gains
// statements, add them here too, or the comparison flatters the raw side.
app.post(
  '/api/bookings',
  {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['spaceId', 'startsAt', 'endsAt', 'title'],
        properties: {
          spaceId: { type: 'string', pattern: uuid },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          title: { type: 'string', minLength: 2, maxLength: 200 },
          organisationId: { anyOf: [{ type: 'string', pattern: uuid }, { type: 'null' }] },
        },
      },
    },
  },
  async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return problem(reply, 401, 'unauthenticated', 'Sign in first');
    const body = request.body;
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    const organisationId = body.organisationId ?? null;
    // The access guard's ACTIVE_SESSION_SQL, the very text.
    const { rows: sessions } = await pool.query(activeSessionSql, [createHash('sha256').update(token).digest('hex'), new Date()]);
    const session = sessions[0];
    if (!session) return problem(reply, 401, 'unauthenticated', 'Sign in first');
    const user = { id: session.id, name: session.name, email: session.email, language: session.language };
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows: spaces } = await client.query(
        `select "s0".*, "v1"."name" as "v1__name", "v1"."address" as "v1__address", "v1"."organisation_id" as "v1__organisation_id", "o2"."name" as "o2__name"
         from "spaces" as "s0" left join "venues" as "v1" on "s0"."venue_id" = "v1"."id" left join "organisations" as "o2" on "v1"."organisation_id" = "o2"."id"
        where "s0"."id" = $1 limit 1`,
        [body.spaceId],
      );
      const space = spaces[0];
      if (!space) {
        await client.query('rollback');
        return problem(reply, 404, 'not_found', 'The space was not found');
      }
      // BookingService.assertMayBook: one statement for both memberships (the booked-for
      // organisation and the owner, which sets the 'members' rule and the price tier).
      const organisations = organisationId ? [space.v1__organisation_id, organisationId] : [space.v1__organisation_id];
      const { rows: memberships } = await client.query(numbered(memberOfSql(organisations.length)), [user.id, ...organisations]);
      const memberOf = new Set(memberships.map((row) => row.organisation_id));
      if (organisationId && !memberOf.has(organisationId)) {
        await client.query('rollback');
        return problem(reply, 403, 'forbidden', 'You can book for an organisation only as its member');
      }
      if (space.bookable_by === 'members' && !memberOf.has(space.v1__organisation_id)) {
        await client.query('rollback');
        return problem(reply, 403, 'forbidden', 'Only members can book this space');
      }
      if (space.bookable_by === 'region' && !organisationId) {
        await client.query('rollback');
        return problem(reply, 400, 'validation_failed', 'This space is booked by organisations: choose yours');
      }
      const minutes = (endsAt - startsAt) / 60_000;
      if (minutes < space.min_minutes || minutes > space.max_minutes || startsAt.getTime() < Date.now()) {
        await client.query('rollback');
        return problem(reply, 422, 'rule_violation', "The booking breaks the space's rules");
      }
      const leaves = await loadLeaves(client, space);
      const status = space.is_approval_required ? 'requested' : 'approved';
      const now = new Date();
      const expiresAt = status === 'requested' ? new Date(Math.min(now.getTime() + 7 * 86_400_000, startsAt.getTime())) : null;
      const bookingId = randomUUID();
      // The venue's write lock, as booking-placement.ts takes it (ADR 025).
      await client.query(`select pg_advisory_xact_lock(hashtextextended('booking-venue:' || $1, 0))`, [space.venue_id]);
      await client.query(
        `insert into "bookings" ("id", "space_id", "requester_id", "organisation_id", "title", "status", "starts_at", "ends_at", "created_at", "expires_at") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [bookingId, space.id, user.id, organisationId, body.title, status, startsAt, endsAt, now, expiresAt],
      );
      const occupiedFrom = new Date(startsAt.getTime() - space.buffer_before_minutes * 60_000);
      const occupiedTo = new Date(endsAt.getTime() + space.buffer_after_minutes * 60_000);
      await client.query(
        `insert into "booking_occupancies" ("id", "booking_id", "leaf_space_id", "starts_at", "ends_at", "is_blocking") select gen_random_uuid(), $1, leaf, $3, $4, true from unnest($2::uuid[]) as leaf`,
        [bookingId, leaves, occupiedFrom, occupiedTo],
      );
      // The requester's mail goes to the session's user: neither server reads the user again.
      let recipients = [user];
      if (status === 'requested') {
        const { rows } = await client.query(ownerCoordinatorsSql, [space.v1__organisation_id]);
        recipients = rows;
      }
      // enqueueMails: every recipient's row in one multi-row insert, as MikroORM's insertMany writes it.
      const payloads = recipients.map((recipient) => ({
        to: recipient.email,
        toName: recipient.name,
        language: recipient.language,
        template: 'booking-update',
        rendered: {
          subject: `${status}: ${space.v1__name}`,
          text: `${body.title}\n${space.name}, ${space.v1__name}\n${startsAt.toISOString()}–${endsAt.toISOString()}\nhttp://localhost:3000/bookings\n`,
          html: `<p>${body.title}</p>`,
        },
      }));
      if (payloads.length) {
        const values = payloads.map((_, index) => `('mail.send', 'mail', $${index + 2}, $1, $1, null, 0, null)`).join(', ');
        await client.query(
          `insert into "outbox_messages" ("topic", "queue", "payload", "created_at", "available_at", "relayed_at", "relay_attempts", "last_error") values ${values} returning "id"`,
          [now, ...payloads],
        );
      }
      await client.query('commit');
      reply.code(201);
      return {
        booking: {
          id: bookingId,
          spaceId: space.id,
          title: body.title,
          status,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          decisionReason: null,
        },
      };
    } catch (error) {
      await client.query('rollback').catch(() => {});
      if (error.code === '23P01')
        return problem(reply, 409, 'conflict', 'The space is already booked or requested for that time');
      throw error;
    } finally {
      client.release();
    }
  },
);

await app.listen({ port: 0, host: '127.0.0.1' });
process.send({ port: app.server.address().port });
process.on('message', async (message) => {
  if (message === 'stop') {
    await app.close();
    await pool.end();
    process.exit(0);
  }
});
