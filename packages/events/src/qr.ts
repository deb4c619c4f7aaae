import QRCode from 'qrcode';

// Server-side only (qrcode is a Node package). A QR code for printed posters and the event page.

export interface QrSvgOptions {
  /** Width and height in CSS pixels. Default 200. */
  size?: number;
  /** What a screen reader says (aria-label and <title>); default: the encoded text. */
  label?: string;
}

// Four light modules around the code: the quiet zone that scanners need (ISO/IEC 18004).
const QUIET_ZONE = 4;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// One subpath per horizontal run of dark modules keeps the SVG small.
function darkModulesPath(modules: QRCode.BitMatrix): string {
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (!modules.get(row, column)) continue;
      const start = column;
      while (column + 1 < modules.size && modules.get(row, column + 1)) column += 1;
      const run = column - start + 1;
      commands.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return commands.join('');
}

/** An inline SVG QR code of `text` (error correction M), dark on a white background, with a text alternative. */
export function qrSvg(text: string, options: QrSvgOptions = {}): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const extent = modules.size + 2 * QUIET_ZONE;
  const size = Math.round(options.size ?? 200);
  const label = escapeXml(options.label ?? text);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${extent} ${extent}" shape-rendering="crispEdges" role="img" aria-label="${label}">` +
    `<title>${label}</title>` +
    `<rect width="${extent}" height="${extent}" fill="#fff"/>` +
    `<path fill="#000" d="${darkModulesPath(modules)}"/>` +
    `</svg>`
  );
}
