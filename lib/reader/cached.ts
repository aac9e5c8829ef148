import { unstable_cache } from "next/cache";

/**
 * Caches a reader query across requests under `tags` (lib/reader/cache-tags.ts),
 * so a cached page never waits on the database. Results are JSON: return strings,
 * not Dates. (Next 16 recommends `use cache` with Cache Components for new code;
 * this app keeps the incremental cache, see docs/ARCHITECTURE.md, "Reader caching".)
 */
export function cached<T>(key: string[], tags: string[], load: () => Promise<T>): Promise<T> {
  return unstable_cache(load, key, { tags, revalidate: false })();
}
