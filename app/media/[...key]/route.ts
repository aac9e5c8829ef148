import { Readable } from "node:stream";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { mediaVisibilityOrLastKnown, type MediaVisibility } from "@/lib/media/media-visibility";
import { getStorage } from "@/lib/storage/get-storage";
import { StorageNotFoundError } from "@/lib/storage/storage";

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  pdf: "application/pdf",
};

/**
 * Stored files (photos, page images, page PDFs). What readers can see is
 * public, and as keys are content hashes a file at a URL never changes:
 * browsers and CDNs may keep it for a year. Anything else is only for
 * signed-in staff, never kept (lib/media/media-visibility.ts); to anyone else
 * it does not exist.
 */
export async function GET(_request: Request, { params }: RouteContext<"/media/[...key]">) {
  const key = (await params).key.join("/");
  const type = TYPES[key.split(".").pop() ?? ""];
  if (!type || !/^[a-z-]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+$/.test(key)) return notFound();
  let visibility: MediaVisibility;
  try {
    visibility = await mediaVisibilityOrLastKnown(getDb(), key);
    if (visibility === "missing" || (visibility === "staff" && !(await getCurrentUser()))) return notFound();
  } catch (error) {
    return unavailable(key, error);
  }
  try {
    const stream = await getStorage().stream(key);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": type,
        "Cache-Control": visibility === "public" ? "public, max-age=31536000, immutable" : "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof StorageNotFoundError) return notFound();
    return unavailable(key, error);
  }
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The store or the database is unreachable: say so, and let caches retry soon rather than keep a 404. */
function unavailable(key: string, error: unknown) {
  console.error(`media ${key}: ${error instanceof Error ? error.message : String(error)}`);
  return new Response("Temporarily unavailable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" } });
}
