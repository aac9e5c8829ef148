import { getDb } from "@/lib/db/client";
import { cached } from "@/lib/reader/cached";
import { cacheTags } from "@/lib/reader/cache-tags";

/**
 * Names of the published pages of a publication, by name: the per-page-name
 * feeds that exist and the reader search's page filter. A paper has a few dozen
 * names over tens of thousands of pages, so the distinct names are walked on the
 * name index (one probe each) and each is kept if one of its pages is published,
 * instead of grouping every page of the archive.
 */
export function findPublishedPageNames(publicationId: string): Promise<string[]> {
  return cached(["published-page-names", publicationId], [cacheTags.publication(publicationId)], async () => {
    const rows = await getDb().$queryRaw<{ name: string }[]>`
      WITH RECURSIVE names(name) AS (
        (SELECT name FROM pages ORDER BY name LIMIT 1)
        UNION ALL
        SELECT (SELECT p.name FROM pages p WHERE p.name > names.name ORDER BY p.name LIMIT 1) FROM names WHERE names.name IS NOT NULL
      )
      -- LIMIT 1 makes it a probe per name: as a plain EXISTS, the planner groups every page instead.
      SELECT names.name FROM names CROSS JOIN LATERAL (
        SELECT 1 FROM pages p JOIN editions e ON e.id = p.edition_id
        WHERE p.name = names.name AND p.status = 'PUBLISHED' AND e.status = 'PUBLISHED' AND e.publication_id = ${publicationId}::uuid
        LIMIT 1
      ) AS published
      WHERE names.name IS NOT NULL
      ORDER BY names.name`;
    return rows.map((row) => row.name);
  });
}
