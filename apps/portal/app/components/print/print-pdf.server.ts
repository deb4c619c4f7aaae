import PDFDocument from 'pdfkit';
import type { Language, Translate } from '../../lib/i18n';
import type { PrintSheet } from './print-data.server';
import { dayHeading, isItemCancelled, itemPlace, itemPrice, itemTime, itemTitle, sheetTitle } from './print-format';
import { darkRuns, qrExtent, qrMatrix } from './qr-code.server';

// The printable calendar as an A4 PDF with large type. pdfkit's built-in Helvetica uses WinAnsi
// (Latin-1) encoding, which has ä, ö, å, €, and the en dash: no font file is needed.
const MARGIN = 50;
const TIME_WIDTH = 95;
const BODY_SIZE = 14;

export function renderPrintPdf(sheet: PrintSheet, t: Translate, language: Language): Promise<Buffer> {
  const title = sheetTitle(sheet.placeName, sheet.period, sheet.from, sheet.to, t, language);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: title, Author: 'Talkoot' },
    lang: language,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  doc.font('Helvetica-Bold').fontSize(22).text(title, { width });
  doc.moveDown(0.5);
  if (sheet.days.length === 0) doc.font('Helvetica').fontSize(BODY_SIZE).text(t('print.noEvents'), { width });

  for (const day of sheet.days) {
    // A day's heading stays with at least its first event.
    ensureRoom(90);
    doc.moveDown(0.4);
    const headingText = dayHeading(day.date, language);
    doc
      .font('Helvetica-Bold')
      .fontSize(16)
      .text(headingText.charAt(0).toUpperCase() + headingText.slice(1), MARGIN, doc.y, { width });
    doc
      .moveTo(MARGIN, doc.y + 2)
      .lineTo(MARGIN + width, doc.y + 2)
      .lineWidth(1.5)
      .stroke('#000');
    doc.moveDown(0.4);
    for (const item of day.items) {
      const titleText = `${isItemCancelled(item) ? `${t('print.cancelled').toUpperCase()} ` : ''}${itemTitle(item, language).text}`;
      const details = `${itemPlace(item)}\n${item.organisers.map((organiser) => organiser.name).join(', ')} · ${itemPrice(item, t, language)}`;
      const bodyWidth = width - TIME_WIDTH;
      doc.font('Helvetica-Bold').fontSize(BODY_SIZE);
      const titleHeight = doc.heightOfString(titleText, { width: bodyWidth });
      doc.font('Helvetica').fontSize(BODY_SIZE);
      const detailsHeight = doc.heightOfString(details, { width: bodyWidth });
      // An event is never split over two pages.
      ensureRoom(titleHeight + detailsHeight + 10);
      const top = doc.y;
      doc
        .font('Helvetica-Bold')
        .fontSize(BODY_SIZE)
        .text(itemTime(item, t, language), MARGIN, top, { width: TIME_WIDTH - 8 });
      doc
        .font('Helvetica-Bold')
        .fontSize(BODY_SIZE)
        .text(titleText, MARGIN + TIME_WIDTH, top, { width: bodyWidth });
      doc
        .font('Helvetica')
        .fontSize(BODY_SIZE)
        .text(details, MARGIN + TIME_WIDTH, doc.y, { width: bodyWidth });
      doc.y += 6;
      doc.x = MARGIN;
    }
  }

  // The QR code (vector squares) and the address of the same selection online.
  const qrSize = 110;
  ensureRoom(qrSize + 20);
  doc.moveDown(1);
  const top = doc.y;
  doc
    .moveTo(MARGIN, top)
    .lineTo(MARGIN + width, top)
    .lineWidth(1.5)
    .stroke('#000');
  const matrix = qrMatrix(sheet.onlineUrl);
  const scale = qrSize / qrExtent(matrix);
  for (const run of darkRuns(matrix)) doc.rect(MARGIN + run.x * scale, top + 10 + run.y * scale, run.width * scale, scale);
  doc.fill('#000');
  doc
    .font('Helvetica')
    .fontSize(BODY_SIZE)
    .text(t('print.moreOnline'), MARGIN + qrSize + 20, top + 30, { width: width - qrSize - 20 });
  doc
    .font('Helvetica-Bold')
    .fontSize(BODY_SIZE)
    .text(sheet.shortUrl, { width: width - qrSize - 20 });
  doc.end();
  return done;
}
