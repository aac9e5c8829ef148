import { isDeepStrictEqual } from "node:util";
import type { Db, Tx } from "@/lib/db/client";
import type { TextLayerIssue } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { nextRegionNumber } from "@/lib/pages/region-numbers";
import type { FoundRegions } from "./find-regions";
import { planRegionUpdate, type FoundRegion, type PlannedRegion } from "./plan-region-update";
import { polygonToRect } from "./rect";

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

/**
 * Writes what findRegions found in a page's PDF as the page's regions, in one
 * transaction, by the re-upload rules of `planRegionUpdate` (MANUAL regions
 * are never touched), and records the PDF's text-layer issue on the page.
 * Apart from detect-page-regions.ts so that it runs without mupdf (which the
 * dashboard's server actions cannot load): a published page's replacement is
 * applied from the regions the render worker found (page-replacement.ts).
 */
export async function writePageRegions(options: {
  db: Db;
  pageId: string;
  result: FoundRegions;
  /** Runs in the same transaction, after the page row is locked (a replacement's swap). */
  alsoInTransaction?: (tx: Tx) => Promise<void>;
}): Promise<DetectPageRegionsReport> {
  const { db, pageId, result } = options;
  return db.$transaction(async (tx) => {
    // One detection per page at a time: a second upload's run waits for this one.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    await options.alsoInTransaction?.(tx);
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
