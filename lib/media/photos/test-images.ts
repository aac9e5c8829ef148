import { crc32 } from "node:zlib";
import sharp from "sharp";

// Images made on the spot for the photo tests (no binary fixtures to keep in git).

/** A 64×48 red HEIC made with libheif's heif-enc (Debian libheif-examples: `heif-enc -q 50 small.png`). */
export const SMALL_HEIC = Buffer.from(
  "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAHQACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAAALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAACVtZGF0AAAAGSgBrxOA9SeBP//gSUf/se54fgWBfnny1PA=",
  "base64",
);

/** A noisy JPEG (so each seed gives different bytes), optionally with EXIF. */
export async function testJpeg(options: { width?: number; height?: number; seed?: number; exif?: Record<string, Record<string, string>> } = {}): Promise<Buffer> {
  const { width = 1200, height = 800, seed = 1 } = options;
  let image = sharp({ create: { width, height, channels: 3, background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: (seed * 53) % 256 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${(seed * 97) % width}" cy="${height / 2}" r="${height / 4}" fill="white"/></svg>`) }]);
  if (options.exif) image = image.withExif(options.exif);
  return image.jpeg({ quality: 85 }).toBuffer();
}

/** A body as the route receives it. */
export function streamOf(data: Buffer, chunkSize = 64 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= data.length) return controller.close();
      controller.enqueue(new Uint8Array(data.subarray(offset, offset + chunkSize)));
      offset += chunkSize;
    },
  });
}

/**
 * A PNG of a few hundred bytes whose header declares width × height (a pixel
 * flood: decoding it would take width × height × channels bytes). The pixel
 * data is a real 1×1 image's, so only the size lies.
 */
export async function pixelFloodPng(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } }).png().toBuffer();
  // IHDR is the first chunk: length (4) and type (4) at byte 8, then width and height; its CRC covers type and data.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}
