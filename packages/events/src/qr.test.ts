import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr.js';

describe('QR code SVG', () => {
  it('draws the code as one path with a text alternative', () => {
    const svg = qrSvg('https://talkoot.test/tapahtumat/1', { size: 240, label: 'QR-koodi tapahtuman sivulle' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="240" height="240" viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="QR-koodi tapahtuman sivulle"');
    expect(svg).toContain('<title>QR-koodi tapahtuman sivulle</title>');
    expect(svg).toMatch(/<path fill="#000" d="(M\d+ \d+h\d+v1h-\d+z)+"\/>/);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('keeps a quiet zone of four modules and draws the finder patterns in the corners', () => {
    const svg = qrSvg('https://talkoot.test/tapahtumat/1');
    const extent = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    // Version 3 (29 modules) for this URL at error correction M, plus 4 + 4 modules of quiet zone.
    expect(extent).toBe(37);
    // The top row of the top-left and top-right finder patterns: 7 dark modules each.
    expect(svg).toContain('M4 4h7v1h-7z');
    expect(svg).toContain(`M${extent - 4 - 7} 4h7v1h-7z`);
    expect(svg).toContain('width="200" height="200"');
  });

  it('uses the text as the label by default and escapes it for XML', () => {
    const svg = qrSvg('https://talkoot.test/?a=1&b="2"<3>');
    expect(svg).toContain('aria-label="https://talkoot.test/?a=1&#38;b=&#34;2&#34;&#60;3&#62;"');
    expect(svg).toContain('<title>https://talkoot.test/?a=1&#38;b=&#34;2&#34;&#60;3&#62;</title>');
    expect(svg).not.toMatch(/<3>|&b=/);
  });

  it('gives the same SVG for the same text', () => {
    expect(qrSvg('Kesäteatteri')).toBe(qrSvg('Kesäteatteri'));
  });
});
