import { isDeepStrictEqual } from "node:util";
import { blockText, type ArticleBody } from "@/lib/articles/body";
import type { Db } from "@/lib/db/client";
import type { TextLayerIssue } from "@/lib/db/generated/enums";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { nextRegionNumber } from "@/lib/pages/region-numbers";
import type { StoryText } from "./anchor-stories";
import { findRegions } from "./find-regions";
import { planRegionUpdate, type FoundRegion, type PlannedRegion } from "./plan-region-update";
import { polygonToRect } from "./rect";
import { readPageLayout, type PageLayout } from "./read-page-layout";

export interface DetectPageRegionsReport {
  /** Article blocks found in the PDF. */
  found: number;
  /** Of those, matched to a story placed on the page. */
  matched: number;
  /** Left for the editor to assign. */
  unmatched: number;
  /** Stories whose block is no longer where their stored region was (flagged `moved`). */
  moved: number;
  /** Stories found again where their stored region was. */
  kept: number;
  /** Why the PDF's text could not anchor regions (none were made), or null. */
  textLayerIssue: TextLayerIssue | null;
}

/** A placed story's text as the detector compares it with the page. */
function storyTextOf(placement: {
  id: string;
  article: {
    kicker: string | null;
    headline: string;
    subtitle: string | null;
    body: Prisma.JsonValue;
    bylines: { display: string | null; name: string }[];
    photos: { captionOverride: string | null; photo: { caption: string | null; credit: string | null } }[];
  };
}): StoryText {
  const { article } = placement;
  const body = article.body as ArticleBody | null;
  return {
    key: placement.id,
    kicker: article.kicker,
    headline: article.headline,
    subtitle: article.subtitle,
    bylines: article.bylines.map((byline) => byline.display ?? byline.name),
    body: (body?.content ?? []).map(blockText),
    captions: article.photos.flatMap((entry) => [entry.captionOverride ?? entry.photo.caption, entry.photo.credit].filter((text): text is string => Boolean(text))),
  };
}

/**
 * Finds the article regions (热区) of a page in its PDF and replaces the page's
 * AUTO regions with them in one transaction, following the re-upload rules of
 * `planRegionUpdate` (MANUAL regions are never touched). The stories placed
 * on the page anchor the regions by their own text (findRegions); a page
 * without placed stories gets its geometric blocks, unassigned. A PDF whose
 * text layer is unusable makes no regions and records why on the page, for the
 * page editor, the flat plan and pre-flight to say. New regions are numbered
 * after the page's highest number, in reading order; a region keeps its number.
 *
 * No permission check here: the caller (the PDF upload worker, after it has
 * rendered the page) has already checked `edition.plan` for the user who
 * uploaded the PDF.
 */
export async function detectPageRegions(options: {
  db: Db;
  pageId: string;
  pdf: Buffer;
  /** The PDF's layout when the caller has read it already (the render worker, from its display list). */
  layout?: PageLayout;
}): Promise<DetectPageRegionsReport> {
  const { db, pageId, pdf } = options;
  const placements = await db.placement.findMany({
    where: { pageId },
    orderBy: { position: "asc" },
    select: {
      id: true,
      article: {
        select: {
          kicker: true,
          headline: true,
          subtitle: true,
          body: true,
          bylines: { orderBy: { position: "asc" }, select: { display: true, name: true } },
          photos: { orderBy: { position: "asc" }, select: { captionOverride: true, photo: { select: { caption: true, credit: true } } } },
        },
      },
    },
  });
  // The PDF work happens before the transaction, which then only writes rows.
  const result = findRegions(options.layout ?? readPageLayout(pdf), placements.map(storyTextOf));

  return db.$transaction(async (tx) => {
    // One detection per page at a time: a second upload's run waits for this one.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    // Placements may have changed since they were read: a region only links to one that still exists.
    const current = new Set((await tx.placement.findMany({ where: { pageId }, select: { id: true } })).map((placement) => placement.id));
    const stored = await tx.region.findMany({
      where: { pageId },
      orderBy: { number: "asc" },
      select: { id: true, number: true, placementId: true, source: true, polygon: true, confidence: true, moved: true, extractedText: true, extractedHeadline: true, extractedParts: true },
    });
    const found: FoundRegion[] = result.regions.map((region) => {
      const placementId = region.storyKey && current.has(region.storyKey) ? region.storyKey : null;
      return {
        box: region.box,
        polygon: region.polygon,
        parts: region.parts,
        headline: region.headline,
        text: region.text,
        placementId,
        confidence: placementId ? region.confidence : null,
      };
    });
    const plan = planRegionUpdate(
      stored.map((region) => ({ ...region, rect: polygonToRect(region.polygon) })),
      found,
    );

    const fields = (region: PlannedRegion) => ({
      polygon: region.found.polygon,
      placementId: region.placementId,
      confidence: region.confidence,
      extractedText: region.found.text,
      extractedHeadline: region.found.headline,
      extractedParts: region.found.parts,
      moved: region.moved,
    });
    if (plan.remove.length > 0) await tx.region.deleteMany({ where: { id: { in: plan.remove }, source: "AUTO" } });
    for (const region of plan.update) {
      const data = fields(region);
      const before = stored.find((row) => row.id === region.id)!;
      // An unchanged row is not written, so a second run leaves even updatedAt alone.
      const unchanged =
        isDeepStrictEqual(before.polygon, data.polygon) &&
        before.placementId === data.placementId &&
        before.confidence === data.confidence &&
        before.extractedText === data.extractedText &&
        before.extractedHeadline === data.extractedHeadline &&
        // JSONB keeps keys in its own order: compared as values.
        isDeepStrictEqual(before.extractedParts, data.extractedParts) &&
        before.moved === data.moved;
      if (!unchanged) await tx.region.update({ where: { id: region.id }, data });
    }
    let number = nextRegionNumber(stored);
    for (const region of plan.create) {
      await tx.region.create({ data: { ...fields(region), pageId, source: "AUTO", number } });
      number += 1;
    }
    await tx.page.update({ where: { id: pageId }, data: { textLayerIssue: result.issue } });

    const matched = found.filter((region) => region.placementId).length;
    return { found: found.length, matched, unmatched: found.length - matched, moved: plan.moved, kept: plan.kept, textLayerIssue: result.issue };
  });
}
