// Child process: the floor to compare the lending api with. A bare Fastify + pg server on the same
// database, running by hand the statements the api issues for the same two routes (captured from
// MikroORM's debug log; the stock statements are the very text of packages/lending/src/stock.sql.ts),
// with no Nest, no ORM, no zod. Same pool size as the api's ORM (10). It applies the same pure rules
// (loan.rules.ts) and renders the same mails (the template and the .ics), so what is left between
// the two is the framework and the ORM. When the api's statements change, change them here too in
// the same commit, or the comparison flatters one side.
import { createHash, randomUUID } from 'node:crypto';
import { distUrl, importFromApi } from '../lib/deps.mjs';

const Fastify = await importFromApi('fastify');
const pg = await importFromApi('pg');

const { dailyUsageSql, peakUsageSql, loanUpdateTemplate } = await import(distUrl('packages/lending/dist/index.js'));
const rules = await import(distUrl('packages/lending/dist/loan.rules.js'));
const { loanCalendar } = await import(distUrl('packages/lending/dist/mail/loan-calendar.js'));
const { ACTIVE_SESSION_SQL } = await import(distUrl('packages/identity/dist/index.js'));
const { renderTemplate } = await import(distUrl('packages/outbox/dist/mail/index.js'));
const { pickLocalized } = await import(distUrl('packages/platform/dist/schemas.js'));
const { addDays, helsinkiDayStart } = await import(distUrl('packages/platform/dist/time/index.js'));

// MikroORM's `?` placeholders as pg's `$n`.
const numbered = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
const activeSessionSql = numbered(ACTIVE_SESSION_SQL);
const list = (from, count) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});
const app = Fastify({ logger: false, bodyLimit: 1_048_576 });

const uuid = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const day = '^\\d{4}-\\d{2}-\\d{2}$';
const problem = (reply, status, code, message) => reply.code(status).send({ error: { code, message } });
const iso = (value) => (value ? new Date(value).toISOString() : null);

const ITEM_COLUMNS = (alias) =>
  [
    'id',
    'organisation_id',
    'name',
    'description',
    'category',
    'quantity',
    'is_kit',
    'venue_id',
    'address',
    'village_id',
    'pick_up_instructions',
    'borrowers',
    'is_approval_required',
    'fee_members_cents',
    'fee_organisations_cents',
    'fee_private_cents',
    'deposit_cents',
    'max_days',
    'notice_days',
    'condition_notes',
    'created_at',
  ]
    .map((column) => `"${alias}"."${column}" as "${alias}__${column}"`)
    .join(', ');
const KIT_PARTS_SQL = `select "k0".*, ${ITEM_COLUMNS('p1')} from "kit_parts" as "k0" inner join "items" as "p1" on "k0"."part_id" = "p1"."id" where "k0"."kit_id" = $1`;

// GET availability: AvailabilityService.forItem — the item, its kit parts when it is a kit, and
// dailyUsageSql (the very text) over the Helsinki days.
app.get(
  '/api/lending/items/:id/availability',
  {
    schema: {
      params: { type: 'object', properties: { id: { type: 'string', pattern: uuid } }, required: ['id'] },
      querystring: {
        type: 'object',
        properties: { from: { type: 'string', pattern: day }, to: { type: 'string', pattern: day } },
        required: ['from', 'to'],
      },
    },
  },
  async (request, reply) => {
    const { from, to } = request.query;
    if (to < from || Date.parse(to) - Date.parse(from) > 62 * 86_400_000)
      return problem(reply, 400, 'validation_failed', 'Ask for at most 62 days, the last not before the first');
    const { rows: items } = await pool.query('select "i0".* from "items" as "i0" where "i0"."id" = $1 limit 1', [
      request.params.id,
    ]);
    const item = items[0];
    if (!item) return problem(reply, 404, 'not_found', 'The item was not found');
    const parts = item.is_kit ? (await pool.query(KIT_PARTS_SQL, [item.id])).rows : [];
    const physical = new Map();
    if (!item.is_kit) physical.set(item.id, item.quantity);
    for (const part of parts) physical.set(part.part_id, part.p1__quantity);
    const ids = [...physical.keys()];
    const now = new Date();
    const startsAt = helsinkiDayStart(from);
    const endsAt = helsinkiDayStart(addDays(to, 1));
    const { rows } = await pool.query(numbered(dailyUsageSql(ids.length)), [
      from,
      to,
      now,
      ...ids,
      endsAt,
      startsAt,
      ...ids,
      endsAt,
      startsAt,
      ...ids,
    ]);
    const usage = new Map(ids.map((id) => [id, new Map()]));
    for (const row of rows) usage.get(row.item_id)?.set(row.day, row.peak);
    const freeOn = (id, date) => Math.max(0, (physical.get(id) ?? 0) - (usage.get(id)?.get(date) ?? 0));
    const days = [];
    for (let date = from; date <= to; date = addDays(date, 1))
      days.push({
        date,
        free: item.is_kit
          ? rules.kitsFree(parts.map((part) => ({ free: freeOn(part.part_id, date), perKit: part.quantity })))
          : freeOn(item.id, date),
        total: item.quantity,
      });
    return { itemId: item.id, total: item.quantity, days };
  },
);

const ITEMS_SQL = (count) =>
  `select "i0".*, "o1"."id" as "o1__id", "o1"."name" as "o1__name", "o1"."kind" as "o1__kind", "o1"."business_id" as "o1__business_id", "o1"."village_id" as "o1__village_id", "o1"."contact_email" as "o1__contact_email", "o1"."contact_phone" as "o1__contact_phone", "o1"."description" as "o1__description", "o1"."created_at" as "o1__created_at", "v2"."id" as "v2__id", "v2"."municipality_id" as "v2__municipality_id", "v2"."name" as "v2__name", "m3"."id" as "m3__id", "m3"."region_id" as "m3__region_id", "m3"."name" as "m3__name", "v4"."id" as "v4__id", "v4"."municipality_id" as "v4__municipality_id", "v4"."name" as "v4__name"
     from "items" as "i0" inner join "organisations" as "o1" on "i0"."organisation_id" = "o1"."id" inner join "villages" as "v2" on "o1"."village_id" = "v2"."id" inner join "municipalities" as "m3" on "v2"."municipality_id" = "m3"."id" inner join "villages" as "v4" on "i0"."village_id" = "v4"."id"
    where "i0"."id" in (${list(1, count)})`;
const BORROWING_SQL = `select "o0".*, "v1"."id" as "v1__id", "v1"."municipality_id" as "v1__municipality_id", "v1"."name" as "v1__name", "m2"."id" as "m2__id", "m2"."region_id" as "m2__region_id", "m2"."name" as "m2__name"
     from "organisations" as "o0" inner join "villages" as "v1" on "o0"."village_id" = "v1"."id" inner join "municipalities" as "m2" on "v1"."municipality_id" = "m2"."id" where "o0"."id" = $1 limit 1`;
const MEMBERSHIPS_SQL = (count) =>
  `select "m0"."id", "m0"."organisation_id" from "memberships" as "m0" where "m0"."user_id" = $1 and "m0"."organisation_id" in (${list(2, count)})`;
const COORDINATORS_SQL = (count) =>
  `select "m0".*, "u1"."id" as "u1__id", "u1"."name" as "u1__name", "u1"."email" as "u1__email", "u1"."phone" as "u1__phone", "u1"."language" as "u1__language", "u1"."is_platform_admin" as "u1__is_platform_admin", "u1"."created_at" as "u1__created_at"
     from "memberships" as "m0" inner join "users" as "u1" on "m0"."user_id" = "u1"."id" where "m0"."organisation_id" in (${list(1, count)}) and "m0"."role" in ('admin', 'coordinator')`;
const LOAN_VIEW_SQL = (count) =>
  `select "l0".*, "o1"."id" as "o1__id", "o1"."name" as "o1__name", "o1"."kind" as "o1__kind", "o1"."business_id" as "o1__business_id", "o1"."village_id" as "o1__village_id", "o1"."contact_email" as "o1__contact_email", "o1"."contact_phone" as "o1__contact_phone", "o1"."description" as "o1__description", "o1"."created_at" as "o1__created_at", "b2"."id" as "b2__id", "b2"."name" as "b2__name", "b2"."email" as "b2__email", "b2"."phone" as "b2__phone", "b2"."language" as "b2__language", "b2"."is_platform_admin" as "b2__is_platform_admin", "b2"."created_at" as "b2__created_at", "o3"."id" as "o3__id", "o3"."name" as "o3__name", "o3"."kind" as "o3__kind", "o3"."business_id" as "o3__business_id", "o3"."village_id" as "o3__village_id", "o3"."contact_email" as "o3__contact_email", "o3"."contact_phone" as "o3__contact_phone", "o3"."description" as "o3__description", "o3"."created_at" as "o3__created_at"
     from "loans" as "l0" inner join "organisations" as "o1" on "l0"."owner_id" = "o1"."id" inner join "users" as "b2" on "l0"."borrower_id" = "b2"."id" left join "organisations" as "o3" on "l0"."organisation_id" = "o3"."id"
    where "l0"."request_id" in (${list(1, count)}) order by "o1"."name" asc`;
const LINE_VIEW_SQL = (count) =>
  `select "l0".*, "i1"."id" as "i1__id", "i1"."organisation_id" as "i1__organisation_id", "i1"."name" as "i1__name", "i1"."description" as "i1__description", "i1"."category" as "i1__category", "i1"."quantity" as "i1__quantity", "i1"."is_kit" as "i1__is_kit", "i1"."venue_id" as "i1__venue_id", "i1"."address" as "i1__address", "i1"."village_id" as "i1__village_id", "i1"."pick_up_instructions" as "i1__pick_up_instructions", "i1"."borrowers" as "i1__borrowers", "i1"."is_approval_required" as "i1__is_approval_required", "i1"."fee_members_cents" as "i1__fee_members_cents", "i1"."fee_organisations_cents" as "i1__fee_organisations_cents", "i1"."fee_private_cents" as "i1__fee_private_cents", "i1"."deposit_cents" as "i1__deposit_cents", "i1"."max_days" as "i1__max_days", "i1"."notice_days" as "i1__notice_days", "i1"."condition_notes" as "i1__condition_notes", "i1"."created_at" as "i1__created_at"
     from "loan_lines" as "l0" inner join "items" as "i1" on "l0"."item_id" = "i1"."id" where "l0"."loan_id" in (${list(1, count)}) order by "i1"."created_at" asc, "l0"."id" asc`;
const LOAN_COLUMNS =
  '"id", "request_id", "owner_id", "borrower_id", "organisation_id", "state", "starts_at", "ends_at", "collector_name", "collect_at", "hand_over_starts_at", "hand_over_ends_at", "is_transport_needed", "event_id", "message", "fee_tier", "fee_cents", "deposit_cents", "deny_reason", "cancel_reason", "created_at", "expires_at", "decided_at", "decided_by_id", "picked_up_at", "returned_at", "cancelled_at", "flagged_at", "pick_up_reminded_at", "return_reminded_at", "overdue_notified_at"';
const LINE_COLUMNS =
  '"id", "loan_id", "item_id", "quantity", "kit_item_id", "returned_fine", "returned_damaged", "returned_missing", "return_notes"';
const values = (rows, width) =>
  rows.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');

const loanWord = { fi: 'Laina', sv: 'Lån', en: 'Loan' };
const handOverWord = { fi: 'Luovutus', sv: 'Överlämning', en: 'Hand-over' };
const ownerKinds = new Set(['requested', 'instant', 'cancelledByBorrower', 'overdueOwner', 'flagged']);

// notifyLoan of mail/loan-notifications.ts: the same template and .ics, the same outbox row.
function mails(loan, lines, kind, { publicOrigin, coordinators, borrower }) {
  const toOwner = ownerKinds.has(kind);
  const recipients = toOwner ? coordinators : [borrower];
  const link = toOwner
    ? `${publicOrigin}/organisations/${loan.ownerId}/lending/loans/${loan.id}`
    : `${publicOrigin}/lending/requests/${loan.requestId}`;
  const first = lines[0].item;
  const place = first.address ? `${first.address}, ${first.villageName}` : first.villageName;
  return recipients.map((recipient) => {
    const language = recipient.language;
    const names = lines.map((line) => ({ name: pickLocalized(line.item.name, language) ?? '', quantity: line.quantity }));
    const summary = `${loanWord[language]}: ${names.map((line) => `${line.quantity} × ${line.name}`).join(', ')} – ${loan.ownerName}`;
    const rendered = renderTemplate(
      'loan-update',
      loanUpdateTemplate,
      {
        kind,
        ownerName: loan.ownerName,
        borrowerName: borrower.name,
        organisationName: loan.organisationName,
        startsAt: loan.startsAt.toISOString(),
        endsAt: loan.endsAt.toISOString(),
        lines: names,
        collectorName: loan.collectorName,
        isTransportNeeded: loan.isTransportNeeded,
        handOverStartsAt: null,
        handOverEndsAt: null,
        place,
        pickUpInstructions: [...new Set(lines.map((line) => line.item.pickUpInstructions).filter(Boolean))],
        feeCents: loan.feeCents,
        depositCents: loan.depositCents,
        reason: null,
        link,
      },
      language,
      { recipientName: recipient.name },
    );
    const calendar = loanCalendar({
      loanId: loan.id,
      kind,
      summary,
      place,
      link,
      startsAt: loan.startsAt,
      endsAt: loan.endsAt,
      handOver: null,
      handOverSummary: `${handOverWord[language]}: ${summary}`,
    });
    return {
      to: recipient.email,
      toName: recipient.name,
      language,
      template: `loan.${kind.replace(/[A-Z]/g, (char) => `-${char.toLowerCase()}`)}`,
      rendered,
      attachments: [{ filename: 'laina.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: calendar }],
    };
  });
}

class Refusal extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// POST a loan request: LoanRequestService.request, statement for statement — the session (the access
// guard's ACTIVE_SESSION_SQL), then in one transaction the items with owner, owner's village and
// municipality and the item's village; the borrowing organisation with village and municipality; one
// membership statement; the items' row locks in id order and peakUsageSql (ADR 017); the request,
// loan and line inserts; the owners' coordinators; the view of the request's loans and lines; one
// outbox insert per mail. Kits are not part of this benchmark: the raw route refuses them.
app.post(
  '/api/lending/requests',
  {
    schema: {
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['lines', 'startsAt', 'endsAt', 'collectorName'],
        properties: {
          lines: {
            type: 'array',
            minItems: 1,
            maxItems: 50,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['itemId', 'quantity'],
              properties: {
                itemId: { type: 'string', pattern: uuid },
                quantity: { type: 'integer', minimum: 1, maximum: 100000 },
              },
            },
          },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          organisationId: { anyOf: [{ type: 'string', pattern: uuid }, { type: 'null' }] },
          collectorName: { type: 'string', minLength: 2, maxLength: 200 },
          collectAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
          isTransportNeeded: { type: 'boolean' },
          eventId: { anyOf: [{ type: 'string', pattern: uuid }, { type: 'null' }] },
          message: { type: 'string', maxLength: 2000 },
        },
      },
    },
  },
  async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return problem(reply, 401, 'unauthenticated', 'Sign in first');
    const body = request.body;
    const input = {
      lines: body.lines,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      organisationId: body.organisationId ?? null,
      collectorName: body.collectorName.trim(),
      collectAt: body.collectAt ? new Date(body.collectAt) : null,
      isTransportNeeded: body.isTransportNeeded ?? false,
      eventId: body.eventId ?? null,
      message: (body.message ?? '').trim(),
    };
    if (!(input.endsAt > input.startsAt)) return problem(reply, 400, 'validation_failed', 'The end must be after the start');
    const { rows: sessions } = await pool.query(activeSessionSql, [createHash('sha256').update(token).digest('hex'), new Date()]);
    const session = sessions[0];
    if (!session) return problem(reply, 401, 'unauthenticated', 'Sign in first');
    const borrower = { id: session.id, name: session.name, email: session.email, language: session.language };
    if (new Set(input.lines.map((line) => line.itemId)).size !== input.lines.length)
      return problem(reply, 422, 'loan.duplicate_item', 'Name each item once');
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await requestLoans(client, input, borrower);
      await client.query('commit');
      reply.code(201);
      return { request: result };
    } catch (error) {
      await client.query('rollback').catch(() => {});
      if (error instanceof Refusal) return problem(reply, error.status, error.code, error.message);
      throw error;
    } finally {
      client.release();
    }
  },
);

async function requestLoans(client, input, borrower) {
  const now = new Date();
  const itemIds = input.lines.map((line) => line.itemId);
  const { rows: items } = await client.query(ITEMS_SQL(itemIds.length), itemIds);
  const ordered = input.lines.map((line) => {
    const item = items.find((row) => row.id === line.itemId);
    if (!item) throw new Refusal(422, 'loan.item_unknown', 'No such item');
    if (item.is_kit) throw new Refusal(400, 'bench', 'The raw route does not take kits');
    return { ...line, item };
  });
  const ownerIds = [...new Set(ordered.map((line) => line.item.organisation_id))];
  const borrowing = input.organisationId ? (await client.query(BORROWING_SQL, [input.organisationId])).rows[0] : null;
  const asked = [...new Set([...ownerIds, ...(input.organisationId ? [input.organisationId] : [])])];
  const { rows: memberships } = await client.query(MEMBERSHIPS_SQL(asked.length), [borrower.id, ...asked]);
  const isMemberOf = (id) => memberships.some((row) => row.organisation_id === id);
  if (input.organisationId && !isMemberOf(input.organisationId))
    throw new Refusal(403, 'loan.not_member_of_organisation', 'You can borrow for an organisation only as its member');
  if (
    input.organisationId &&
    !ownerIds.includes(input.organisationId) &&
    borrowing?.m2__region_id !== ordered[0].item.m3__region_id
  )
    throw new Refusal(422, 'loan.borrower_not_allowed', 'Owners lend to organisations of their own region');
  const tiers = new Map(
    ownerIds.map((ownerId) => [
      ownerId,
      rules.feeTierFor({ borrowingOrganisationId: input.organisationId, ownerId, isOwnerMember: isMemberOf(ownerId) }),
    ]),
  );
  for (const line of ordered) {
    if (!rules.mayBorrow(line.item.borrowers, tiers.get(line.item.organisation_id)))
      throw new Refusal(422, 'loan.borrower_not_allowed', 'The owner does not lend this to you');
    const periodProblem = rules.periodProblem(
      input.startsAt,
      input.endsAt,
      { noticeDays: line.item.notice_days, maxDays: line.item.max_days },
      now,
    );
    if (periodProblem) throw new Refusal(422, periodProblem.reason, periodProblem.message);
  }

  // The stock rule (ADR 017): lock in id order, sum the overlaps, then insert.
  const wanted = new Map();
  for (const line of ordered) wanted.set(line.itemId, (wanted.get(line.itemId) ?? 0) + line.quantity);
  const ids = [...wanted.keys()].sort();
  const { rows: locked } = await client.query(
    `select id, quantity from items where id in (${list(1, ids.length)}) order by id for update`,
    ids,
  );
  const { rows: peaks } = await client.query(numbered(peakUsageSql(ids.length)), [
    now,
    ...ids,
    input.endsAt,
    input.startsAt,
    ...ids,
    input.endsAt,
    input.startsAt,
    input.startsAt,
    input.startsAt,
    ...ids,
  ]);
  const stock = new Map(locked.map((row) => [row.id, row.quantity]));
  const peak = new Map(peaks.map((row) => [row.item_id, row.peak]));
  if (ids.some((id) => (stock.get(id) ?? 0) - (peak.get(id) ?? 0) < wanted.get(id)))
    throw new Refusal(409, 'loan.not_enough_free', 'Someone else just took some of these: fewer are free now');

  const requestId = randomUUID();
  await client.query(
    `insert into "loan_requests" ("id", "borrower_id", "organisation_id", "starts_at", "ends_at", "created_at") values ($1, $2, $3, $4, $5, $6)`,
    [requestId, borrower.id, input.organisationId, input.startsAt, input.endsAt, now],
  );
  const loans = [];
  const lines = [];
  for (const ownerId of tiers.keys()) {
    const tier = tiers.get(ownerId);
    const own = ordered.filter((line) => line.item.organisation_id === ownerId);
    const fees = own.map((line) =>
      rules.lineFee(
        {
          feeMembersCents: line.item.fee_members_cents,
          feeOrganisationsCents: line.item.fee_organisations_cents,
          feePrivateCents: line.item.fee_private_cents,
          depositCents: line.item.deposit_cents,
        },
        tier,
        line.quantity,
      ),
    );
    const state = own.some((line) => line.item.is_approval_required) ? 'requested' : 'approved';
    const loan = {
      id: randomUUID(),
      requestId,
      ownerId,
      ownerName: own[0].item.o1__name,
      organisationName: borrowing?.name ?? null,
      state,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      collectorName: input.collectorName,
      isTransportNeeded: input.isTransportNeeded,
      feeTier: tier,
      feeCents: fees.reduce((total, fee) => total + fee.feeCents, 0),
      depositCents: fees.reduce((total, fee) => total + fee.depositCents, 0),
      expiresAt: state === 'requested' ? rules.requestExpiry(now, input.startsAt, 7) : null,
      decidedAt: state === 'approved' ? now : null,
      own,
    };
    loans.push(loan);
    for (const line of own) lines.push({ id: randomUUID(), loanId: loan.id, itemId: line.itemId, quantity: line.quantity });
  }
  await client.query(
    `insert into "loans" (${LOAN_COLUMNS}) values ${values(loans, 31)}`,
    loans.flatMap((loan) => [
      loan.id,
      requestId,
      loan.ownerId,
      borrower.id,
      input.organisationId,
      loan.state,
      loan.startsAt,
      loan.endsAt,
      loan.collectorName,
      input.collectAt,
      null,
      null,
      loan.isTransportNeeded,
      input.eventId,
      input.message,
      loan.feeTier,
      loan.feeCents,
      loan.depositCents,
      null,
      null,
      now,
      loan.expiresAt,
      loan.decidedAt,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]),
  );
  await client.query(
    `insert into "loan_lines" (${LINE_COLUMNS}) values ${values(lines, 9)}`,
    lines.flatMap((line) => [line.id, line.loanId, line.itemId, line.quantity, null, 0, 0, 0, '']),
  );
  const { rows: coordinatorRows } = await client.query(COORDINATORS_SQL(ownerIds.length), ownerIds);
  const { rows: loanRows } = await client.query(LOAN_VIEW_SQL(1), [requestId]);
  const { rows: lineRows } = await client.query(
    LINE_VIEW_SQL(loanRows.length),
    loanRows.map((row) => row.id),
  );
  const publicOrigin = 'http://localhost:3000';
  for (const loan of loans) {
    const coordinators = coordinatorRows
      .filter((row) => row.organisation_id === loan.ownerId)
      .map((row) => ({ name: row.u1__name, email: row.u1__email, language: row.u1__language }));
    const notified = loan.own.map((line) => ({
      quantity: line.quantity,
      item: {
        name: line.item.name,
        address: line.item.address,
        pickUpInstructions: line.item.pick_up_instructions,
        villageName: line.item.v4__name,
      },
    }));
    const to = { publicOrigin, coordinators, borrower };
    const kinds = loan.state === 'requested' ? ['requested'] : ['instant', 'approved'];
    for (const kind of kinds)
      for (const mail of mails(loan, notified, kind, to))
        await client.query(
          `insert into "outbox_messages" ("topic", "queue", "payload", "created_at", "available_at", "relayed_at", "relay_attempts", "last_error") values ('mail.send', 'mail', $1, $2, $2, null, 0, null) returning "id"`,
          [mail, now],
        );
  }
  return {
    id: requestId,
    createdAt: now.toISOString(),
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt.toISOString(),
    loans: loanRows.map((row) => ({
      id: row.id,
      requestId: row.request_id,
      state: row.state,
      isOverdue: rules.isOverdue({ state: row.state, endsAt: row.ends_at }, now),
      isFlagged: row.flagged_at !== null,
      owner: { id: row.o1__id, name: row.o1__name },
      borrower: { id: row.b2__id, name: row.b2__name, email: row.b2__email },
      organisation: row.o3__id ? { id: row.o3__id, name: row.o3__name } : null,
      startsAt: iso(row.starts_at),
      endsAt: iso(row.ends_at),
      collectorName: row.collector_name,
      collectAt: iso(row.collect_at),
      handOverStartsAt: iso(row.hand_over_starts_at),
      handOverEndsAt: iso(row.hand_over_ends_at),
      isTransportNeeded: row.is_transport_needed,
      eventId: row.event_id,
      message: row.message,
      feeTier: row.fee_tier,
      feeCents: row.fee_cents,
      depositCents: row.deposit_cents,
      denyReason: row.deny_reason,
      cancelReason: row.cancel_reason,
      createdAt: iso(row.created_at),
      expiresAt: iso(row.expires_at),
      pickedUpAt: iso(row.picked_up_at),
      returnedAt: iso(row.returned_at),
      lines: lineRows
        .filter((line) => line.loan_id === row.id)
        .map((line) => ({
          itemId: line.item_id,
          name: line.i1__name,
          quantity: line.quantity,
          kitItemId: line.kit_item_id,
          returnedFine: line.returned_fine,
          returnedDamaged: line.returned_damaged,
          returnedMissing: line.returned_missing,
          returnNotes: line.return_notes,
        })),
    })),
  };
}

await app.listen({ port: 0, host: '127.0.0.1' });
process.send({ port: app.server.address().port });
process.on('message', async (message) => {
  if (message === 'stop') {
    await app.close();
    await pool.end();
    process.exit(0);
  }
});
