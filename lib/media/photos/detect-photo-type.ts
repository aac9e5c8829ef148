import { fileTypeFromBuffer } from "file-type";
import { unsupportedFile } from "./photo-errors";

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/**
 * The photo's type from its bytes (magic numbers), never from its name or the
 * Content-Type the browser sent: a renamed program or an SVG (text, which may
 * carry scripts) is refused. HEIF stills from phones count as HEIC.
 */
export async function detectPhotoType(data: Uint8Array): Promise<PhotoType> {
  // A malformed file can make a detector throw; that is just "not a photo".
  const detected = await fileTypeFromBuffer(data).catch(() => undefined);
  const mime = detected?.mime === "image/heif" ? "image/heic" : detected?.mime;
  if (!mime || !(PHOTO_TYPES as readonly string[]).includes(mime)) throw unsupportedFile();
  return mime as PhotoType;
}
