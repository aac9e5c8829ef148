import { getDb } from "@/lib/db/client";
import { findPublishedPageNames } from "@/lib/feeds/find-page-names";
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
  const [names, standing, people] = await Promise.all([
    findPublishedPageNames(publicationId),
    db.pageName.findMany({ where: { publicationId }, orderBy: { position: "asc" }, select: { name: true } }),
    // Everyone with a byline on a story readers can find (the search index's `visible`): per person, their
    // bylines until the first visible one, rather than every published story of the archive.
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT p.id, p.name FROM people p
      WHERE p.publication_id = ${publicationId}::uuid AND EXISTS (
        SELECT 1 FROM bylines b JOIN article_search s ON s.article_id = b.article_id
        WHERE b.person_id = p.id AND s.publication_id = ${publicationId}::uuid AND s.visible
      )`,
  ]);
  const position = new Map(standing.map((pageName, index) => [pageName.name, index]));
  const pageNames = [...names].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity) || collator.compare(a, b));
  return { pageNames, people: people.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)) };
}
