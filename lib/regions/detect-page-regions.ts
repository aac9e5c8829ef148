import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { detectRegions } from "./detect-regions";
import { matchHeadlines } from "./match-headline";
import { planRegionUpdate, type FoundRegion, type PlannedRegion } from "./plan-region-update";
import { polygonToRect, rectToPolygon } from "./rect";
import { readPageLayout, type PageLayout } from "./read-page-layout";

export interface DetectPageRegionsReport {
  /** Article blocks found in the PDF. */
  found: number;
  /** Of those, matched to a story placed on the page by its headline. */
  matched: number;
  /** Left for the editor to assign. */
  unmatched: number;
  /** Stories whose block is no longer where their stored region was (flagged `moved`). */
  moved: number;
  /** Stories found again where their stored region was. */
  kept: number;
}

/**
 * Finds the article regions (热区) of a page in its PDF, matches them to the
 * stories placed on the page by headline, and replaces the page's AUTO regions
 * with them in one transaction, following the re-upload rules of
 * `planRegionUpdate` (MANUAL regions are never touched).
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
  // The PDF work (about a second for a page of Type3 fonts) happens before the transaction, which then only writes rows.
  const detected = detectRegions(options.layout ?? readPageLayout(pdf));

  return db.$transaction(async (tx) => {
    // One detection per page at a time: a second upload's run waits for this one.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const placements = await tx.placement.findMany({
      where: { pageId },
      orderBy: { position: "asc" },
      select: { id: true, article: { select: { headline: true } } },
    });
    const stored = await tx.region.findMany({
      where: { pageId },
      orderBy: { createdAt: "asc" },
      select: { id: true, placementId: true, source: true, polygon: true, confidence: true, moved: true, extractedText: true, extractedHeadline: true },
    });

    const matches = matchHeadlines(
      detected.map((region) => region.headline),
      placements.map((placement) => placement.article.headline),
    );
    const found: FoundRegion[] = detected.map((region, index) => {
      const match = matches.find((candidate) => candidate.region === index);
      return {
        box: region.box,
        headline: region.headline,
        text: region.text,
        placementId: match ? placements[match.story]!.id : null,
        confidence: match ? match.confidence : null,
      };
    });
    const plan = planRegionUpdate(
      stored.map((region) => ({ ...region, rect: polygonToRect(region.polygon) })),
      found,
    );

    const fields = (region: PlannedRegion) => ({
      polygon: rectToPolygon(region.found.box),
      placementId: region.placementId,
      confidence: region.confidence,
      extractedText: region.found.text,
      extractedHeadline: region.found.headline,
      moved: region.moved,
    });
    if (plan.remove.length > 0) await tx.region.deleteMany({ where: { id: { in: plan.remove }, source: "AUTO" } });
    for (const region of plan.update) {
      const data = fields(region);
      const before = stored.find((row) => row.id === region.id)!;
      // An unchanged row is not written, so a second run leaves even updatedAt alone.
      const unchanged =
        JSON.stringify(before.polygon) === JSON.stringify(data.polygon) &&
        before.placementId === data.placementId &&
        before.confidence === data.confidence &&
        before.extractedText === data.extractedText &&
        before.extractedHeadline === data.extractedHeadline &&
        before.moved === data.moved;
      if (!unchanged) await tx.region.update({ where: { id: region.id }, data });
    }
    if (plan.create.length > 0) {
      await tx.region.createMany({ data: plan.create.map((region) => ({ ...fields(region), pageId, source: "AUTO" as const })) });
    }

    const matched = found.filter((region) => region.placementId).length;
    return { found: found.length, matched, unmatched: found.length - matched, moved: plan.moved, kept: plan.kept };
  });
}
