import convert from "heic-convert";
import { unreadableImage } from "./photo-errors";

/**
 * HEIC (iPhone photos) to JPEG. sharp's prebuilt libvips reads HEIF only with
 * AV1 inside (AVIF), not HEVC, so the image is decoded by heic-convert (libheif
 * compiled to JS). High quality: the result is re-encoded once more as the master.
 */
export async function convertHeicToJpeg(data: Buffer): Promise<Buffer> {
  try {
    return Buffer.from(await convert({ buffer: data, format: "JPEG", quality: 0.95 }));
  } catch {
    throw unreadableImage();
  }
}
