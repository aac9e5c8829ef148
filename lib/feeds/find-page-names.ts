import { getDb } from "@/lib/db/client";
import { cached } from "@/lib/reader/cached";
import { cacheTags } from "@/lib/reader/cache-tags";

/** Names of the published pages of a publication (the per-page-name feeds that exist). */
export function findPublishedPageNames(publicationId: string): Promise<string[]> {
  return cached(["published-page-names", publicationId], [cacheTags.publication(publicationId)], async () => {
    const pages = await getDb().page.findMany({
      where: { status: "PUBLISHED", edition: { publicationId, status: "PUBLISHED" } },
      distinct: ["name"],
      select: { name: true },
      orderBy: { name: "asc" },
    });
    return pages.map((page) => page.name);
  });
}
