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

const {
  ITEM_STOCK_SQL,
  dailyUsageSql,
  loanUpdateTemplate,
  ownerCoordinatorsSql,
  peakUsageSql,
  requestOrganisationsSql,
  requestedItemsSql,
} = await import(distUrl('packages/lending/dist/index.js'));
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

// GET availability: AvailabilityService.forItem — the item with its kit parts (ITEM_STOCK_SQL) and
// dailyUsageSql over the Helsinki days, the very texts.
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
    const { rows: stock } = await pool.query(numbered(ITEM_STOCK_SQL), [request.params.id]);
    const item = stock[0];
    if (!item) return problem(reply, 404, 'not_found', 'The item was not found');
    const parts = stock.filter((row) => row.part_id !== null);
    const physical = new Map();
    if (!item.is_kit) physical.set(item.id, item.quantity);
    for (const part of parts) physical.set(part.part_id, part.part_quantity);
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
          ? rules.kitsFree(parts.map((part) => ({ free: freeOn(part.part_id, date), perKit: part.per_kit })))
          : freeOn(item.id, date),
        total: item.quantity,
      });
    return { itemId: item.id, total: item.quantity, days };
  },
);

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
// guard's ACTIVE_SESSION_SQL), then in one transaction the items with owner, region and village
// (requestedItemsSql), the organisations with the borrower's memberships (requestOrganisationsSql),
// the items' row locks in id order and peakUsageSql (ADR 017), the request, loan and line inserts,
// the owners' coordinators (ownerCoordinatorsSql) and one outbox insert per mail; the answer is built
// from what is known. Kits are not part of this benchmark: the raw route refuses them.
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
  const { rows: items } = await client.query(numbered(requestedItemsSql(itemIds.length)), itemIds);
  const ordered = input.lines.map((line) => {
    const item = items.find((row) => row.id === line.itemId);
    if (!item) throw new Refusal(422, 'loan.item_unknown', 'No such item');
    if (item.is_kit) throw new Refusal(400, 'bench', 'The raw route does not take kits');
    return { ...line, item };
  });
  const ownerIds = [...new Set(ordered.map((line) => line.item.owner_id))];
  const asked = [...new Set([...ownerIds, ...(input.organisationId ? [input.organisationId] : [])])];
  const { rows: organisationRows } = await client.query(numbered(requestOrganisationsSql(asked.length)), [borrower.id, ...asked]);
  const organisations = new Map(organisationRows.map((row) => [row.id, row]));
  const borrowing = input.organisationId ? (organisations.get(input.organisationId) ?? null) : null;
  const isMemberOf = (id) => organisations.get(id)?.is_member ?? false;
  if (input.organisationId && !isMemberOf(input.organisationId))
    throw new Refusal(403, 'loan.not_member_of_organisation', 'You can borrow for an organisation only as its member');
  if (
    input.organisationId &&
    !ownerIds.includes(input.organisationId) &&
    borrowing?.region_id !== ordered[0].item.owner_region_id
  )
    throw new Refusal(422, 'loan.borrower_not_allowed', 'Owners lend to organisations of their own region');
  const tiers = new Map(
    ownerIds.map((ownerId) => [
      ownerId,
      rules.feeTierFor({ borrowingOrganisationId: input.organisationId, ownerId, isOwnerMember: isMemberOf(ownerId) }),
    ]),
  );
  for (const line of ordered) {
    if (!rules.mayBorrow(line.item.borrowers, tiers.get(line.item.owner_id)))
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
    [requestId, borrower.id, borrowing?.id ?? null, input.startsAt, input.endsAt, now],
  );
  const loans = [];
  const lines = [];
  for (const ownerId of tiers.keys()) {
    const tier = tiers.get(ownerId);
    const own = ordered.filter((line) => line.item.owner_id === ownerId);
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
      ownerName: own[0].item.owner_name,
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
      lines: own
        .map((line) => ({ id: randomUUID(), itemId: line.itemId, quantity: line.quantity, item: line.item }))
        .sort((a, b) => a.item.created_at - b.item.created_at || (a.id < b.id ? -1 : 1)),
    };
    loans.push(loan);
    for (const line of loan.lines) lines.push({ ...line, loanId: loan.id });
  }
  await client.query(
    `insert into "loans" (${LOAN_COLUMNS}) values ${values(loans, 31)}`,
    loans.flatMap((loan) => [
      loan.id,
      requestId,
      loan.ownerId,
      borrower.id,
      borrowing?.id ?? null,
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
  const { rows: coordinatorRows } = await client.query(numbered(ownerCoordinatorsSql(ownerIds.length)), ownerIds);
  const publicOrigin = 'http://localhost:3000';
  for (const loan of loans) {
    const coordinators = coordinatorRows.filter((row) => row.organisation_id === loan.ownerId);
    const notified = loan.own.map((line) => ({
      quantity: line.quantity,
      item: {
        name: line.item.name,
        address: line.item.address,
        pickUpInstructions: line.item.pick_up_instructions,
        villageName: line.item.village_name,
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
  // The answer from what is known: nothing is read back (as LoanRequestService.insert).
  return {
    id: requestId,
    createdAt: now.toISOString(),
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt.toISOString(),
    loans: loans
      .sort((a, b) => a.ownerName.localeCompare(b.ownerName, 'fi') || (a.id < b.id ? -1 : 1))
      .map((loan) => ({
        id: loan.id,
        requestId,
        state: loan.state,
        isOverdue: false,
        isFlagged: false,
        owner: { id: loan.ownerId, name: loan.ownerName },
        borrower: { id: borrower.id, name: borrower.name, email: borrower.email },
        organisation: borrowing ? { id: borrowing.id, name: borrowing.name } : null,
        startsAt: iso(loan.startsAt),
        endsAt: iso(loan.endsAt),
        collectorName: loan.collectorName,
        collectAt: iso(input.collectAt),
        handOverStartsAt: null,
        handOverEndsAt: null,
        isTransportNeeded: loan.isTransportNeeded,
        eventId: input.eventId,
        message: input.message,
        feeTier: loan.feeTier,
        feeCents: loan.feeCents,
        depositCents: loan.depositCents,
        denyReason: null,
        cancelReason: null,
        createdAt: iso(now),
        expiresAt: iso(loan.expiresAt),
        pickedUpAt: null,
        returnedAt: null,
        lines: loan.lines.map((line) => ({
          itemId: line.itemId,
          name: line.item.name,
          quantity: line.quantity,
          kitItemId: null,
          returnedFine: 0,
          returnedDamaged: 0,
          returnedMissing: 0,
          returnNotes: '',
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
