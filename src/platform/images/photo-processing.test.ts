import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, PhotoError, processPhoto, sniffPhotoFormat, type PhotoErrorCode } from './photo-processing.ts';

/** A photo taken by a phone: 1200 × 800, EXIF with the camera and the GPS position, an ICC profile. */
async function phoneJpeg(options: { orientation?: number } = {}) {
  // Left half red, right half blue: where they end up shows the orientation applied.
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#0000ff' } })
    .composite([{ input: { create: { width: 600, height: 800, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Téléphone', Model: 'Modèle 12', Copyright: 'Mairie' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 28/1 3020/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 29/1 4800/100' },
    })
    .withMetadata({ orientation: options.orientation ?? 1 })
    .toBuffer();
}

/** The colour of one pixel of an encoded image, as [r, g, b]. */
async function pixelAt(image: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
const isBlue = ([r, g, b]: number[]) => b! > 200 && r! < 60 && g! < 60;

/** No trace of the original file’s metadata in an output image. */
async function assertNoMetadata(image: Buffer) {
  const meta = await sharp(image).metadata();
  assert.equal(meta.exif, undefined, 'no EXIF');
  assert.equal(meta.icc, undefined, 'no ICC profile');
  assert.equal(meta.xmp, undefined, 'no XMP');
  assert.equal(meta.iptc, undefined, 'no IPTC');
  assert.equal(meta.orientation, undefined, 'no orientation tag');
  // Neither the JPEG blocks (Exif, ICC_PROFILE) nor the WebP chunks (EXIF, ICCP, XMP) are there.
  for (const marker of ['Exif', 'EXIF', 'ICC_PROFILE', 'ICCP', 'XMP ', 'Modèle 12']) assert.ok(!image.includes(marker), `no ${marker} in the bytes`);
}

async function assertRefused(input: Buffer, code: PhotoErrorCode, message: RegExp) {
  await assert.rejects(processPhoto(input), (error: unknown) => {
    assert.ok(error instanceof PhotoError, `a PhotoError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

/** A valid PNG of `width` × `height` black pixels, 1 bit per pixel: a few kilobytes that decode to gigabytes. */
function pixelBombPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + zero pixels per row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('processPhoto', () => {
  test('a phone JPEG: metadata (EXIF, GPS, ICC) gone, WebP out, same size, thumbnail 480 px wide', async () => {
    const input = await phoneJpeg();
    const before = await sharp(input).metadata();
    assert.ok(before.exif && before.icc, 'the fixture does carry EXIF and an ICC profile');
    const gpsPointer = [Buffer.from([0x25, 0x88]), Buffer.from([0x88, 0x25])]; // EXIF tag 0x8825, either byte order
    assert.ok(
      gpsPointer.some((tag) => before.exif!.includes(tag)),
      'the fixture carries a GPS position',
    );

    const photo = await processPhoto(input);
    assert.equal(photo.contentType, 'image/webp');
    assert.deepEqual([photo.width, photo.height], [1200, 800]);
    const meta = await sharp(photo.data).metadata();
    assert.equal(meta.format, 'webp');
    assert.deepEqual([meta.width, meta.height], [1200, 800]);
    await assertNoMetadata(photo.data);

    const thumb = await sharp(photo.thumbnail).metadata();
    assert.equal(thumb.format, 'webp');
    assert.deepEqual([thumb.width, thumb.height], [480, 320]);
    await assertNoMetadata(photo.thumbnail);
    assert.ok(photo.thumbnail.length < photo.data.length);
  });

  test('the EXIF orientation is applied to the pixels, then dropped', async () => {
    // Orientation 6: the camera was turned; viewers rotate 90° clockwise, so the left (red) half goes on top.
    const input = await phoneJpeg({ orientation: 6 });
    assert.equal((await sharp(input).metadata()).orientation, 6);
    const photo = await processPhoto(input);
    assert.deepEqual([photo.width, photo.height], [800, 1200]);
    assert.ok(isRed(await pixelAt(photo.data, 400, 100)), 'red on top');
    assert.ok(isBlue(await pixelAt(photo.data, 400, 1100)), 'blue at the bottom');
    await assertNoMetadata(photo.data);
    const thumb = await sharp(photo.thumbnail).metadata();
    assert.deepEqual([thumb.width, thumb.height], [480, 720]);
  });

  test('a big PNG (4000 × 3000) fits within 1600 × 1600', async () => {
    const input = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#2a7' } })
      .png()
      .toBuffer();
    const photo = await processPhoto(input);
    assert.deepEqual([photo.width, photo.height], [1600, 1200]);
    const meta = await sharp(photo.data).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 1600, 1200]);
    const thumb = await sharp(photo.thumbnail).metadata();
    assert.deepEqual([thumb.width, thumb.height], [480, 360]);
  });

  test('a WebP with transparency keeps its size (never enlarged) and its alpha channel', async () => {
    const input = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 10, g: 20, b: 200, alpha: 0.5 } } })
      .webp()
      .toBuffer();
    const photo = await processPhoto(input);
    assert.deepEqual([photo.width, photo.height], [300, 200]);
    assert.equal((await sharp(photo.data).metadata()).hasAlpha, true);
    const thumb = await sharp(photo.thumbnail).metadata();
    assert.deepEqual([thumb.width, thumb.height], [300, 200], 'a small photo is its own thumbnail size');
  });

  test('as JPEG (for a PDF): a phone photo without its metadata, a transparent one flattened on white', async () => {
    const photo = await processPhoto(await phoneJpeg(), { format: 'jpeg' });
    assert.equal(photo.contentType, 'image/jpeg');
    for (const bytes of [photo.data, photo.thumbnail]) {
      assert.equal((await sharp(bytes).metadata()).format, 'jpeg');
      await assertNoMetadata(bytes);
    }
    const transparent = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const flattened = await processPhoto(transparent, { format: 'jpeg' });
    const { channels } = await sharp(flattened.data).stats();
    assert.ok(
      channels.every((c) => c.mean > 250),
      'white where it was transparent, not black',
    );
  });

  test('a wide-gamut (Display P3) photo is converted to sRGB and loses its profile', async () => {
    const input = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#e05030' } })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    assert.ok((await sharp(input).metadata()).icc, 'the fixture carries a P3 profile');
    const photo = await processPhoto(input);
    await assertNoMetadata(photo.data);
    assert.equal((await sharp(photo.data).metadata()).space, 'srgb');
  });

  test('the content decides, not the name: a text file renamed .jpg is refused', async () => {
    await assertRefused(Buffer.from('Compte rendu du conseil municipal\n', 'utf8'), 'unsupported_type', /JPEG, PNG ou WebP/);
    await assertRefused(Buffer.alloc(0), 'unsupported_type', /JPEG, PNG ou WebP/);
  });

  test('GIF and SVG are refused, even valid ones', async () => {
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    await assertRefused(gif, 'unsupported_type', /GIF, SVG/);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><rect width="10" height="10"/></svg>');
    await assertRefused(svg, 'unsupported_type', /JPEG, PNG ou WebP/);
    // Formats sharp could read are refused too (HEIC, TIFF, AVIF: not for the web pages).
    const tiff = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .tiff()
      .toBuffer();
    await assertRefused(tiff, 'unsupported_type', /JPEG, PNG ou WebP/);
  });

  test('a file whose signature lies about its content is refused', async () => {
    // JPEG magic bytes followed by a GIF: the decoder does not read it as a JPEG.
    const gif = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    await assertRefused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), gif]), 'unreadable', /illisible/);
  });

  test('a truncated JPEG is unreadable', async () => {
    const full = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .toBuffer();
    await assertRefused(full.subarray(0, Math.floor(full.length / 2)), 'unreadable', /illisible/);
    await assertRefused(full.subarray(0, 40), 'unreadable', /illisible/);
  });

  test('more than 5 MB is refused before anything is decoded', async () => {
    const big = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]); // looks like a JPEG; decoding it would say "unreadable", not "too large"
    await assertRefused(big, 'too_large', /5 Mo/);
  });

  test('a decompression bomb (20000 × 20000 PNG, a few kilobytes) is refused', async () => {
    const bomb = pixelBombPng(20_000, 20_000);
    assert.ok(bomb.length < 200_000, `${bomb.length} bytes`);
    assert.ok(20_000 * 20_000 > MAX_PHOTO_PIXELS);
    const started = performance.now();
    await assertRefused(bomb, 'too_large', /millions de pixels/);
    assert.ok(performance.now() - started < 2_000, 'refused from its header, without decoding');
  });

  test('sniffPhotoFormat reads the signature of JPEG, PNG and WebP only', async () => {
    const create = sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } });
    assert.equal(sniffPhotoFormat(await create.clone().jpeg().toBuffer()), 'jpeg');
    assert.equal(sniffPhotoFormat(await create.clone().png().toBuffer()), 'png');
    assert.equal(sniffPhotoFormat(await create.clone().webp().toBuffer()), 'webp');
    assert.equal(sniffPhotoFormat(await create.clone().gif().toBuffer()), null);
    assert.equal(sniffPhotoFormat(Buffer.from('RIFF\0\0\0\0WAVEfmt ')), null);
    assert.equal(sniffPhotoFormat(Buffer.from([0xff, 0xd8])), null);
  });
});
