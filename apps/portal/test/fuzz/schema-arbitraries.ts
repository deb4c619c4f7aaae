import fc from 'fast-check';
import { RawJson, cloneJson, setKey } from './json-text.js';
import {
  brokenDates,
  brokenInstants,
  brokenTimes,
  edgyDates,
  edgyInstants,
  edgyNumbers,
  edgyTimes,
  isoInstant,
  longText,
  longTextArb,
  oddUuids,
  trickyTexts,
  wrongTypes,
} from './odd-values.js';

export type JsonSchema = Record<string, any>;

// Unbiased draws: fast-check leans towards small and boundary integers, which would make a
// one-in-forty roll come up far more often and always pick the first row.
export const unbiasedRoll = (max: number) => fc.noBias(fc.integer({ min: 0, max }));
export const unbiasedIndex = () => fc.noBias(fc.nat({ max: 1_000_000 }));
export type IdKind =
  | 'organisation'
  | 'venue'
  | 'space'
  | 'event'
  | 'occurrence'
  | 'booking'
  | 'series'
  | 'village'
  | 'municipality'
  | 'user'
  | 'photo'
  | 'invitation'
  | 'waitlist'
  | 'any';

// Real ids read from the product's database, looked up when a value is generated (rows come
// and go while the fuzzer runs). An index picks a row, so a seed picks the same row every time.
export interface IdSource {
  pick(kind: IdKind, index: number): string | undefined;
  emails(): string[];
  // Plain values only (real ids, future times, ordinary words): bodies that get past validation
  // and exercise the services' own rules.
  isPlain?: boolean;
}

export function plainSource(ids: IdSource): IdSource {
  return { pick: (kind, index) => ids.pick(kind, index), emails: () => ids.emails(), isPlain: true };
}

const plainWords = [
  'Kylätalo',
  'Talkoot',
  'Syysmarkkinat',
  'Kotalahden kylätalo',
  'Sali',
  'Maija Meikäläinen',
  'Kirkkotie 1, Leppävirta',
  'Lasten disko',
  'Hallitus',
  'Joulumyyjäiset ja arpajaiset',
];

const dateTimePattern = (schema: JsonSchema) => typeof schema.pattern === 'string' && schema.pattern.includes(')T(?:');
const datePattern = (schema: JsonSchema) => schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
const timePattern = (schema: JsonSchema) =>
  typeof schema.pattern === 'string' && schema.pattern.includes('[01]\\d|2[0-') && schema.pattern.includes(':[0-5]\\d');

export function idKindOf(name: string): IdKind {
  const kinds: [RegExp, IdKind][] = [
    [/^(organisationId|organisation|organiser)$/, 'organisation'],
    [/^venueId$/, 'venue'],
    [/^(spaceId|parentId)$/, 'space'],
    [/^eventId$/, 'event'],
    [/^occurrenceId$/, 'occurrence'],
    [/^bookingId$/, 'booking'],
    [/^seriesId$/, 'series'],
    [/^(villageId|village)$/, 'village'],
    [/^(municipalityId|municipality)$/, 'municipality'],
    [/^userId$/, 'user'],
    [/^photoId$/, 'photo'],
    [/^invitationId$/, 'invitation'],
  ];
  return kinds.find(([pattern]) => pattern.test(name))?.[1] ?? 'any';
}

// A realistic future slot: the day after tomorrow or later, whole hours in the afternoon.
export const futureInstantArb = fc
  .record({ days: fc.integer({ min: 2, max: 300 }), hour: fc.integer({ min: 6, max: 18 }) })
  .map(({ days, hour }) => {
    const day = new Date();
    day.setUTCHours(hour, 0, 0, 0);
    return isoInstant(day.getTime() + days * 86_400_000);
  });

const futureDateArb = futureInstantArb.map((instant) => instant.slice(0, 10));

function fitLength(text: string, schema: JsonSchema): string {
  let fitted = text;
  if (typeof schema.maxLength === 'number' && fitted.length > schema.maxLength) fitted = fitted.slice(0, schema.maxLength);
  if (typeof schema.minLength === 'number' && fitted.length < schema.minLength)
    fitted = fitted + 'a'.repeat(schema.minLength - fitted.length);
  return fitted;
}

function uuidArb(name: string, ids: IdSource): fc.Arbitrary<string> {
  const kind = idKindOf(name);
  const real = unbiasedIndex().map(
    (index) => ids.pick(kind, index) ?? ids.pick('any', index) ?? '3f1c2b8a-6d4e-4f0a-9b7c-2e5d8a1f0c3b',
  );
  if (ids.isPlain) return real;
  return fc.oneof(
    { weight: 6, arbitrary: real },
    { weight: 1, arbitrary: real.map((id) => id.toUpperCase()) },
    { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff') },
  );
}

function textArb(schema: JsonSchema, ids: IdSource): fc.Arbitrary<string> {
  if (ids.isPlain) return fc.constantFrom(...plainWords).map((text) => fitLength(text, schema));
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...trickyTexts) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 2, maxLength: 40 }) },
      // At the length limit (a limit counts UTF-16 units: an astral symbol is two).
      { weight: 1, arbitrary: fc.constant(longText(schema.maxLength ?? 300, 'ä')) },
      { weight: 1, arbitrary: fc.constant(longText(schema.maxLength ?? 300, '😀')) },
    )
    .map((text) => fitLength(text, schema));
}

function emailArb(ids: IdSource): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('fuzz@example.org', 'Fuzz.Person+tag@Example.ORG', 'x@example.co', `${'a'.repeat(64)}@example.org`),
    unbiasedIndex().map((index) => ids.emails()[index % Math.max(1, ids.emails().length)] ?? 'aino@example.org'),
  );
}

function stringArb(schema: JsonSchema, name: string, ids: IdSource): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return uuidArb(name, ids);
  if (dateTimePattern(schema)) {
    const allowsOffset = String(schema.pattern).includes('[+-]');
    const edgy = edgyInstants.filter((value) => allowsOffset || value.endsWith('Z'));
    if (ids.isPlain) return futureInstantArb;
    return fc.oneof({ weight: 4, arbitrary: futureInstantArb }, { weight: 2, arbitrary: fc.constantFrom(...edgy) });
  }
  if (datePattern(schema) && ids.isPlain) return futureDateArb;
  if (datePattern(schema))
    return fc.oneof({ weight: 3, arbitrary: futureDateArb }, { weight: 2, arbitrary: fc.constantFrom(...edgyDates) });
  const plainTime = fc.integer({ min: 6, max: 22 }).map((hour) => `${String(hour).padStart(2, '0')}:00`);
  if (timePattern(schema) && ids.isPlain) return plainTime;
  if (timePattern(schema))
    return fc.oneof(
      fc.constantFrom(...edgyTimes.filter((time) => new RegExp(schema.pattern).test(time))),
      fc.integer({ min: 6, max: 22 }).map((hour) => `${String(hour).padStart(2, '0')}:00`),
    );
  if (schema.format === 'email' || /email/i.test(name)) return emailArb(ids);
  if (schema.format === 'uri' && ids.isPlain) return fc.constant('https://example.org/tapahtuma');
  if (schema.format === 'uri')
    return fc.constantFrom(
      'https://example.org/tapahtuma',
      'javascript:alert(1)',
      'http://localhost:3000/x',
      'https://ä.example/😀',
      'ftp://example.org',
      `https://example.org/${'a'.repeat(3000)}`,
      'https://example.org/a\u0000b',
    );
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).map((text) => fitLength(text, schema));
    } catch {
      return textArb(schema, ids);
    }
  }
  return textArb(schema, ids);
}

function numberArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  const inRange = schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

function objectArb(schema: JsonSchema, ids: IdSource, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set<string>(schema.required ?? []);
  const entries = Object.entries(properties).map(([key, property]) => {
    const value = fittingArb(property, key, ids, depth + 1);
    // Optional fields are left out a third of the time.
    return required.has(key)
      ? value.map((v) => [key, v] as const)
      : fc.option(
          value.map((v) => [key, v] as const),
          { freq: 3 },
        );
  });
  return fc.tuple(...entries).map((pairs) => {
    const object: Record<string, unknown> = {};
    for (const pair of pairs) if (pair) setKey(object, pair[0], pair[1]);
    return coherentTimes(object);
  });
}

// Start before end most of the time, so bodies get past the obvious check and reach the rules.
function coherentTimes(object: Record<string, unknown>): Record<string, unknown> {
  const start = object.startsAt;
  if (
    typeof start === 'string' &&
    typeof object.endsAt === 'string' &&
    /^20\d\d-\d\d-\d\dT\d\d:00:00Z$/.test(start) &&
    /^20\d\d-\d\d-\d\dT\d\d:00:00Z$/.test(object.endsAt)
  ) {
    const hours = 1 + (start.charCodeAt(12) % 3);
    object.endsAt = isoInstant(Date.parse(start) + hours * 3_600_000);
  }
  return object;
}

// A value the schema describes, including edgy-but-valid ones (NUL inside text, year 0000,
// astral symbols at the length limit): the api must handle what its own document allows.
export function fittingArb(schema: JsonSchema, name: string, ids: IdSource, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
    const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[];
    return fc.oneof(...branches.map((branch) => fittingArb(branch, name, ids, depth)));
  }
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (type.length > 1) return fc.oneof(...type.map((one: string) => fittingArb({ ...schema, type: one }, name, ids, depth)));
  switch (type[0]) {
    case 'string':
      return stringArb(schema, name, ids);
    case 'integer':
    case 'number':
      return numberArb(schema);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fittingArb(schema.items ?? {}, name, ids, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 8),
      });
    case 'object':
      if (!schema.properties && schema.additionalProperties) {
        return fc.dictionary(
          fc.constantFrom('q', 'municipality', 'village', 'category', 'free', '__proto__', 'x'),
          fittingArb(schema.additionalProperties, name, ids, depth + 1),
          { maxKeys: 4 },
        );
      }
      return objectArb(schema, ids, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// Values no schema of ours allows in most places: wrong types, broken dates, odd ids, huge text.
export const oddValueArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...wrongTypes) },
  { weight: 2, arbitrary: fc.constantFrom(...edgyNumbers) },
  { weight: 2, arbitrary: fc.constantFrom(...brokenInstants, ...brokenDates, ...brokenTimes) },
  { weight: 2, arbitrary: fc.constantFrom(...trickyTexts) },
  { weight: 1, arbitrary: fc.constantFrom(...oddUuids(undefined)) },
  { weight: 1, arbitrary: longTextArb },
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = [], found: Path[] = []): Path[] {
  if (value && typeof value === 'object' && !(value instanceof RawJson)) {
    for (const key of Object.keys(value)) {
      const path = [...prefix, Array.isArray(value) ? Number(key) : key];
      found.push(path);
      pathsOf((value as Record<string, unknown>)[key], path, found);
    }
  }
  return found;
}

const extraKeys = [
  'extra',
  'id',
  'isPlatformAdmin',
  'role',
  'organisationId',
  'status',
  '__proto__',
  'constructor',
  '',
  'title\u0000',
];

const mutationArb = fc.record({
  at: unbiasedIndex(),
  kind: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'add', 'wrap'),
  value: oddValueArb,
  key: fc.constantFrom(...extraKeys),
});

// One to three changes to a fitting value: a field replaced by an odd value, deleted, wrapped in
// an array, or an unknown field added (mass assignment: isPlatformAdmin, role, status…).
function mutate(base: unknown, mutations: { at: number; kind: string; value: unknown; key: string }[]): unknown {
  let value = cloneJson(base);
  for (const mutation of mutations) {
    const paths = pathsOf(value);
    if (!paths.length || mutation.kind === 'add') {
      const parents = [[] as Path, ...paths].filter((path) => {
        const node = path.reduce<any>((current, key) => current?.[key], value);
        return node && typeof node === 'object' && !Array.isArray(node) && !(node instanceof RawJson);
      });
      if (!parents.length) {
        value = mutation.value;
        continue;
      }
      const parent = (parents[mutation.at % parents.length] ?? []).reduce<any>((node, key) => node[key], value);
      setKey(parent, mutation.key, mutation.value);
      continue;
    }
    const path = paths[mutation.at % paths.length] ?? [];
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], value);
    const last = path[path.length - 1] ?? '';
    if (mutation.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else if (mutation.kind === 'wrap') parent[last] = [parent[last]];
    else if (Array.isArray(parent)) parent[Number(last)] = mutation.value;
    else setKey(parent, String(last), mutation.value);
  }
  return value;
}

const wrongShapeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    [],
    [{}],
    'text',
    0,
    true,
    {},
    new RawJson('{"a":1,"a":2}'),
    new RawJson(`${'['.repeat(5000)}${']'.repeat(5000)}`),
  ),
  fc.constant(new RawJson(`{"__proto__":{"isPlatformAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}`)),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant({ text: longText(1_100_000) }),
);

// A request body for a route: plain (25%), fitting with edgy values (25%), either with one to
// three mutations (42%), or another shape altogether (8%).
export function bodyArb(schema: JsonSchema, ids: IdSource): fc.Arbitrary<unknown> {
  const fitting = fittingArb(schema, 'body', ids);
  return fc.oneof(
    { weight: 3, arbitrary: fittingArb(schema, 'body', plainSource(ids)) },
    { weight: 3, arbitrary: fitting },
    {
      weight: 5,
      arbitrary: fc
        .tuple(
          fc.oneof(fitting, fittingArb(schema, 'body', plainSource(ids))),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        )
        .map(([base, mutations]) => mutate(base, mutations)),
    },
    { weight: 1, arbitrary: wrongShapeArb },
  );
}

// A value for a query or path parameter, before encoding: plain, edgy or odd.
export function parameterValueArb(schema: JsonSchema, name: string, ids: IdSource): fc.Arbitrary<string> {
  const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  const realId = unbiasedIndex().map((index) => ids.pick(idKindOf(name), index));
  const odd = fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        ...trickyTexts,
        ...brokenInstants,
        ...brokenDates,
        ...brokenTimes,
        '1e3',
        '-0',
        '0x10',
        '9'.repeat(400),
      ),
    },
    { weight: 1, arbitrary: realId.chain((id) => fc.constantFrom(...oddUuids(id))) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fittingArb(schema, name, plainSource(ids)).map(asText) },
    { weight: 2, arbitrary: fittingArb(schema, name, ids).map(asText) },
    { weight: 2, arbitrary: odd },
  );
}
