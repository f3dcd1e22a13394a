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

interface SizeRule {
  readonly width: number;
  readonly height: number;
  /** `cover` crops to exactly width × height (a square picture); `inside` keeps the proportions. */
  readonly fit?: 'inside' | 'cover';
}

async function resized(input: Buffer | Sharp, rule: SizeRule, alpha: boolean): Promise<StoredImage> {
  const image = Buffer.isBuffer(input) ? sharp(input) : input;
  const resize = { width: rule.width, height: rule.height, fit: rule.fit ?? 'inside', withoutEnlargement: rule.fit !== 'cover' } as const;
  const { data, info } = await encoded(image.resize(resize), alpha).toBuffer({ resolveWithObject: true });
  return stored(data, info);
}

/**
 * `bytes` made into each of `sizes` (the first is the largest, made from the file; the others from
 * it), or an ImageRefusedError saying why not.
 */
async function imagesInSizes<S extends string>(bytes: Buffer, sizes: Readonly<Record<S, SizeRule>>, largest: NoInfer<S>): Promise<Record<S, StoredImage>> {
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
    // Decoded once, in full (a warning such as a truncated file fails it): the largest size from
    // the file, turned upright; the smaller ones from it.
    const top = await resized(sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'warning' }).rotate(), sizes[largest], alpha);
    const others = (Object.keys(sizes) as S[]).filter((size) => size !== largest);
    const made = await Promise.all(others.map((size) => resized(top.bytes, sizes[size], alpha)));
    return Object.fromEntries([[largest, top], ...others.map((size, index) => [size, made[index]!])]) as Record<S, StoredImage>;
  } catch {
    throw new ImageRefusedError(`the ${metadata.format.toUpperCase()} image could not be read to its end (truncated or damaged)`);
  }
}

/** The three sizes of a photo, or an ImageRefusedError saying why not. */
export function photoImages(bytes: Buffer): Promise<PhotoImages> {
  return imagesInSizes(bytes, PHOTO_SIZES, 'big');
}

/**
 * The sizes of a picture that stands for something (an event's), as the platform made people's
 * pictures: `pic_big` at most 200 wide, `pic` 100, `pic_small` 50 (each at most three times as
 * tall), and `pic_square` cropped to 50 × 50.
 */
export const PICTURE_SIZES = {
  big: { width: 200, height: 600 },
  normal: { width: 100, height: 300 },
  small: { width: 50, height: 150 },
  square: { width: 50, height: 50, fit: 'cover' },
} as const satisfies Record<string, SizeRule>;

export type PictureSize = keyof typeof PICTURE_SIZES;
export type PictureImages = { readonly [S in PictureSize]: StoredImage };

/** The four sizes of a picture, or an ImageRefusedError saying why not. */
export function pictureImages(bytes: Buffer): Promise<PictureImages> {
  return imagesInSizes(bytes, PICTURE_SIZES, 'big');
}
