import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { FoundRegions } from "@/lib/regions/find-regions";

// The pre-flight of a new PDF waiting to replace a page readers see: what would
// change for them, found once when the PDF is rendered and shown to the editor
// who decides (lib/pages/page-replacement.ts).

const size = z.object({ width: z.number(), height: z.number() });

export const replacementCheckSchema = z.object({
  oldSize: size.nullable(),
  newSize: size,
  /** The page's proportions changed: regions kept as they are would no longer sit on their stories. */
  sizeChanged: z.boolean(),
  /** Why the new PDF's text cannot anchor regions (TextLayerIssue), or null. */
  textLayerIssue: z.enum(["NO_TEXT", "GARBLED", "NOISY_OCR"]).nullable(),
  /** Article blocks found in the new PDF, and how many of them are stories placed on the page. */
  found: z.number(),
  matched: z.number(),
  /** Stories with a region now whose text the new PDF does not show: re-detected, they lose their region. */
  losing: z.array(z.object({ placementId: z.string(), headline: z.string() })),
  /** Stored regions whose story the new PDF does not show. */
  regionsNotMatching: z.number(),
});

export type ReplacementCheck = z.infer<typeof replacementCheckSchema>;

/** A stored check, or null when it is missing or of another shape. */
export function readReplacementCheck(value: unknown): ReplacementCheck | null {
  const parsed = replacementCheckSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Proportions closer than this are the same page size (rounding of the render's height). */
const SAME_ASPECT = 0.005;

/** Compares what the page shows now (its image, its regions) with what the new PDF would give it. */
export async function checkReplacement(options: { db: Db; pageId: string; newSize: { width: number; height: number }; found: FoundRegions }): Promise<ReplacementCheck> {
  const { db, pageId, newSize, found } = options;
  const page = await db.page.findUniqueOrThrow({
    where: { id: pageId },
    select: {
      imageAsset: { select: { width: true, height: true } },
      regions: { select: { placementId: true } },
      placements: { select: { id: true, article: { select: { headline: true } } } },
    },
  });
  const oldSize = page.imageAsset?.width && page.imageAsset.height ? { width: page.imageAsset.width, height: page.imageAsset.height } : null;
  const sizeChanged = oldSize ? Math.abs(oldSize.width / oldSize.height - newSize.width / newSize.height) > SAME_ASPECT * (oldSize.width / oldSize.height) : false;
  const placed = new Set(page.placements.map((placement) => placement.id));
  const foundStories = new Set(found.regions.flatMap((region) => (region.storyKey && placed.has(region.storyKey) ? [region.storyKey] : [])));
  const withRegion = new Set(page.regions.flatMap((region) => (region.placementId ? [region.placementId] : [])));
  const losing = page.placements
    .filter((placement) => withRegion.has(placement.id) && !foundStories.has(placement.id))
    .map((placement) => ({ placementId: placement.id, headline: placement.article.headline }));
  return {
    oldSize,
    newSize,
    sizeChanged,
    textLayerIssue: found.issue,
    found: found.regions.length,
    matched: foundStories.size,
    losing,
    regionsNotMatching: page.regions.filter((region) => region.placementId && !foundStories.has(region.placementId)).length,
  };
}
