import type { QrShape } from './qr-shape.server';

// One QR code as SVG: crisp at any print size, no image request, and the same module runs as the
// calendar's printed sheet (print/qr-code.server.ts). The text under it is what a person reads.
export function QrSvg({ shape, title }: { shape: QrShape; title: string }) {
  return (
    <svg viewBox={`0 0 ${shape.extent} ${shape.extent}`} role="img" aria-label={title} shapeRendering="crispEdges">
      <rect width={shape.extent} height={shape.extent} fill="#fff" />
      <path d={shape.path} fill="#000" />
    </svg>
  );
}
