import { xmlResponse } from "@/lib/feeds/build-feed";
import { archiveSitemapXml, monthSitemapXml } from "@/lib/feeds/sitemaps";

export async function GET(_request: Request, { params }: RouteContext<"/sitemaps/[file]">) {
  const { file } = await params;
  const xml = (await archiveSitemapXml(file)) ?? (await monthSitemapXml(file));
  return xml ? xmlResponse(xml) : new Response("Not found", { status: 404 });
}
