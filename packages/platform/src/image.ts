import sharp from 'sharp';

// Server-only: sharp is a native library. One pipeline for every picture people upload (venue
// photos, event pictures, item photos): decoded, turned by EXIF, stripped of metadata (camera,
// GPS), never wider than asked and stored as WebP.

export const MAX_IMAGE_PIXELS = 80_000_000;
// sharp reads GIF, TIFF, SVG and more; we promise (and test) the three photo formats.
const acceptedFormats = new Set<string | undefined>(['jpeg', 'png', 'webp']);

export interface ImageSize {
  /** The widest the output may be; a smaller picture is not enlarged. */
  width: number;
  /** WebP quality, 1–100. */
  quality: number;
}

export interface ProcessedImage {
  contentType: 'image/webp';
  width: number;
  height: number;
  data: Buffer;
}

// Thrown for anything that is not a JPEG, PNG or WebP sharp can decode; callers name their field.
export class UnreadableImageError extends Error {
  constructor(cause?: unknown) {
    super('The file is not a JPEG, PNG or WebP picture that can be read', { cause });
    this.name = 'UnreadableImageError';
  }
}

// One output per size, in the order given.
export async function processImage(bytes: Buffer, options: { sizes: readonly ImageSize[] }): Promise<ProcessedImage[]> {
  try {
    const source = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS }).autoOrient();
    if (!acceptedFormats.has((await source.metadata()).format)) throw new Error('not a photo format');
    const outputs: ProcessedImage[] = [];
    // One after the other: a large photo decoded twice at once would double the memory it takes.
    for (const { width, quality } of options.sizes) {
      const { data, info } = await source
        .clone()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality })
        .toBuffer({ resolveWithObject: true });
      outputs.push({ contentType: 'image/webp', width: info.width, height: info.height, data });
    }
    return outputs;
  } catch (error) {
    throw new UnreadableImageError(error);
  }
}
