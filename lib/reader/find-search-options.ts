import { getDb } from "@/lib/db/client";
import { cached } from "./cached";
import { cacheTags } from "./cache-tags";

// The choices of the reader's search filters: page names (版面) and people on
// bylines (作者), only from what readers can see (published articles on
// published pages of published editions), so nothing planned leaks through a
// filter. Cached under the publication's tag: publishing and withdrawing refresh it.

export interface ReaderSearchOptions {
  /** Page names of published pages, in the standing page order (names no longer standing after, by name). */
  pageNames: string[];
  /** People on the bylines of published articles, by name. */
  people: { id: string; name: string }[];
}

const collator = new Intl.Collator("zh-CN");

export function findSearchOptions(publicationId: string): Promise<ReaderSearchOptions> {
  return cached(["search-options", publicationId], [cacheTags.publication(publicationId)], () => loadSearchOptions(publicationId));
}

async function loadSearchOptions(publicationId: string): Promise<ReaderSearchOptions> {
  const db = getDb();
  const publishedPage = { status: "PUBLISHED" as const, edition: { publicationId, status: "PUBLISHED" as const } };
  const [pages, standing, people] = await Promise.all([
    db.page.groupBy({ by: ["name"], where: publishedPage }),
    db.pageName.findMany({ where: { publicationId }, orderBy: { position: "asc" }, select: { name: true } }),
    db.person.findMany({
      where: { publicationId, bylines: { some: { article: { status: "PUBLISHED", placements: { some: { page: publishedPage } } } } } },
      select: { id: true, name: true },
    }),
  ]);
  const position = new Map(standing.map((pageName, index) => [pageName.name, index]));
  const pageNames = pages
    .map((page) => page.name)
    .sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || collator.compare(a, b));
  return { pageNames, people: people.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)) };
}
