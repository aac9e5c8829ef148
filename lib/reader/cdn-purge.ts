import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { editionDate, isoEditionDate } from "@/lib/time/edition-date";
import { publicAssetIds } from "@/lib/media/media-visibility";
import { articleUrl, inScript, mediaUrl, pageUrl } from "./urls";

// A CDN in front of the reader site keeps pages by surrogate keys, which every
// reader response carries (Surrogate-Key for Fastly and others, Cache-Tag for
// Cloudflare; set in next.config.js from the URL, the names below):
//   reader                      every reader response
//   edition-2023-03-13          an edition's pages and articles
//   page-2023-03-13-A05         one page view
//   article-2023-03-13-A05-4    one article view
// Both scripts of a page carry the same keys. When readers' pages change,
// the purge hook (CDN_PURGE_URL) is sent the keys and URLs to drop.

export const surrogateKeys = {
  all: "reader",
  edition: (date: string) => `edition-${date}`,
  page: (date: string, pageNumber: string) => `page-${date}-${pageNumber}`,
  article: (date: string, pageNumber: string, position: number) => `article-${date}-${pageNumber}-${position}`,
} as const;

export interface PurgeRequest {
  keys: string[];
  /** Paths on the reader site, both scripts. */
  urls: string[];
}

/**
 * What a CDN must drop after the reader cache tags were expired
 * (lib/reader/cache-tags.ts): a publication's tag means everything that lists
 * editions, so the whole site; an edition's, its pages; an article's, the
 * editions it is printed in (its headline is on its pages and its
 * neighbours'), with its own URLs named.
 */
export async function purgeRequestFor(db: Db, tags: readonly string[]): Promise<PurgeRequest> {
  const keys = new Set<string>();
  const urls = new Set<string>();
  const articleIds: string[] = [];
  const editions: { publicationId: string; date: string }[] = [];
  for (const tag of tags) {
    if (tag === "publications" || tag.startsWith("publication:")) keys.add(surrogateKeys.all);
    else if (tag.startsWith("edition:")) {
      const [, publicationId, date] = tag.split(":");
      keys.add(surrogateKeys.edition(date!));
      editions.push({ publicationId: publicationId!, date: date! });
    } else if (tag.startsWith("article:")) articleIds.push(tag.slice("article:".length));
  }
  const media = await hiddenMediaUrls(db, editions, articleIds);
  if (articleIds.length > 0) {
    const placements = await db.placement.findMany({
      where: { articleId: { in: articleIds } },
      select: { position: true, page: { select: { number: true, edition: { select: { date: true, publication: { select: { slug: true, isDefault: true } } } } } } },
    });
    for (const placement of placements) {
      const { edition } = placement.page;
      const date = isoEditionDate(edition.date);
      keys.add(surrogateKeys.edition(date));
      for (const path of [articleUrl(edition.publication, date, placement.page.number, placement.position), pageUrl(edition.publication, date, placement.page.number)]) {
        urls.add(path);
        urls.add(inScript(path, "hant"));
      }
    }
  }
  if (keys.has(surrogateKeys.all)) return { keys: [surrogateKeys.all], urls: ["/", inScript("/", "hant"), ...media] };
  return { keys: [...keys], urls: [...urls, ...media] };
}

/**
 * The files of an edition's pages and of articles' photos that readers may no
 * longer see (a withdrawal, a killed story, a photo taken out): a CDN may hold
 * them for a year (they were public and immutable), so they are named to drop.
 * Files still public are left alone.
 */
async function hiddenMediaUrls(db: Db, editions: { publicationId: string; date: string }[], articleIds: string[]): Promise<string[]> {
  if (editions.length === 0 && articleIds.length === 0) return [];
  const files = { select: { id: true, storageKey: true, derivatives: { select: { storageKey: true } } } } as const;
  const [pages, photos] = await Promise.all([
    db.page.findMany({
      where: { edition: { OR: editions.map(({ publicationId, date }) => ({ publicationId, date: editionDate(date) })) } },
      select: { pdfAsset: files, imageAsset: files },
    }),
    db.photo.findMany({
      where: { articles: { some: { OR: [{ articleId: { in: articleIds } }, { article: { placements: { some: { page: { edition: { OR: editions.map(({ publicationId, date }) => ({ publicationId, date: editionDate(date) })) } } } } } }] } } },
      select: { asset: files },
    }),
  ]);
  const assets = [...pages.flatMap((page) => [page.pdfAsset, page.imageAsset]), ...photos.map((photo) => photo.asset)].filter((asset) => asset !== null);
  const visible = await publicAssetIds(db, assets.map((asset) => asset.id));
  const hidden = assets.filter((asset) => !visible.has(asset.id));
  return [...new Set(hidden.flatMap((asset) => [asset.storageKey, ...asset.derivatives.map((derivative) => derivative.storageKey)].map(mediaUrl)))];
}

/** The signature of a purge request's body: `sha256=` and the HMAC of the body with CDN_PURGE_SECRET, in hex. */
export function purgeSignature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * POSTs the purge request to the hook as JSON, signed when a secret is set
 * (X-Newsroom-Signature); tried three times (after 1 s and 4 s) before
 * giving up, which the CDN's own expiry (5 minutes) then covers.
 */
export async function sendPurge(hook: { url: string; secret?: string }, request: PurgeRequest, retryDelays = [1000, 4000]): Promise<boolean> {
  if (request.keys.length === 0 && request.urls.length === 0) return true;
  const body = JSON.stringify(request);
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (hook.secret) headers["X-Newsroom-Signature"] = purgeSignature(hook.secret, body);
  for (let attempt = 0; ; attempt += 1) {
    const ok = await fetch(hook.url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return true;
    const delay = retryDelays[attempt];
    if (delay === undefined) return false;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
