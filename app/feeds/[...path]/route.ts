import { publicationFeedResponse } from "@/lib/feeds/publication-feed";

/**
 * /feeds/{版名}.xml, /feeds/p/{slug}.xml and /feeds/p/{slug}/{版名}.xml
 * (lib/reader/urls.ts feedUrl builds them).
 */
export async function GET(_request: Request, { params }: RouteContext<"/feeds/[...path]">) {
  // Next.js has decoded the segments already.
  const parts = (await params).path;
  const last = parts.at(-1) ?? "";
  if (!last.endsWith(".xml")) return new Response("Not found", { status: 404 });
  const name = last.slice(0, -4);
  if (parts.length === 1) return publicationFeedResponse("", name);
  if (parts[0] === "p" && parts.length === 2) return publicationFeedResponse(name);
  if (parts[0] === "p" && parts.length === 3) return publicationFeedResponse(parts[1]!, name);
  return new Response("Not found", { status: 404 });
}
