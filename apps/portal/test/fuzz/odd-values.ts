import fc from 'fast-check';
import { RawJson } from './json-text.js';

// The inputs that broke things before (issue 9) and their relatives. Each pool is a class of
// input, not an example: control characters, astral symbols, impossible and far dates, odd ids.

export const trickyTexts = [
  'Kylätalo',
  'Åbo Akademi – Ärrä & Öljy',
  'a\u0000b',
  '\u0000',
  'tab\tnew\nline\rreturn',
  '\u0001\u0007\u001b[31m\u007f',
  'bidi \u202egnp.exe\u202c',
  'zero\u200bwidth\ufeffbom',
  '😀🏳️‍🌈𝕿𝖆𝖑𝖐𝖔𝖔𝖙',
  '\ud83d',
  '\udc00x',
  'e\u0301\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '   ',
  '',
  'null',
  'undefined',
  '-1',
  '0',
  'NaN',
  'Infinity',
  'true',
  '[object Object]',
  '%00',
  '\\u0000',
];

// Valid by a date-time pattern, but far, ambiguous or edgy instants.
export const edgyInstants = [
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '1999-12-31T23:00:00Z',
  '2999-06-01T10:00:00Z',
  '9999-12-31T23:59:59Z',
  '2028-02-29T10:00:00Z',
  // Helsinki's repeated autumn hour (03:00–03:59 twice on 2027-10-31) and the spring gap.
  '2027-10-31T00:30:00Z',
  '2027-10-31T01:30:00Z',
  '2027-03-28T01:30:00Z',
  '2027-06-01T10:00:00.123456789Z',
  '2027-06-01T10:00:00+14:00',
  '2027-06-01T10:00:00-12:00',
];

// Not valid date-times; the schema must refuse them.
export const brokenInstants = [
  '2027-13-45T10:00:00Z',
  '2027-02-30T10:00:00Z',
  '2027-02-29T10:00:00Z',
  '2027-06-01',
  '2027-06-01T10:00:00',
  '2027-06-01 10:00:00Z',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2027-06-01T24:00:00Z',
  '2027-06-01T10:00:00+25:00',
  'now',
  '1718000000000',
];

// Valid by the `\d{4}-\d{2}-\d{2}` pattern, though impossible or far.
export const edgyDates = [
  '2027-13-45',
  '2027-02-30',
  '2027-02-31',
  '0000-01-01',
  '0000-00-00',
  '9999-12-31',
  '2028-02-29',
  '1999-01-01',
  '2027-10-31',
  '2027-03-28',
];
export const brokenDates = [
  '2027-1-1',
  '27-01-01',
  '2027-06-01T00:00:00Z',
  '2027/06/01',
  '01.06.2027',
  '',
  '-1',
  '２０２７-０１-０１',
];

export const edgyTimes = ['00:00', '23:59', '24:00', '12:30', '03:30'];
export const brokenTimes = ['24:01', '7:00', '25:00', '12:60', '12:00:00', '-1', ''];

export const edgyNumbers: unknown[] = [
  0,
  1,
  -1,
  0.5,
  -0.5,
  2 ** 31,
  -(2 ** 31),
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  new RawJson('-0'),
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('1.0'),
  new RawJson('1E2'),
];

export const wrongTypes: unknown[] = [
  null,
  true,
  false,
  0,
  '',
  'x',
  [],
  [null],
  {},
  { $gt: '' },
  [[[[[]]]]],
  '12',
  '1e3',
  'NaN',
  'Infinity',
];

export function oddUuids(realId: string | undefined): string[] {
  const id = realId ?? '3f1c2b8a-6d4e-4f0a-9b7c-2e5d8a1f0c3b';
  return [
    id.toUpperCase(),
    `${id} `,
    ` ${id}`,
    `{${id}}`,
    `urn:uuid:${id}`,
    id.replaceAll('-', ''),
    `${id}x`,
    id.slice(0, 35),
    `${id.slice(0, 14)}0${id.slice(15)}`,
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'gggggggg-gggg-4ggg-8ggg-gggggggggggg',
    '1',
    '-1',
    '0',
    'null',
    'me',
    'ä',
    '😀',
    'x'.repeat(5000),
  ];
}

// Whole strings whose length is the point; generated lazily so the pools stay small.
export function longText(length: number, unit = 'a'): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

export const longTextArb = fc
  .constantFrom(10_000, 70_000, 300_000)
  .chain((length) => fc.constantFrom(longText(length), longText(length, '😀'), longText(length, 'a\u0000')));

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
