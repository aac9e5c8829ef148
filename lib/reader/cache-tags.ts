import { revalidateTag } from "next/cache";

// Every cache tag of the reader site, in one place. Reader queries are cached
// under these tags; publishing, correcting or withdrawing revalidates them.

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
 * Revalidation needs Next's request context. Work done outside one (the
 * scheduler's timer, the import command) hands the tags to this sender instead,
 * which asks a running server to revalidate them (/api/internal/revalidate).
 */
let outsideRequest: ((tags: string[]) => void) | undefined;

export function sendRevalidationsOutsideRequests(sender: ((tags: string[]) => void) | undefined): void {
  outsideRequest = sender;
}

function expire(tag: string): void {
  try {
    revalidateTag(tag, { expire: 0 });
  } catch (error) {
    if (!outsideRequest || !(error instanceof Error) || !error.message.includes("static generation store missing")) throw error;
    outsideRequest([tag]);
  }
}

/** Tags a server accepts from /api/internal/revalidate. */
export function isCacheTag(tag: string): boolean {
  return tag === cacheTags.publications || /^(publication|article):[0-9a-f-]{36}$/.test(tag) || /^edition:[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/.test(tag);
}

/** Revalidates tags received from outside a request (see sendRevalidationsOutsideRequests). */
export function expireTags(tags: string[]): void {
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}

/**
 * After an edition is published or withdrawn: its pages, and everything that
 * lists editions (navigation, 上一期/下一期, calendar, feeds, sitemaps).
 */
export function revalidateEdition(publicationId: string): void {
  expire(cacheTags.publication(publicationId));
}

/** After a correction: only the article (and what shows its text). */
export function revalidateArticle(articleId: string): void {
  expire(cacheTags.article(articleId));
}

/** After a publication's settings (name, footer, default) change. */
export function revalidatePublications(): void {
  expire(cacheTags.publications);
}
