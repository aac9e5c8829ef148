import { readLimitedBody } from "@/lib/http/read-limited-body";
import { fileTooLarge, MAX_PHOTO_BYTES } from "./photo-errors";

/** A photo upload's bytes, refused past the photo size limit (see lib/http/read-limited-body.ts). */
export function readLimited(body: ReadableStream<Uint8Array>, limit = MAX_PHOTO_BYTES): Promise<Buffer> {
  return readLimitedBody(body, limit, fileTooLarge);
}
