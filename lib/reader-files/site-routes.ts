import { isStorageNotFound, type Storage } from "@/lib/storage/storage";
import type { Script } from "@/lib/reader/script";

// Where the published reader files are, in the storage every instance shares.
// Rendered pages are immutable, content-addressed objects (reader/files/…);
// small route tables say which object each URL shows now. A publish writes the
// new objects first and then one table, so readers switch from the old edition
// to the new in one step and never see half of one.
//
//   reader/files/{hash}.html (.gz, .br)      a rendered page and its compressed twins
//   reader/assets/{hash}.css                 the reader stylesheet (immutable)
//   reader/routes/site.json                  the publications and the default one
//   reader/routes/{slug}/index.json          latest edition, archive pages, the 404 page
//   reader/routes/{slug}/{date}.json         one edition's page and article views
//   reader/routes/progress.json              the last rendering of every file: how far it is
//   reader/site/{url}/index.html (.gz, .br)  a copy of each page by its URL, for nginx to read
//                                            straight from the store (deploy/nginx.conf); written
//                                            after the table that switches to it, so it switches
//                                            URL by URL, and removed with it.

/** One rendered file: its content hash (the object's name and its ETag) and when it last changed. */
export interface FileRef {
  hash: string;
  modified: string;
}

/** A page in both scripts. */
export type ScriptFiles = Record<Script, FileRef>;

export interface SiteRoutes {
  defaultSlug: string | null;
  slugs: string[];
  /** The app version (build and stylesheet) that last rendered every file; another version renders them again at boot. */
  version: string | null;
}

export interface PublicationRoutes {
  /** The newest published edition and its first page (`/` redirects there). */
  latest: { date: string; first: string } | null;
  /** "" (/archive), "2023", "2023/03". */
  archive: Record<string, ScriptFiles>;
  notFound: ScriptFiles;
}

export interface EditionRoutes {
  /** The first page's number (`/{date}` redirects there). */
  first: string;
  /** "A05" (page view) and "A05/3" (article view). */
  files: Record<string, ScriptFiles>;
}

/** How far rendering every file (after a settings change) has come, for the dashboard. */
export interface RenderAllProgress {
  startedAt: string;
  done: number;
  total: number;
  finishedAt: string | null;
  failed: string | null;
}

export const readerKeys = {
  file: (hash: string, encoding: "" | ".gz" | ".br" = "") => `reader/files/${hash}.html${encoding}`,
  asset: (name: string) => `reader/assets/${name}`,
  site: () => "reader/routes/site.json",
  publication: (slug: string) => `reader/routes/${slug}/index.json`,
  edition: (slug: string, date: string) => `reader/routes/${slug}/${date}.json`,
  progress: () => "reader/routes/progress.json",
  /** "/2023-03-13/A05" → reader/site/2023-03-13/A05/index.html */
  siteCopy: (url: string, encoding: "" | ".gz" | ".br" = "") => `reader/site${url}/index.html${encoding}`,
};

/** Browsers revalidate every view (a 304); shared caches keep a page a minute and are purged on change. */
export const PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/** A stored JSON object, or null when there is none. */
export async function readJson<T>(storage: Storage, key: string): Promise<T | null> {
  try {
    return JSON.parse((await storage.get(key)).toString("utf8")) as T;
  } catch (error) {
    if (isStorageNotFound(error)) return null;
    throw error;
  }
}

export function writeJson(storage: Storage, key: string, value: unknown): Promise<void> {
  return storage.put(key, Buffer.from(JSON.stringify(value)), "application/json");
}

/** The last rendering of every file, for the settings page. */
export function readRenderAllProgress(storage: Storage): Promise<RenderAllProgress | null> {
  return readJson<RenderAllProgress>(storage, readerKeys.progress()).catch(() => null);
}
