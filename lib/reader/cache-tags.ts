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
 * After an edition is published or withdrawn: its pages, and everything that
 * lists editions (navigation, 上一期/下一期, calendar, feeds, sitemaps).
 */
export function revalidateEdition(publicationId: string): void {
  revalidateTag(cacheTags.publication(publicationId), { expire: 0 });
}

/** After a correction: only the article (and what shows its text). */
export function revalidateArticle(articleId: string): void {
  revalidateTag(cacheTags.article(articleId), { expire: 0 });
}

/** After a publication's settings (name, footer, default) change. */
export function revalidatePublications(): void {
  revalidateTag(cacheTags.publications, { expire: 0 });
}
