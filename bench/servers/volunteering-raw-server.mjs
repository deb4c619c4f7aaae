// Child process: the floor to compare claiming a volunteer place with. A bare Fastify + pg server on
// the same database, running the statements ClaimService.claimAsUser issues — the very texts the
// volunteering package exports (SHIFT_SQL with its row lock, EXISTING_CLAIM_SQL, TAKEN_PLACES_SQL,
// CLAIM_SELECT) and the session lookup of identity — with the same pure rules, the same rendered
// mail into the outbox, in one transaction. No Nest, no ORM, no zod. Same pool size as the api's (10).
// When the api's statements change, change them here too in the same commit.
import { createHash, randomUUID } from 'node:crypto';
import { distUrl, importFromApi } from '../lib/deps.mjs';

const Fastify = await importFromApi('fastify');
const pg = await importFromApi('pg');

const {
  SHIFT_SQL,
  TAKEN_PLACES_SQL,
  EXISTING_CLAIM_SQL,
  CLAIM_SELECT,
  toClaimPerson,
  toClaimView,
  volunteerMail,
  firstFreePlace,
  missingRequirements,
  normaliseEmail,
} = await import(distUrl('packages/volunteering/dist/index.js'));
const { ACTIVE_SESSION_SQL } = await import(distUrl('packages/identity/dist/index.js'));

// MikroORM's `?` placeholders as pg's `$n`.
const numbered = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
const activeSessionSql = numbered(ACTIVE_SESSION_SQL);
const lockShiftSql = `${numbered(SHIFT_SQL)} for update of s`;
const existingSql = numbered(EXISTING_CLAIM_SQL);
const takenSql = numbered(TAKEN_PLACES_SQL);
const claimSql = `${CLAIM_SELECT} where c.id = $1 order by s.starts_at, s.id, c.state, c.place_no nulls last, c.created_at, c.id limit 1000`;
const insertClaimSql = `insert into "volunteer_claims" ("id", "shift_id", "state", "origin", "place_no", "user_id", "name", "email", "email_normalised", "phone", "language", "confirmed_requirements", "entered_by_id", "confirmed_at", "hold_expires_at", "created_at") values ($1, $2, $3, 'self', $4, $5, $6, $7, $8, null, $9, $10, null, $11, null, $11)`;
const outboxSql = `insert into "outbox_messages" ("topic", "queue", "payload", "created_at", "available_at", "relayed_at", "relay_attempts", "last_error", "request_id") values ('mail.send', 'mail', $1, $2, $2, null, 0, null, null) returning "id"`;

const publicOrigin = process.env.PUBLIC_ORIGIN ?? 'http://localhost:3000';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

const uuid = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const problem = (reply, status, code, message) => reply.code(status).send({ error: { code, message } });

app.post(
  '/api/volunteering/shifts/:shiftId/claims',
  {
    schema: {
      params: { type: 'object', properties: { shiftId: { type: 'string', pattern: uuid } }, required: ['shiftId'] },
      body: {
        type: 'object',
        additionalProperties: false,
        properties: {
          confirmedRequirements: { type: 'array', maxItems: 10, items: { type: 'string' } },
          waitIfFull: { type: 'boolean' },
        },
      },
    },
  },
  async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return problem(reply, 401, 'unauthenticated', 'Sign in first');
    const { rows: sessions } = await pool.query(activeSessionSql, [createHash('sha256').update(token).digest('hex'), new Date()]);
    const user = sessions[0];
    if (!user) return problem(reply, 401, 'unauthenticated', 'Sign in first');
    const confirmed = request.body?.confirmedRequirements ?? [];
    const waitIfFull = request.body?.waitIfFull ?? false;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const {
        rows: [shift],
      } = await client.query(lockShiftSql, [request.params.shiftId]);
      if (!shift || shift.cancelled_at) {
        await client.query('rollback');
        return problem(reply, 404, 'not_found', 'The shift was not found');
      }
      if (new Date(shift.starts_at).getTime() <= Date.now()) {
        await client.query('rollback');
        return problem(reply, 422, 'rule_violation', 'The shift has already started');
      }
      if (missingRequirements(shift.requirements, confirmed).length) {
        await client.query('rollback');
        return problem(reply, 422, 'rule_violation', 'Confirm every requirement of the task');
      }
      const email = normaliseEmail(user.email);
      const { rows: existing } = await client.query(existingSql, [shift.id, user.id, email]);
      if (existing.length) {
        await client.query('rollback');
        return problem(reply, 409, 'conflict', 'You already have a place or a turn in line on this shift');
      }
      const { rows: taken } = await client.query(takenSql, [shift.id]);
      const placeNo = firstFreePlace(
        taken.map((row) => row.place_no),
        shift.capacity,
      );
      if (placeNo === null && !waitIfFull) {
        await client.query('rollback');
        return problem(reply, 409, 'conflict', 'Every place of the shift is taken; you may join the waiting list');
      }
      const id = randomUUID();
      const now = new Date();
      await client.query(insertClaimSql, [
        id,
        shift.id,
        placeNo === null ? 'waiting' : 'placed',
        placeNo,
        user.id,
        user.name,
        user.email,
        email,
        user.language,
        JSON.stringify(confirmed),
        now,
      ]);
      const {
        rows: [row],
      } = await client.query(claimSql, [id]);
      const claim = toClaimView(toClaimPerson(row));
      const mail = volunteerMail(
        shift,
        claim.state === 'waiting' ? 'waiting' : 'placed',
        { email: user.email, name: user.name, language: user.language },
        { link: `${publicOrigin}/me/volunteering` },
      );
      await client.query(outboxSql, [mail, now]);
      await client.query('commit');
      reply.code(201);
      return { claim };
    } catch (error) {
      await client.query('rollback').catch(() => {});
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
