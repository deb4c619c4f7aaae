import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../lib/api-types';
import { createTranslator } from '../../lib/i18n';
import type { PrintSheet } from './print-data.server';
import { renderPrintPdf } from './print-pdf.server';

const item = (title: string, startsAt: string, endsAt: string, extra: Partial<CalendarEntry> = {}): CalendarEntry => ({
  id: crypto.randomUUID(),
  eventId: crypto.randomUUID(),
  startsAt,
  endsAt,
  isCancelled: false,
  note: null,
  title: { fi: title },
  status: 'published',
  isAllDay: false,
  placeName: 'Kerkonkosken koulu',
  village: { id: crypto.randomUUID(), name: 'Kerkonkoski' },
  municipality: { id: crypto.randomUUID(), name: 'Rautalampi' },
  organisers: [{ id: crypto.randomUUID(), name: 'Kerkonkosken kyläyhdistys ry' }],
  category: 'culture',
  audiences: ['everyone'],
  priceCents: null,
  accessibility: [],
  isRideSharingWelcome: false,
  ...extra,
});

const sheet: PrintSheet = {
  period: 'week',
  date: '2026-12-15',
  from: '2026-12-14',
  to: '2026-12-20',
  days: [
    {
      date: '2026-12-15',
      items: [
        item('Kyläilta ja joulupöytä', '2026-12-15T16:00:00.000Z', '2026-12-15T19:00:00.000Z'),
        item('Jumppa', '2026-12-15T17:00:00.000Z', '2026-12-15T18:00:00.000Z', { priceCents: 550 }),
      ],
    },
    {
      date: '2026-12-19',
      items: [item('Åbo-retki', '2026-12-18T22:00:00.000Z', '2026-12-19T22:00:00.000Z', { isAllDay: true, status: 'cancelled' })],
    },
  ],
  filter: 'village=x',
  onlineUrl: 'https://talkoot.example/calendar?village=x',
  shortUrl: 'talkoot.example/calendar?village=x',
  selected: { municipality: '', village: 'x' },
  otherFilters: [],
  placeName: 'Kerkonkoski, Rautalampi',
  isFilterInvalid: false,
};

// The page's drawing commands, inflated; text appears as hex in WinAnsi (Latin-1) codes.
function pageText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const streams = [...source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((match) => Buffer.from(match[1]!, 'latin1'));
  const inflated = streams.map((stream) => {
    try {
      return inflateSync(stream).toString('latin1');
    } catch {
      return '';
    }
  });
  return inflated.join('\n');
}

const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex');

describe('the printable calendar as a PDF', () => {
  it('is an A4 PDF with the events in large Helvetica, Finnish letters in Latin-1, and the QR code drawn as squares', async () => {
    const pdf = await renderPrintPdf(sheet, createTranslator('fi'), 'fi');
    // PRINT_PDF_OUT=/some/file.pdf keeps the file for a person to look at.
    if (process.env.PRINT_PDF_OUT) writeFileSync(process.env.PRINT_PDF_OUT, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pageText(pdf).replace(/> -?[\d.]+ </g, '');
    // "ä" is e4, "å" c5, the en dash 96 and € 80 in WinAnsi.
    expect(text).toContain(hex('Kyl\u00e4ilta'));
    expect(text).toContain(hex('\u00c5bo-retki'));
    expect(text).toContain(hex('maksuton'));
    expect(text).toContain(`${hex('18.00')}96${hex('21.00')}`);
    expect(text).toContain('/F2 14 Tf');
    // The QR code: many filled rectangles.
    expect((text.match(/ re\n/g) ?? []).length).toBeGreaterThan(100);
  });
});
