import { z } from "zod";

/**
 * The headers of a raw-body upload (one file per request): its declared size,
 * and its name in X-File-Name (URI-encoded, since headers are ASCII).
 */
const uploadHeadersSchema = z.object({
  contentLength: z.coerce.number().int().min(0).nullable(),
  fileName: z
    .string()
    .max(1000)
    .transform((value) => {
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    })
    .nullable(),
});

export function readUploadHeaders(request: Request) {
  return uploadHeadersSchema.safeParse({ contentLength: request.headers.get("content-length"), fileName: request.headers.get("x-file-name") });
}

/** The name as the user's computer had it, for display only: no path, no control characters, bounded. */
export function cleanFileName(name: string | null | undefined): string | null {
  const base = name?.split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return base ? base.slice(0, 200) : null;
}
