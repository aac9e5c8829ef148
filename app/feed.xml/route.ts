import { publicationFeedResponse } from "@/lib/feeds/publication-feed";

// Rendered per request from cached queries (no build-time database).
export const dynamic = "force-dynamic";

/** RSS of the default publication's latest edition. */
export function GET() {
  return publicationFeedResponse("");
}
