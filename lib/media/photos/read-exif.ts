import exifr from "exifr";
import { NEWSROOM_UTC_OFFSET } from "@/lib/time/newsroom-time";

export interface PhotoExif {
  takenAt: Date | null;
  /** "Canon EOS R5": make and model, without the make said twice. */
  camera: string | null;
  /** The photographer as written in the camera (EXIF Artist), if any. */
  artist: string | null;
}

// EXIF times carry no zone unless the camera wrote OffsetTimeOriginal; the
// newsroom's cameras are set to its time (NEWSROOM_UTC_OFFSET), so that is
// the default rather than the server's zone (UTC in production).

const NOTHING: PhotoExif = { takenAt: null, camera: null, artist: null };

/** The few EXIF facts the library keeps. A photo without EXIF, or with broken EXIF, has none. */
export async function readExif(data: Buffer): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(data, {
      pick: ["DateTimeOriginal", "CreateDate", "OffsetTimeOriginal", "Make", "Model", "Artist"],
      // Dates as written ("2023:03:12 10:20:30"), so the zone is decided here.
      reviveValues: false,
    });
  } catch {
    return NOTHING;
  }
  if (!tags) return NOTHING;
  return {
    takenAt: exifDate(text(tags.DateTimeOriginal) ?? text(tags.CreateDate), text(tags.OffsetTimeOriginal)),
    camera: cameraName(text(tags.Make), text(tags.Model)),
    artist: text(tags.Artist),
  };
}

/** A trimmed string, or null for empty values and the "???" some tools write for characters they could not encode. */
function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.replace(/\0/g, "").trim();
  return trimmed && !/^\?+$/.test(trimmed) ? trimmed : null;
}

function exifDate(value: string | null, offset: string | null): Date | null {
  const match = value?.match(/^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const zone = offset && /^[+-]\d{2}:\d{2}$/.test(offset) ? offset : NEWSROOM_UTC_OFFSET;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${zone}`);
  // Cameras with an unset clock write 0000:00:00 00:00:00.
  return Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 ? null : date;
}

function cameraName(make: string | null, model: string | null): string | null {
  if (!model) return make;
  if (!make || model.toLowerCase().startsWith(make.split(" ")[0]!.toLowerCase())) return model;
  return `${make} ${model}`;
}
