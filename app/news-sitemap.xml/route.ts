import { xmlResponse } from "@/lib/feeds/build-feed";
import { newsSitemapXml } from "@/lib/feeds/sitemaps";

export const dynamic = "force-dynamic";

export async function GET() {
  return xmlResponse(await newsSitemapXml());
}
