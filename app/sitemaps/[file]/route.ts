import { xmlResponse } from "@/lib/feeds/build-feed";
import { monthSitemapXml } from "@/lib/feeds/sitemaps";

export async function GET(_request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  const xml = await monthSitemapXml((await params).file);
  return xml ? xmlResponse(xml) : new Response("Not found", { status: 404 });
}
