import { iou } from "./iou";
import type { Polygon, Rect } from "./rect";
import type { StoryParts } from "./story-parts";

/** A region already stored for the page. */
export interface StoredRegion {
  id: string;
  placementId: string | null;
  source: "AUTO" | "MANUAL";
  rect: Rect | null;
  confidence: number | null;
  moved: boolean;
}

/** A region found in the new PDF, matched to a placement or not. */
export interface FoundRegion {
  /** Bounding box, page-relative: what keep / moved compare. */
  box: Rect;
  /** The outline stored (a rectangle, or an L or staircase). */
  polygon: Polygon;
  parts: StoryParts;
  placementId: string | null;
  confidence: number | null;
  headline: string;
  text: string;
}

export interface PlannedRegion {
  found: FoundRegion;
  placementId: string | null;
  confidence: number | null;
  moved: boolean;
}

export interface RegionUpdatePlan {
  /** Stored AUTO regions that take the new detection (their id stays, so links to them do too). */
  update: (PlannedRegion & { id: string })[];
  create: PlannedRegion[];
  /** Stored AUTO regions the new PDF no longer has. MANUAL regions are never listed. */
  remove: string[];
  kept: number;
  moved: number;
}

/** A new box overlapping the stored one this much is the same block, adjusted. */
export const KEEP_IOU = 0.5;

/**
 * What a new detection does to the page's stored regions (re-upload rules):
 * - a story found again where it was (IoU ≥ KEEP_IOU with its stored region)
 *   keeps that region, which takes the new polygon; its `moved` flag stays as
 *   it was (an unchecked move stays flagged until the editor clears it);
 * - a story found elsewhere gets the new box with `moved` set, so the editor
 *   checks it;
 * - an editor's MANUAL region is never changed or removed: a story found where
 *   the editor drew it adds nothing, one found elsewhere adds a flagged AUTO region;
 * - an unmatched block found where a stored AUTO region was keeps that
 *   region's placement, so an editor's assignment survives a re-upload;
 * - stored AUTO regions left over are removed.
 * Running it twice on the same detection changes nothing the second time.
 */
export function planRegionUpdate(stored: readonly StoredRegion[], found: readonly FoundRegion[]): RegionUpdatePlan {
  const plan: RegionUpdatePlan = { update: [], create: [], remove: [], kept: 0, moved: 0 };
  const claimed = new Set<string>();
  const matchedPlacements = new Set(found.flatMap((region) => (region.placementId ? [region.placementId] : [])));
  const overlapOf = (region: StoredRegion, box: Rect) => (region.rect ? iou(region.rect, box) : 0);
  const bestOverlap = (candidates: StoredRegion[], box: Rect) =>
    candidates
      .map((region) => ({ region, overlap: overlapOf(region, box) }))
      .filter(({ overlap }) => overlap >= KEEP_IOU)
      .sort((a, b) => b.overlap - a.overlap)[0]?.region;

  for (const region of found.filter((candidate) => candidate.placementId)) {
    const previous = stored.filter((candidate) => candidate.placementId === region.placementId && !claimed.has(candidate.id));
    const same = bestOverlap(previous, region.box);
    const planned = { found: region, placementId: region.placementId, confidence: region.confidence };
    if (same) {
      plan.kept += 1;
      if (same.source === "AUTO") {
        claimed.add(same.id);
        plan.update.push({ ...planned, id: same.id, moved: same.moved });
      }
    } else if (previous.length > 0) {
      plan.moved += 1;
      const auto = previous.find((candidate) => candidate.source === "AUTO");
      if (auto) {
        claimed.add(auto.id);
        plan.update.push({ ...planned, id: auto.id, moved: true });
      } else plan.create.push({ ...planned, moved: true });
    } else {
      // Found for the first time: reuse an unassigned block detected there before.
      const before = bestOverlap(
        stored.filter((candidate) => candidate.source === "AUTO" && !candidate.placementId && !claimed.has(candidate.id)),
        region.box,
      );
      if (before) {
        claimed.add(before.id);
        plan.update.push({ ...planned, id: before.id, moved: false });
      } else plan.create.push({ ...planned, moved: false });
    }
  }

  for (const region of found.filter((candidate) => !candidate.placementId)) {
    const before = bestOverlap(
      stored.filter(
        (candidate) =>
          candidate.source === "AUTO" && !claimed.has(candidate.id) && !(candidate.placementId && matchedPlacements.has(candidate.placementId)),
      ),
      region.box,
    );
    if (before) {
      claimed.add(before.id);
      if (before.placementId) plan.kept += 1;
      plan.update.push({ found: region, id: before.id, placementId: before.placementId, confidence: before.confidence, moved: before.moved });
    } else plan.create.push({ found: region, placementId: null, confidence: null, moved: false });
  }

  plan.remove = stored.filter((region) => region.source === "AUTO" && !claimed.has(region.id)).map((region) => region.id);
  return plan;
}
