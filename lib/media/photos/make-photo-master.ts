import sharp from "sharp";
import { MAX_IMAGE_PIXELS } from "@/lib/media/decode-limits";
import type { PhotoType } from "./detect-photo-type";
import { unreadableImage } from "./photo-errors";

export interface PhotoMaster {
  data: Buffer;
  mimeType: "image/jpeg" | "image/png" | "image/webp";
  width: number;
  height: number;
}

/**
 * The file kept as the photo's original: decoded fully (a truncated or corrupt
 * file is refused here, before anything is stored), turned upright and
 * re-encoded without any metadata. Stored files are served by content key
 * under /media, so the original must not carry EXIF (GPS, serial numbers)
 * either; the facts the newsroom needs are read before this step.
 */
export async function makePhotoMaster(data: Buffer, type: Exclude<PhotoType, "image/heic">): Promise<PhotoMaster> {
  try {
    // failOn "warning": libjpeg's "premature end of image" is only a warning.
    const upright = sharp(data, { failOn: "warning", limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    const encoded =
      type === "image/png" ? upright.png({ compressionLevel: 9 }) : type === "image/webp" ? upright.webp({ quality: 92 }) : upright.jpeg({ quality: 92, mozjpeg: true });
    const { data: output, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { data: output, mimeType: type, width: info.width, height: info.height };
  } catch {
    throw unreadableImage();
  }
}
