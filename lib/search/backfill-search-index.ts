import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { reindexArticles } from "./index-article";
import { SEGMENTER_VERSION } from "./segment";

// Run at every start (prepare-database.ts): migrations cannot run TypeScript,
// so articles written before the search index existed, rows written by an older
// segmenter and rows whose article changed without a reindex are indexed here.
// With nothing to do it is one anti-join over the two tables.

const BATCH = 200;

/** Indexes every article missing from the index or out of date; returns how many. */
export async function backfillSearchIndex(options: { db: Db; log?: (line: string) => void }): Promise<number> {
  const { db } = options;
  const seen = new Set<string>();
  for (;;) {
    const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT a.id FROM articles a
      LEFT JOIN article_search s ON s.article_id = a.id
      WHERE s.article_id IS NULL OR s.segmenter_version <> ${SEGMENTER_VERSION} OR s.updated_at <> a.updated_at
      LIMIT ${BATCH}`);
    // An article changing meanwhile may come back once; a second time, stop (it is indexed by its own write).
    const ids = rows.map((row) => row.id).filter((id) => !seen.has(id));
    if (ids.length === 0) break;
    await db.$transaction((tx) => reindexArticles(tx, ids), { timeout: 60_000 });
    for (const id of ids) seen.add(id);
    if (rows.length < BATCH) break;
  }
  if (seen.size > 0) options.log?.(`Search index: indexed ${seen.size} article(s).`);
  return seen.size;
}
