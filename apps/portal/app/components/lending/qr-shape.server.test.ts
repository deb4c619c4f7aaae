import { describe, expect, it } from 'vitest';
import { qrShape } from './qr-shape.server';

describe('the QR label shape', () => {
  it('draws the code of an item address with its quiet zone', () => {
    const shape = qrShape('https://talkoot.example/lending/items/8f3a2c1e-0000-4000-8000-000000000001');
    // A version 4 code (33 modules) or larger, plus four modules of quiet zone on each side.
    expect(shape.extent).toBeGreaterThanOrEqual(33 + 8);
    expect(shape.path).toMatch(/^M4 4h7v1h-7z/);
  });

  it('gives different codes to different items', () => {
    expect(qrShape('https://talkoot.example/lending/items/a').path).not.toBe(
      qrShape('https://talkoot.example/lending/items/b').path,
    );
  });
});
