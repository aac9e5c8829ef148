import { Readable } from "node:stream";
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
 * Stored files (photos, page images, page PDFs). Keys are content hashes, so a
 * file at a URL never changes: browsers and CDNs may keep it for a year.
 */
export async function GET(_request: Request, { params }: RouteContext<"/media/[...key]">) {
  const key = (await params).key.join("/");
  const type = TYPES[key.split(".").pop() ?? ""];
  if (!type || !/^[a-z-]+\/[0-9a-f]{2}\/[0-9a-f]{64}\.[a-z]+$/.test(key)) return notFound();
  try {
    const stream = await getStorage().stream(key);
    return new Response(Readable.toWeb(stream) as ReadableStream, {
      headers: {
        "Content-Type": type,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof StorageNotFoundError) return notFound();
    // The store is unreachable (an S3 outage): say so, and let caches retry soon rather than keep a 404.
    console.error(`media ${key}: ${error instanceof Error ? error.message : String(error)}`);
    return new Response("Storage unavailable", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5", "Cache-Control": "no-store" } });
  }
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
