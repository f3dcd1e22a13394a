/**
 * An uploaded photo made into the platform's three sizes with sharp. Nothing about the upload is
 * trusted: not its name, not its declared type, not its header — the bytes are decoded in full
 * (a truncated file fails), only JPEG, PNG and GIF are taken (a GIF's first frame), and an image of
 * more than MAX_PIXELS is refused before it is decoded (a small file may declare a huge picture).
 * EXIF orientation is applied; nothing of the file's metadata (EXIF, GPS, comments, ICC) is kept.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';

/** The largest picture decoded: 40 megapixels (a 7,300 × 5,500 photo), some 160 MB of pixels at most. */
export const MAX_PIXELS = 40_000_000;

/** The three sizes, as the platform made them: `src_big`, `src` and `src_small`. */
export const PHOTO_SIZES = {
  big: { width: 720, height: 720 },
  album: { width: 130, height: 130 },
  small: { width: 75, height: 225 },
} as const;

export type PhotoSize = keyof typeof PHOTO_SIZES;

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'gif']);

/** Why an upload is not a photo Hearth takes. */
export class ImageRefusedError extends InvalidInputError {}

export interface StoredImage {
  /** SHA-256 of the bytes, hex: the image's key in the store and its ETag. */
  readonly hash: string;
  readonly contentType: 'image/jpeg' | 'image/png';
  readonly width: number;
  readonly height: number;
  readonly bytes: Buffer;
}

export type PhotoImages = { readonly [S in PhotoSize]: StoredImage };

function stored(bytes: Buffer, info: OutputInfo): StoredImage {
  return {
    hash: createHash('sha256').update(bytes).digest('hex'),
    contentType: info.format === 'png' ? 'image/png' : 'image/jpeg',
    width: info.width,
    height: info.height,
    bytes,
  };
}

/** JPEG for photos, PNG where the picture has transparency (a PNG or GIF with an alpha channel). */
function encoded(image: Sharp, alpha: boolean): Sharp {
  return alpha ? image.png({ compressionLevel: 6 }) : image.jpeg({ quality: 85 });
}

async function resized(input: Buffer | Sharp, size: PhotoSize, alpha: boolean): Promise<StoredImage> {
  const { width, height } = PHOTO_SIZES[size];
  const image = Buffer.isBuffer(input) ? sharp(input) : input;
  const { data, info } = await encoded(image.resize({ width, height, fit: 'inside', withoutEnlargement: true }), alpha).toBuffer({ resolveWithObject: true });
  return stored(data, info);
}

/** The three sizes of `bytes`, or an ImageRefusedError saying why not. */
export async function photoImages(bytes: Buffer): Promise<PhotoImages> {
  if (bytes.length === 0) throw new ImageRefusedError('the file is empty');
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefusedError('the file is not an image (JPEG, PNG or GIF)');
  }
  if (metadata.format === undefined || !ACCEPTED_FORMATS.has(metadata.format)) {
    throw new ImageRefusedError(`the file is ${metadata.format === undefined ? 'not an image' : `a ${metadata.format.toUpperCase()} image`}; Hearth takes JPEG, PNG and GIF`);
  }
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if (pixels > MAX_PIXELS) throw new ImageRefusedError(`the image is ${metadata.width} × ${metadata.height} pixels; Hearth takes at most ${MAX_PIXELS.toLocaleString('en')} pixels`);
  const alpha = metadata.hasAlpha === true;
  try {
    // Decoded once, in full (a warning such as a truncated file fails it): the big size from the
    // file, turned upright; the two small ones from the big one.
    const big = await resized(sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'warning' }).rotate(), 'big', alpha);
    const [album, small] = await Promise.all([resized(big.bytes, 'album', alpha), resized(big.bytes, 'small', alpha)]);
    return { big, album, small };
  } catch {
    throw new ImageRefusedError(`the ${metadata.format.toUpperCase()} image could not be read to its end (truncated or damaged)`);
  }
}
