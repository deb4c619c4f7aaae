import fc from 'fast-check';
import { parseJsonText, toJsonText } from './json-text.js';
import { isoInstant, longText } from './odd-values.js';
import type { Operation, Parameter } from './openapi-operations.js';
import type { Rows } from './product-database.js';
import type { FuzzRequest, Persona } from './product-http.js';
import {
  type IdSource,
  bodyArb,
  fittingArb,
  idKindOf,
  parameterValueArb,
  plainSource,
  unbiasedIndex,
  unbiasedRoll,
} from './schema-arbitraries.js';
import { type PathPicks, resolveRealPath } from './real-paths.js';

// What the fuzzer sent and what the answer may be, judged from the document alone.
export interface Plan {
  operation: Operation;
  persona: Persona;
  request: FuzzRequest;
  // Why the document forbids this request (then a 2xx is a failure); undefined if it allows it.
  forbiddenBecause?: string;
  bodyExcerpt: string;
}

// Sent as they are, never encoded: malformed escapes, NUL, encoded slashes and dots.
const rawFragments = ['%00', '%', '%zz', '%E0%A4%A', '%C0%AE', '%FF', '%2F', '%2e%2e', '%u0000', '%0A', '%20'];

// Percent-encodes UTF-8 bytes; unlike encodeURIComponent it never throws on a lone surrogate.
export function percentEncode(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    encoded += /[A-Za-z0-9\-._~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

type Value = { text: string; isRaw: boolean };

function valueArb(parameter: Parameter, ids: IdSource): fc.Arbitrary<Value> {
  return fc.oneof(
    { weight: 9, arbitrary: parameterValueArb(parameter.schema, parameter.name, ids).map((text) => ({ text, isRaw: false })) },
    { weight: 1, arbitrary: fc.constantFrom(...rawFragments).map((text) => ({ text, isRaw: true })) },
  );
}

const extraQueryNames = [
  'q',
  'municipality',
  'village',
  'organiser',
  'category',
  'audience',
  'free',
  'accessible',
  'x',
  '__proto__',
  'constructor',
  'a[]',
  'a[0]',
  'filter[q]',
];

function queryArb(operation: Operation, ids: IdSource) {
  const documented = operation.queryParams.map((parameter) =>
    fc.record({
      isPresent: unbiasedRoll(9).map((roll) => roll < (parameter.required ? 9 : 5)),
      // Now and then a parameter repeated (Fastify makes an array of it).
      values: fc
        .tuple(unbiasedRoll(11), fc.array(valueArb(parameter, ids), { minLength: 3, maxLength: 3 }))
        .map(([roll, values]) => (roll === 0 ? values : values.slice(0, 1))),
    }),
  );
  const extraParameter: Parameter = { name: 'q', schema: { type: 'string' }, required: false, validate: (() => true) as any };
  const extras = fc.array(
    fc.tuple(
      fc.constantFrom(...extraQueryNames),
      fc.oneof(
        valueArb(extraParameter, ids),
        unbiasedIndex().map((index) => ({ text: ids.pick(idKindOf('village'), index) ?? '', isRaw: false })),
      ),
    ),
    { maxLength: 3 },
  );
  // Now and then a query over the 16 KB a request line and headers may take (414 or 431 expected).
  const huge = unbiasedRoll(39).map((roll) => (roll === 0 ? `&long=${longText(20_000)}` : ''));
  const odd = fc.record({
    documented: fc.tuple(...documented),
    extras,
    tail: fc.constantFrom('', '', '', '', '', '&', '&&', '=', '&=&', '?'),
    huge,
  });
  // A third of the queries are plain (what the portal sends), so requests reach the services.
  const plainSources = plainSource(ids);
  const plain = fc.record({
    documented: fc.tuple(
      ...operation.queryParams.map((parameter) =>
        fc.record({
          isPresent: fc.boolean().map((isPresent) => isPresent || parameter.required),
          values: parameterPlainArb(parameter, plainSources).map((value) => [value]),
        }),
      ),
    ),
    extras: fc.constant<[string, Value][]>([]),
    tail: fc.constant(''),
    huge: fc.constant(''),
  });
  return fc.oneof({ weight: 1, arbitrary: plain }, { weight: 2, arbitrary: odd });
}

function parameterPlainArb(parameter: Parameter, ids: IdSource): fc.Arbitrary<Value> {
  return fittingArb(parameter.schema, parameter.name, ids).map((value) => ({
    text: typeof value === 'string' ? value : JSON.stringify(value),
    isRaw: false,
  }));
}

type BodyKind = 'json' | 'jsonCharset' | 'text' | 'form' | 'none' | 'multipart' | 'empty' | 'badUtf8';

const bodyKindArb = fc.oneof(
  { weight: 24, arbitrary: fc.constant<BodyKind>('json') },
  { weight: 1, arbitrary: fc.constantFrom<BodyKind>('jsonCharset', 'text', 'form', 'none', 'multipart', 'empty', 'badUtf8') },
);

// A 1×1 PNG; a PNG header that claims 100,000 × 100,000 pixels; the start of a JPEG; an SVG with a script.
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const bombPng = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  Buffer.from([0x00, 0x01, 0x86, 0xa0, 0x00, 0x01, 0x86, 0xa0, 8, 6, 0, 0, 0]),
  Buffer.alloc(4),
]);
const jpegStart = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');
export const elevenMegabytes = Buffer.alloc(11 * 1024 * 1024, 0x41);

const uploadArb = fc.record({
  type: fc.constantFrom(
    'image/jpeg',
    'image/png',
    'image/webp',
    'image/gif',
    'image/svg+xml',
    'application/octet-stream',
    'application/json',
    'text/plain',
  ),
  bytes: fc.oneof(
    fc.constantFrom(tinyPng, bombPng, jpegStart, svg, gif, Buffer.alloc(0)),
    fc.uint8Array({ maxLength: 2048 }).map((array) => Buffer.from(array)),
  ),
});

function bodyFor(kind: BodyKind, value: unknown): { contentType?: string; body?: Buffer; text: string } {
  const text = toJsonText(value);
  switch (kind) {
    case 'json':
      return { contentType: 'application/json', body: Buffer.from(text), text };
    case 'jsonCharset':
      return { contentType: 'application/JSON; charset=utf-8', body: Buffer.from(text), text };
    case 'text':
      return { contentType: 'text/plain', body: Buffer.from(text), text };
    case 'form': {
      const form = new URLSearchParams();
      if (value && typeof value === 'object')
        for (const [key, item] of Object.entries(value)) form.append(key, typeof item === 'string' ? item : toJsonText(item));
      return { contentType: 'application/x-www-form-urlencoded', body: Buffer.from(form.toString()), text: form.toString() };
    }
    case 'none':
      return { body: Buffer.from(text), text };
    case 'multipart':
      return {
        contentType: 'multipart/form-data; boundary=fuzz',
        body: Buffer.from(`--fuzz\r\nContent-Disposition: form-data; name="json"\r\n\r\n${text}\r\n--fuzz--\r\n`),
        text,
      };
    case 'empty':
      return { contentType: 'application/json', body: Buffer.alloc(0), text: '' };
    case 'badUtf8':
      return {
        contentType: 'application/json',
        body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf]), Buffer.from('"}')]),
        text: '{"name":"\\xff\\xfe\\xc0\\xaf"}',
      };
  }
}

function personaArb(operation: Operation, personas: Persona[]): fc.Arbitrary<Persona> {
  // Signing out or deleting oneself would take the fuzzer's own people away: only strangers try.
  const isSelfDestructive =
    operation.method === 'DELETE' && ['/api/me', '/api/auth/sessions/current'].includes(operation.template);
  const weights: Record<Persona['kind'], number> =
    operation.access.kind === 'public'
      ? { anonymous: 4, bearer: 2, cookie: 2, crossSiteCookie: 1, badToken: 1 }
      : { anonymous: 1, bearer: 3, cookie: 3, crossSiteCookie: 1, badToken: 1 };
  const allowed = personas.filter(
    (persona) => !isSelfDestructive || ['anonymous', 'crossSiteCookie', 'badToken'].includes(persona.kind),
  );
  return fc.oneof(...allowed.map((persona) => ({ weight: weights[persona.kind], arbitrary: fc.constant(persona) })));
}

const badAuthorizations = [
  'Bearer ',
  'Bearer x',
  `Bearer ${'x'.repeat(5000)}`,
  'Basic YWRtaW46YWRtaW4=',
  'bearer lower-case-scheme',
  'Bearer null',
];

export function headersFor(persona: Persona, method: string, publicOrigin: string, pick: number): Record<string, string> {
  const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(method);
  switch (persona.kind) {
    case 'anonymous':
      return {};
    case 'bearer':
      return { authorization: `Bearer ${persona.token}` };
    case 'cookie':
      // A browser sends Origin with every cookie-carried write; the api's CSRF check needs it.
      return { cookie: `talkoot_session=${persona.token}`, ...(isWrite ? { origin: publicOrigin } : {}) };
    case 'crossSiteCookie':
      return { cookie: `talkoot_session=${persona.token}`, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    case 'badToken':
      return pick % 2
        ? { authorization: badAuthorizations[pick % badAuthorizations.length] ?? 'Bearer x' }
        : { cookie: `talkoot_session=${'A'.repeat(43)}; talkoot_session=x`, origin: publicOrigin };
  }
}

export interface PlanContext {
  ids: IdSource & { devMailIds: string[]; rowsForPaths: () => Rows };
  personas: Persona[];
  publicOrigin: string;
}

// Everything about one request, drawn from the route's own description: who sends it, which ids
// are in the path (existing rows, or odd and random ones), the query, the body and its type.
export function planArb(operation: Operation, context: PlanContext): fc.Arbitrary<Plan> {
  const { ids } = context;
  const body = operation.bodySchema
    ? fc.record({ kind: bodyKindArb, value: bodyArb(operation.bodySchema, ids) })
    : fc.oneof(
        { weight: 12, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant<BodyKind>('json'),
            value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(longText(1_100_000))),
          }),
        },
      );
  return fc
    .record({
      persona: personaArb(operation, context.personas),
      pathMode: fc.constantFrom('real', 'real', 'real', 'real', 'real', 'mixed', 'mixed', 'mixed', 'random', 'random'),
      picks: fc.array(unbiasedIndex(), { minLength: 8, maxLength: 8 }),
      oddPath: fc.tuple(...operation.pathParams.map((parameter) => fc.tuple(fc.boolean(), valueArb(parameter, ids)))),
      query: queryArb(operation, ids),
      body,
      upload: uploadArb,
      isHugeUpload: unbiasedRoll(40).map((roll) => roll === 0),
      headerPick: unbiasedIndex(),
    })
    .map((drawn) => {
      const reasons: string[] = [];
      const realPath = resolveRealPath(
        operation,
        drawn.persona,
        context.ids.rowsForPaths(),
        context.ids.devMailIds,
        new PicksCursor(drawn.picks),
      );
      let target = operation.template;
      operation.pathParams.forEach((parameter, index) => {
        const [useOdd, odd] = drawn.oddPath[index] ?? [false, { text: 'x', isRaw: false }];
        const isOdd = drawn.pathMode === 'random' || (drawn.pathMode === 'mixed' && useOdd);
        const value: Value = isOdd
          ? odd
          : { text: realPath[parameter.name] ?? '3f1c2b8a-6d4e-4f0a-9b7c-2e5d8a1f0c3b', isRaw: false };
        // An empty or dot segment would select another route, not an odd id for this one.
        const segment = value.isRaw ? value.text : ['', '.', '..'].includes(value.text) ? 'x' : percentEncode(value.text);
        if (
          !value.isRaw &&
          !parameter.validate(value.text === '' || value.text === '.' || value.text === '..' ? 'x' : value.text)
        )
          reasons.push(`path parameter ${parameter.name} breaks its schema`);
        target = target.replace(`{${parameter.name}}`, segment);
      });
      target += buildQuery(operation, drawn.query, reasons);
      const headers = headersFor(drawn.persona, operation.method, context.publicOrigin, drawn.headerPick);
      let bodyExcerpt = '';
      let payload: Buffer | undefined;
      if (operation.isRawUpload) {
        payload = drawn.isHugeUpload ? elevenMegabytes : drawn.upload.bytes;
        headers['content-type'] = drawn.upload.type;
        bodyExcerpt = `<${payload.length} bytes of ${drawn.upload.type}>`;
      } else if (drawn.body) {
        const { contentType, body: bytes, text } = bodyFor(drawn.body.kind, drawn.body.value);
        if (contentType) headers['content-type'] = contentType;
        payload = bytes;
        bodyExcerpt = text;
        if (operation.validateBody) {
          const isJson = ['json', 'jsonCharset', 'empty'].includes(drawn.body.kind);
          const parsed = isJson ? parseJsonText(text) : undefined;
          if (drawn.body.kind === 'badUtf8') reasons.push('body is not UTF-8, which JSON must be (RFC 8259)');
          else if (!isJson)
            reasons.push(`body sent as ${contentType ?? 'no content type'}, the document allows only application/json`);
          else if (!parsed) reasons.push('body is not JSON');
          else if (!operation.validateBody(parsed.value))
            reasons.push(
              `body breaks the schema: ${operation.validateBody.errors?.[0]?.instancePath || '(body)'} ${operation.validateBody.errors?.[0]?.message ?? ''}`,
            );
        }
      } else if (operation.validateBody) reasons.push('no body');
      return {
        operation,
        persona: drawn.persona,
        request: { method: operation.method, target, headers, body: payload },
        forbiddenBecause: reasons[0],
        bodyExcerpt,
      };
    });
}

function coherentEnd(start: string): string | undefined {
  if (/^20\d\d-\d\d-\d\dT\d\d:00:00Z$/.test(start)) return isoInstant(Date.parse(start) + 7_200_000);
  if (/^20\d\d-\d\d-\d\d$/.test(start) && !Number.isNaN(Date.parse(start)))
    return isoInstant(Date.parse(start) + 14 * 86_400_000).slice(0, 10);
  if (/^(0\d|1\d|2[01]):00$/.test(start)) return `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}:00`;
  return undefined;
}

class PicksCursor implements PathPicks {
  private index = 0;
  constructor(private readonly picks: number[]) {}
  next(): number {
    return this.picks[this.index++ % this.picks.length] ?? 0;
  }
}

function buildQuery(
  operation: Operation,
  drawn: { documented: { isPresent: boolean; values: Value[] }[]; extras: [string, Value][]; tail: string; huge: string },
  reasons: string[],
): string {
  const pairs: string[] = [];
  const sent: Record<string, unknown> = {};
  let isKnown = true;
  operation.queryParams.forEach((parameter, index) => {
    const { isPresent, values } = drawn.documented[index] ?? { isPresent: false, values: [] };
    if (!isPresent || !values[0]) return;
    for (const value of values) {
      if (value.isRaw) isKnown = false;
      pairs.push(`${percentEncode(parameter.name)}=${value.isRaw ? value.text : percentEncode(value.text)}`);
    }
    sent[parameter.name] = values.length > 1 ? values.map((value) => value.text) : values[0].text;
  });
  // Start and end of a range read as a real range most of the time (quotes, availability,
  // the calendar's days, venue search hours), so requests get past the obvious check.
  for (const [startName, endName] of [
    ['startsAt', 'endsAt'],
    ['from', 'to'],
  ] as const) {
    const start = sent[startName];
    const end = typeof start === 'string' && typeof sent[endName] === 'string' ? coherentEnd(start) : undefined;
    const index = pairs.findIndex((pair) => pair.startsWith(`${endName}=`));
    if (end && index >= 0) {
      pairs[index] = `${endName}=${percentEncode(end)}`;
      sent[endName] = end;
    }
  }
  for (const [name, value] of drawn.extras) {
    if (operation.queryParams.some((parameter) => parameter.name === name)) isKnown = false;
    pairs.push(`${name.includes('[') ? name : percentEncode(name)}=${value.isRaw ? value.text : percentEncode(value.text)}`);
  }
  if (drawn.tail === '?' || drawn.tail.includes('=')) isKnown = isKnown && !operation.queryParams.length;
  if (isKnown) {
    for (const parameter of operation.queryParams) {
      const value = sent[parameter.name];
      if (value === undefined) {
        if (parameter.required) reasons.push(`query parameter ${parameter.name} is required`);
        continue;
      }
      const isNumeric = ['integer', 'number'].includes(parameter.schema.type) && typeof value === 'string';
      // The api coerces numbers in queries as Number() does.
      if (!parameter.validate(isNumeric ? Number(value) : value))
        reasons.push(`query parameter ${parameter.name} breaks its schema`);
    }
  }
  const query = pairs.join('&') + (pairs.length ? drawn.tail.replace('?', '') : drawn.tail.replace(/^&/, '')) + drawn.huge;
  return query ? `?${query}` : '';
}
