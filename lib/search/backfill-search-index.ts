import pg from "pg";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { reindexArticles } from "./index-article";
import { SEGMENTER_VERSION } from "./segment";

// Run at every start (prepare-database.ts): migrations cannot run TypeScript,
// so articles written before the search index existed, rows written by an older
// segmenter and rows whose article changed without a reindex are indexed here.
// With nothing to do it is one anti-join over the two tables.
//
// A few thousand articles are indexed before the server serves (a new install,
// a demo). More than that (a new segmenter version over a twenty-year archive
// is hours of work) would keep the paper offline, so the server starts at once
// and indexes them in the background, one instance at a time; until a story is
// reindexed, search uses its old row (or does not find it, if it had none).

const BATCH = 200;
/** More pending rows than this are left to the background at boot (under a minute of work). */
export const BOOT_BACKFILL_LIMIT = 2_000;
const BACKGROUND_LOCK_KEY = 4_201_705_313;

const pendingSql = (limit: number) => Prisma.sql`
  SELECT a.id FROM articles a
  LEFT JOIN article_search s ON s.article_id = a.id
  WHERE s.article_id IS NULL OR s.segmenter_version <> ${SEGMENTER_VERSION} OR s.updated_at <> a.updated_at
  LIMIT ${limit}`;

/** How many articles the index lacks or has out of date, counted up to `limit` + 1. */
export async function countPendingSearchRows(db: Db, limit = BOOT_BACKFILL_LIMIT): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::int AS n FROM (${pendingSql(limit + 1)}) AS pending`);
  return row?.n ?? 0;
}

/** Indexes every article missing from the index or out of date; returns how many. */
export async function backfillSearchIndex(options: { db: Db; log?: (line: string) => void; pauseMs?: number }): Promise<number> {
  const { db } = options;
  const seen = new Set<string>();
  for (;;) {
    const rows = await db.$queryRaw<{ id: string }[]>(pendingSql(BATCH));
    // An article changing meanwhile may come back once; a second time, stop (it is indexed by its own write).
    const ids = rows.map((row) => row.id).filter((id) => !seen.has(id));
    if (ids.length === 0) break;
    await db.$transaction((tx) => reindexArticles(tx, ids), { timeout: 60_000 });
    for (const id of ids) seen.add(id);
    if (rows.length < BATCH) break;
    if (seen.size % 10_000 < BATCH) options.log?.(`Search index: ${seen.size} article(s) indexed so far…`);
    // In the background, room for the requests the server is serving meanwhile.
    if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
  }
  if (seen.size > 0) options.log?.(`Search index: indexed ${seen.size} article(s).`);
  return seen.size;
}

/**
 * The backfill as a server runs it after boot, when prepareDatabase left it
 * (more than BOOT_BACKFILL_LIMIT rows). One instance does it: the others find
 * the lock taken and leave it. Resolves when done; never throws.
 */
export async function backfillSearchIndexInBackground(options: { db: Db; connectionString: string; log?: (line: string) => void }): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const lock = new pg.Client({ connectionString: options.connectionString });
  try {
    await lock.connect();
    const [row] = (await lock.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [BACKGROUND_LOCK_KEY])).rows;
    if (!row?.locked) return 0;
    return await backfillSearchIndex({ db: options.db, log, pauseMs: 50 });
  } catch (error) {
    log(`!!! Search index: the background indexing stopped: ${error instanceof Error ? error.message : String(error)}. It resumes at the next start.`);
    return 0;
  } finally {
    await lock.end().catch(() => {});
  }
}
