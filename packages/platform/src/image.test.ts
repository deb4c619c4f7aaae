import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage, UnreadableImageError } from './image.js';

const sizes = [
  { width: 1600, quality: 80 },
  { width: 480, quality: 75 },
];

describe('processImage', () => {
  it('makes WebP at each width, never enlarging a small picture', async () => {
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#3a7a4c' } })
      .png()
      .toBuffer();
    const [large, thumbnail] = await processImage(png, { sizes });
    expect(large).toMatchObject({ contentType: 'image/webp', width: 1600, height: 800 });
    expect(thumbnail).toMatchObject({ width: 480, height: 240 });
    expect((await sharp(large!.data).metadata()).format).toBe('webp');
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    expect((await processImage(small, { sizes }))[0]).toMatchObject({ width: 300, height: 200 });
  });

  it('turns a photo by its EXIF orientation and strips the metadata', async () => {
    // Orientation 6: the camera was turned; the stored pixels are 400 × 200, the photo 200 × 400.
    const jpeg = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#123456' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Camera', Copyright: 'GPS 62.9N 27.7E' } } })
      .toBuffer();
    const [output] = await processImage(jpeg, { sizes });
    expect(output).toMatchObject({ width: 200, height: 400 });
    const metadata = await sharp(output!.data).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
  });

  it('accepts only JPEG, PNG and WebP', async () => {
    const gif = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
      .gif()
      .toBuffer();
    await expect(processImage(gif, { sizes })).rejects.toBeInstanceOf(UnreadableImageError);
    await expect(processImage(Buffer.from('not a picture'), { sizes })).rejects.toBeInstanceOf(UnreadableImageError);
    const webp = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
      .webp()
      .toBuffer();
    await expect(processImage(webp, { sizes })).resolves.toHaveLength(2);
  });
});
