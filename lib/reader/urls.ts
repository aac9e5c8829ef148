import { isoEditionDate } from "@/lib/editions/edition-date";
import { regionFragment } from "./region-fragment";

// Every reader URL is built here, so links, feeds, sitemaps and canonical tags agree.

export interface PublicationRef {
  slug: string;
  isDefault: boolean;
}

export type EditionDate = Date | string;

const day = (date: EditionDate) => (typeof date === "string" ? date : isoEditionDate(date));

export function publicationUrl(publication: PublicationRef): string {
  return publication.isDefault ? "/" : `/p/${publication.slug}`;
}

export function editionUrl(publication: PublicationRef, date: EditionDate): string {
  return `${publication.isDefault ? "" : `/p/${publication.slug}`}/${day(date)}`;
}

export function pageUrl(publication: PublicationRef, date: EditionDate, pageNumber: string): string {
  return `${editionUrl(publication, date)}/${pageNumber}`;
}

export function articleUrl(publication: PublicationRef, date: EditionDate, pageNumber: string, position: number): string {
  return `${pageUrl(publication, date, pageNumber)}/${position}`;
}

/** 往期: the archive, one year (2023) or one month ("2023-03" → /archive/2023/03). */
export function archiveUrl(publication: PublicationRef, period?: number | string): string {
  const base = `${publication.isDefault ? "" : `/p/${publication.slug}`}/archive`;
  if (period === undefined) return base;
  return typeof period === "number" ? `${base}/${period}` : `${base}/${period.slice(0, 4)}/${period.slice(5, 7)}`;
}

/** A page view with one article's region highlighted (search results link here). */
export function pageRegionUrl(publication: PublicationRef, date: EditionDate, pageNumber: string, articleId: string): string {
  return `${pageUrl(publication, date, pageNumber)}#${regionFragment(articleId)}`;
}

/** 搜索: the search page (its query and filters: lib/search-pages/search-request.ts). */
export function searchUrl(publication: PublicationRef): string {
  return `${publication.isDefault ? "" : `/p/${publication.slug}`}/search`;
}

/** A stored file (photo, page image, page PDF), served by app/media. */
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

export function feedUrl(publication: PublicationRef, pageName?: string): string {
  const base = publication.isDefault ? "" : `/p/${publication.slug}`;
  return pageName ? `/feeds${base}/${encodeURIComponent(pageName)}.xml` : publication.isDefault ? "/feed.xml" : `/feeds${base}.xml`;
}

/** Switches the reader to a script and comes back to `path` (a plain link: works without JavaScript). */
export function withScript(path: string, script: "hans" | "hant"): string {
  return `/api/reader-script?to=${script}&next=${encodeURIComponent(path)}`;
}

/** Absolute URL for feeds, sitemaps, canonical links and Open Graph. */
export function absoluteUrl(path: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}${path}`;
}
