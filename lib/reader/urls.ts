import { isoEditionDate } from "@/lib/time/edition-date";
import { regionFragment } from "./region-fragment";
import type { Script } from "./script";

// Every reader URL is built here, so links, feeds, sitemaps and canonical tags agree.
// Each script has its own URLs: Simplified at the root (/2023-03-13/A05),
// Traditional under /zh-hant (/zh-hant/2023-03-13/A05). A reference with
// `script: "hant"` builds the Traditional ones.

export interface PublicationRef {
  slug: string;
  isDefault: boolean;
  /** The script the URLs are for; Simplified when unset. */
  script?: Script;
}

export type EditionDate = Date | string;

/** The path prefix of the Traditional reader site. */
export const TRADITIONAL_PREFIX = "/zh-hant";

const day = (date: EditionDate) => (typeof date === "string" ? date : isoEditionDate(date));

/** The publication's and the script's part of a path ("", "/zh-hant", "/p/weekly", "/zh-hant/p/weekly"). */
function base(publication: PublicationRef): string {
  return `${publication.script === "hant" ? TRADITIONAL_PREFIX : ""}${publication.isDefault ? "" : `/p/${publication.slug}`}`;
}

export function publicationUrl(publication: PublicationRef): string {
  return base(publication) || "/";
}

export function editionUrl(publication: PublicationRef, date: EditionDate): string {
  return `${base(publication)}/${day(date)}`;
}

export function pageUrl(publication: PublicationRef, date: EditionDate, pageNumber: string): string {
  return `${editionUrl(publication, date)}/${pageNumber}`;
}

export function articleUrl(publication: PublicationRef, date: EditionDate, pageNumber: string, position: number): string {
  return `${pageUrl(publication, date, pageNumber)}/${position}`;
}

/** 往期: the archive, one year (2023) or one month ("2023-03" → /archive/2023/03). */
export function archiveUrl(publication: PublicationRef, period?: number | string): string {
  const archive = `${base(publication)}/archive`;
  if (period === undefined) return archive;
  return typeof period === "number" ? `${archive}/${period}` : `${archive}/${period.slice(0, 4)}/${period.slice(5, 7)}`;
}

/** A page view with one article's region highlighted (search results link here). */
export function pageRegionUrl(publication: PublicationRef, date: EditionDate, pageNumber: string, articleId: string): string {
  return `${pageUrl(publication, date, pageNumber)}#${regionFragment(articleId)}`;
}

/** 搜索: the search page (its query and filters: lib/search-pages/search-request.ts). */
export function searchUrl(publication: PublicationRef): string {
  return `${base(publication)}/search`;
}

/** A stored file (photo, page image, page PDF), served by app/media. */
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

/** An <img srcset> of an image's resized copies ("/media/… 640w, /media/… 1280w"), by URL or by storage key. */
export function srcSetOf(variants: readonly ({ width: number } & ({ url: string } | { storageKey: string }))[]): string {
  return variants.map((variant) => `${"url" in variant ? variant.url : mediaUrl(variant.storageKey)} ${variant.width}w`).join(", ");
}

/** A feed (in Simplified script, whichever script links to it). */
export function feedUrl(publication: PublicationRef, pageName?: string): string {
  const prefix = base({ slug: publication.slug, isDefault: publication.isDefault });
  return pageName ? `/feeds${prefix}/${encodeURIComponent(pageName)}.xml` : publication.isDefault ? "/feed.xml" : `/feeds${prefix}.xml`;
}

/** The script a reader path is in. */
export function scriptOfPath(path: string): Script {
  return path === TRADITIONAL_PREFIX || path.startsWith(`${TRADITIONAL_PREFIX}/`) || path.startsWith(`${TRADITIONAL_PREFIX}?`) || path.startsWith(`${TRADITIONAL_PREFIX}#`) ? "hant" : "hans";
}

/** The same reader page in the other script: its twin URL (the 简/繁 switch, hreflang alternates). */
export function inScript(path: string, script: Script): string {
  const simplified = scriptOfPath(path) === "hant" ? path.slice(TRADITIONAL_PREFIX.length) || "/" : path;
  if (script === "hans") return simplified.startsWith("/") ? simplified : `/${simplified}`;
  return simplified === "/" ? TRADITIONAL_PREFIX : `${TRADITIONAL_PREFIX}${simplified}`;
}

/** A reader page's canonical URL and its twin in the other script, for `alternates` in its metadata. */
export function scriptAlternates(path: string): { canonical: string; languages: Record<string, string> } {
  return {
    canonical: absoluteUrl(path),
    languages: { "zh-CN": absoluteUrl(inScript(path, "hans")), "zh-Hant": absoluteUrl(inScript(path, "hant")), "x-default": absoluteUrl(inScript(path, "hans")) },
  };
}

/** Absolute URL for feeds, sitemaps, canonical links and Open Graph. */
export function absoluteUrl(path: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  return `${base}${path}`;
}
