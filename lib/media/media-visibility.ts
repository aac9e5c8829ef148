import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { isDatabaseUnreachable } from "@/lib/db/database-unreachable";

// Who may see a stored file. Photos, page images and page PDFs are public
// once readers can see what they belong to: a photo of a published story
// placed on a published page of a published edition, the image or PDF of a
// published page of a published edition, a publication's logo. Anything else
// (a draft's photo, the PDF of a page being laid out, a withdrawn edition's
// pages, a killed story's photos) is for signed-in staff only.

const publishedPage = { status: "PUBLISHED", edition: { status: "PUBLISHED" } } as const;

/** An asset readers may see: a logo, a published page's image or PDF, a photo of a published story on a published page. */
const seenByReaders = {
  OR: [
    { publicationLogos: { some: {} } },
    { pagesAsPdf: { some: publishedPage } },
    { pagesAsImage: { some: publishedPage } },
    { photo: { articles: { some: { article: { status: "PUBLISHED", placements: { some: { page: publishedPage } } } } } } },
  ],
} satisfies Prisma.AssetWhereInput;

export type MediaVisibility = "public" | "staff" | "missing";

/** The visibility of the file stored under `key` (an original or one of its derivatives). */
export async function mediaVisibility(db: Db, key: string): Promise<MediaVisibility> {
  const owner = { OR: [{ storageKey: key }, { derivatives: { some: { storageKey: key } } }] } satisfies Prisma.AssetWhereInput;
  const [asset, seen] = await Promise.all([
    db.asset.findFirst({ where: owner, select: { id: true } }),
    db.asset.findFirst({ where: { AND: [owner, seenByReaders] }, select: { id: true } }),
  ]);
  if (!asset) return "missing";
  return seen ? "public" : "staff";
}

/** Which of these assets readers may see, in one query. */
export async function publicAssetIds(db: Db, assetIds: string[]): Promise<Set<string>> {
  const rows = await db.asset.findMany({ where: { AND: [{ id: { in: assetIds } }, seenByReaders] }, select: { id: true } });
  return new Set(rows.map((row) => row.id));
}

/** Decisions made, kept for when PostgreSQL cannot be reached: published photos stay visible through an outage. */
const lastKnown = new Map<string, MediaVisibility>();
const LAST_KNOWN_ENTRIES = 50_000;

/** mediaVisibility, or with PostgreSQL unreachable the last decision made for the key (then the error). */
export async function mediaVisibilityOrLastKnown(db: Db, key: string): Promise<MediaVisibility> {
  try {
    const visibility = await mediaVisibility(db, key);
    lastKnown.delete(key);
    lastKnown.set(key, visibility);
    if (lastKnown.size > LAST_KNOWN_ENTRIES) lastKnown.delete(lastKnown.keys().next().value!);
    return visibility;
  } catch (error) {
    const known = lastKnown.get(key);
    if (known && isDatabaseUnreachable(error)) return known;
    throw error;
  }
}
