import { darkRuns, qrExtent, qrMatrix } from '../print/qr-code.server';

export type QrShape = { extent: number; path: string };

// The dark runs of a QR code as one SVG path (a loader computes it; qrcode is server-only).
export function qrShape(text: string): QrShape {
  const matrix = qrMatrix(text);
  const path = darkRuns(matrix)
    .map((run) => `M${run.x} ${run.y}h${run.width}v1h-${run.width}z`)
    .join('');
  return { extent: qrExtent(matrix), path };
}
