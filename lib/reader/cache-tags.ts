import { revalidateTag } from "next/cache";

// Every cache tag of the reader site, in one place. What Next still caches of
// it (feeds, sitemaps, the search filters) is cached under these tags; reader
// pages are files (lib/reader-files), and the same announcement that expires
// the tags makes every instance read their route tables again and a CDN drop
// its copies. Publishing, correcting or withdrawing revalidates them.

export const cacheTags = {
  /** The list of publications and their settings (name, footer). */
  publications: "publications",
  /** Everything a publication's reader pages show: navigation, calendars, feeds. */
  publication: (publicationId: string) => `publication:${publicationId}`,
  /** One edition's pages, placements and regions (by date: also tags "not published yet"). */
  edition: (publicationId: string, date: string) => `edition:${publicationId}:${date}`,
  /** One article's text, bylines, photos and corrections. */
  article: (articleId: string) => `article:${articleId}`,
} as const;

/**
 * How this process tells the other instances (lib/reader/revalidation-channel.ts),
 * set at boot: `doneHere` says whether it expired the tags itself. Outside
 * a request (the scheduler's timer, the import command) Next cannot expire
 * them here; the notice then goes out with no origin, and every instance,
 * this one included, expires them.
 */
type Announcer = (tags: string[], doneHere: boolean) => void;
// On globalThis: Next bundles instrumentation (which sets it) and the app's
// routes and actions (which use it) apart, each with its own copy of this module.
const registry = globalThis as { newsroomRevalidationAnnouncer?: Announcer };

export function announceRevalidationsWith(sender: Announcer | undefined): void {
  registry.newsroomRevalidationAnnouncer = sender;
}

function expire(tag: string): void {
  const announce = registry.newsroomRevalidationAnnouncer;
  let doneHere = true;
  try {
    revalidateTag(tag, { expire: 0 });
  } catch (error) {
    if (!announce || !(error instanceof Error) || !error.message.includes("static generation store missing")) throw error;
    doneHere = false;
  }
  announce?.([tag], doneHere);
}

/** Tags a server accepts from /api/internal/revalidate. */
export function isCacheTag(tag: string): boolean {
  return tag === cacheTags.publications || /^(publication|article):[0-9a-f-]{36}$/.test(tag) || /^edition:[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/.test(tag);
}

/** Expires tags heard from the revalidation channel, in this instance's cache (within a request: /api/internal/revalidate). */
export function expireTags(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}

/** After an edition is published or withdrawn: everything that lists editions (feeds, sitemaps, search filters), and the edition itself (its files on a CDN). */
export function revalidateEdition(publicationId: string, date: string): void {
  expire(cacheTags.publication(publicationId));
  expire(cacheTags.edition(publicationId, date));
}

/** After a correction: only the article (and what shows its text). */
export function revalidateArticle(articleId: string): void {
  expire(cacheTags.article(articleId));
}

/** After a publication's settings (name, footer, default) change. */
export function revalidatePublications(): void {
  expire(cacheTags.publications);
}
