import type { Metadata, OutputInfo, Sharp, SharpOptions } from 'sharp';
import { onFirstUse } from '../first-use.ts';
import { InvalidInputError, TooLargeError, UnsupportedMediaTypeError } from '../errors.ts';
import { photoMessages as m } from './photo-messages.ts';

/**
 * Uploaded photos (a sheet's, a dossier's interview), checked by their content and made safe to
 * publish: only JPEG, PNG and WebP are accepted (whatever the file name or the declared type say),
 * the EXIF orientation is applied, every metadata is dropped (GPS position, camera, ICC profile
 * after conversion to sRGB), the image fits within 1600 × 1600 and is stored with a 480 px wide
 * thumbnail — as WebP by default, as JPEG where a PDF must embed it (pdfkit reads no WebP).
 */

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Beyond this the decoded image would take hundreds of megabytes: a decompression bomb, or a useless size. */
export const MAX_PHOTO_PIXELS = 40_000_000;
export const PHOTO_MAX_SIDE = 1600;
export const THUMBNAIL_WIDTH = 480;
const PHOTO_QUALITY = 80;
const THUMBNAIL_QUALITY = 75;

export type PhotoErrorCode = 'too_large' | 'unsupported_type' | 'unreadable';

/** A refused photo: `too_large` (413), `unsupported_type` (415), `unreadable` (400); the message is for the person. */
export class PhotoError extends Error {
  constructor(
    public readonly code: PhotoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PhotoError';
  }
}

export type ProcessedPhoto = {
  contentType: 'image/webp' | 'image/jpeg';
  data: Buffer;
  width: number;
  height: number;
  thumbnail: Buffer;
};

export type PhotoFormat = 'jpeg' | 'png' | 'webp';

/** The format announced by the first bytes of a file, or null for anything but JPEG, PNG and WebP. */
export function sniffPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  const starts = (offset: number, signature: number[]) => signature.every((b, i) => bytes[offset + i] === b);
  if (starts(0, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (starts(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(0, [0x52, 0x49, 0x46, 0x46]) && starts(8, [0x57, 0x45, 0x42, 0x50])) return 'webp'; // RIFF....WEBP
  return null;
}

const tooManyPixels = () => new PhotoError('too_large', m.tooManyPixels(MAX_PHOTO_PIXELS / 1_000_000));
const unreadable = () => new PhotoError('unreadable', m.unreadable);

/** sharp (libvips), loaded when the first image is read or drawn. */
export const loadSharp = onFirstUse(async () => (await import('sharp')).default);

/** Checks, cleans and resizes an uploaded photo; throws a PhotoError saying why it is refused. */
export async function processPhoto(input: Buffer, options: { format?: 'webp' | 'jpeg' } = {}): Promise<ProcessedPhoto> {
  // The size first: nothing is decoded for a file refused anyway.
  if (input.length > MAX_PHOTO_BYTES) throw new PhotoError('too_large', m.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024));
  const sniffed = sniffPhotoFormat(input);
  if (!sniffed) throw new PhotoError('unsupported_type', m.unsupportedType);

  const sharp = await loadSharp();
  // Limits on every decoder: the pixel count (decompression bombs), and any decoding warning is an error.
  const decoding: SharpOptions = { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'warning', autoOrient: true };

  let metadata: Metadata;
  try {
    // Reads the header only: the dimensions are known before any pixel is decoded.
    metadata = await sharp(input, { ...decoding, limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  if (metadata.format !== sniffed) throw new PhotoError('unsupported_type', m.unsupportedType);
  if (!metadata.width || !metadata.height) throw unreadable();
  if (metadata.width * metadata.height > MAX_PHOTO_PIXELS) throw tooManyPixels();

  // Decoded once, upright, in sRGB and within 1600 × 1600; both encodings start from these pixels.
  let pixels: { data: Buffer; info: OutputInfo };
  try {
    pixels = await sharp(input, decoding)
      .resize({ width: PHOTO_MAX_SIDE, height: PHOTO_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels();
    throw unreadable();
  }
  const { width, height, channels } = pixels.info;
  const raw = { raw: { width, height, channels } };

  // Encoders write no metadata unless asked to: no EXIF, XMP, IPTC nor ICC profile in the output.
  const jpeg = options.format === 'jpeg';
  const encode = (image: Sharp, quality: number) =>
    jpeg ? image.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }) : image.webp({ quality });
  const [data, thumbnail] = await Promise.all([
    encode(sharp(pixels.data, raw), PHOTO_QUALITY).toBuffer(),
    encode(sharp(pixels.data, raw).resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true }), THUMBNAIL_QUALITY).toBuffer(),
  ]);
  return { contentType: jpeg ? 'image/jpeg' : 'image/webp', data, width, height, thumbnail };
}

/**
 * `processPhoto` for a form or an API: a refused photo is a domain error naming its field (`photo`
 * by default) — too large (413), of a type not taken (415), or unreadable (400).
 */
export async function checkedPhoto(file: Buffer, options: { format?: 'webp' | 'jpeg'; field?: string } = {}): Promise<ProcessedPhoto> {
  const field = options.field ?? 'photo';
  try {
    return await processPhoto(file, { format: options.format });
  } catch (error) {
    if (!(error instanceof PhotoError)) throw error;
    if (error.code === 'too_large') throw new TooLargeError(error.message, field);
    if (error.code === 'unsupported_type') throw new UnsupportedMediaTypeError(error.message, field);
    throw new InvalidInputError({ [field]: error.message }, error.message);
  }
}
