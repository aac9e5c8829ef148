import { Readable } from "node:stream";
import { getStorage } from "@/lib/storage/get-storage";

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
  } catch {
    return notFound();
  }
}

function notFound() {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
