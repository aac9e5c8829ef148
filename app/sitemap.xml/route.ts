import { xmlResponse } from "@/lib/feeds/build-feed";
import { sitemapIndexXml } from "@/lib/feeds/sitemaps";

// Rendered per request from cached queries (no build-time database).
export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(await sitemapIndexXml());
}
