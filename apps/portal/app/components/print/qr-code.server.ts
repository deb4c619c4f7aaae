import QRCode from 'qrcode';

// QR codes for the printed sheet (server only: qrcode is a Node package). Error correction M, with
// the four-module quiet zone scanners need (ISO/IEC 18004).
const QUIET_ZONE = 4;

export type QrMatrix = { size: number; isDark: (row: number, column: number) => boolean };

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

// Horizontal runs of dark modules, in module units with the quiet zone added.
export function darkRuns(matrix: QrMatrix): { x: number; y: number; width: number }[] {
  const runs: { x: number; y: number; width: number }[] = [];
  for (let row = 0; row < matrix.size; row += 1) {
    for (let column = 0; column < matrix.size; column += 1) {
      if (!matrix.isDark(row, column)) continue;
      const start = column;
      while (column + 1 < matrix.size && matrix.isDark(row, column + 1)) column += 1;
      runs.push({ x: start + QUIET_ZONE, y: row + QUIET_ZONE, width: column - start + 1 });
    }
  }
  return runs;
}

export function qrExtent(matrix: QrMatrix): number {
  return matrix.size + 2 * QUIET_ZONE;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

// An inline SVG: black on white, with a text alternative.
export function qrSvg(text: string, label: string, size = 160): string {
  const matrix = qrMatrix(text);
  const extent = qrExtent(matrix);
  const path = darkRuns(matrix)
    .map((run) => `M${run.x} ${run.y}h${run.width}v1h-${run.width}z`)
    .join('');
  const alt = escapeXml(label);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${extent} ${extent}" shape-rendering="crispEdges" role="img" aria-label="${alt}">` +
    `<title>${alt}</title><rect width="${extent}" height="${extent}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
