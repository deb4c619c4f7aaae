import { describe, expect, it } from 'vitest';
import { CSV_BOM, formatHoursNumber, hoursCsv, sumHours } from './hours.rules.js';

describe('the hours CSV for Finnish Excel', () => {
  const header = ['Päivä', 'Talkoolainen', 'Sähköposti', 'Tehtävä', 'Laji', 'Tunnit'];

  it('is UTF-8 with a byte-order mark, semicolons between cells and decimal commas', () => {
    const csv = hoursCsv(header, [
      { date: '2027-07-03', volunteer: 'Äijälä, Öljy', email: 'a@example.fi', task: 'Kahvio', kind: 'vuoro', hours: 2.5 },
    ]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Päivä;Talkoolainen;Sähköposti;Tehtävä;Laji;Tunnit');
    // A comma inside a name is no separator here; the hours have a decimal comma.
    expect(lines[1]).toBe('2027-07-03;Äijälä, Öljy;a@example.fi;Kahvio;vuoro;2,5');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes semicolons, quotes and line breaks, and keeps formulas as text', () => {
    const csv = hoursCsv(header, [
      { date: '2027-07-03', volunteer: '=HYPERLINK("x")', email: null, task: 'A; "B"\nC', kind: 'vuoro', hours: 1 },
    ]);
    const line = csv.slice(1, -2).split('\r\n').slice(1).join('\r\n');
    expect(line).toBe(`2027-07-03;"'=HYPERLINK(""x"")";;"A; ""B""\nC";vuoro;1`);
  });

  it('adds hours without float drift', () => {
    expect(sumHours([0.1, 0.2, 2.25])).toBe(2.55);
    expect(formatHoursNumber(1.25)).toBe('1,25');
  });
});
