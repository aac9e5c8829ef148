import { describe, expect, it } from "vitest";
import { planRegionUpdate, type FoundRegion, type StoredRegion } from "./plan-region-update";
import { rectToPolygon } from "./rect";

const box = (x0: number, y0: number) => ({ x0, y0, x1: x0 + 0.3, y1: y0 + 0.3 });
const found = (placementId: string | null, x0: number, y0: number): FoundRegion => ({
  box: box(x0, y0),
  polygon: rectToPolygon(box(x0, y0)),
  parts: { kicker: null, headline: "标题", subtitle: null, byline: null, paragraphs: ["正文"], captions: [] },
  placementId,
  confidence: placementId ? 1 : null,
  headline: "标题",
  text: "正文",
});
const stored = (id: string, placementId: string | null, source: "AUTO" | "MANUAL", x0: number, y0: number, moved = false): StoredRegion => ({
  id,
  placementId,
  source,
  rect: box(x0, y0),
  confidence: null,
  moved,
});

describe("planRegionUpdate (re-upload rules)", () => {
  it("creates every region on a page that has none", () => {
    const plan = planRegionUpdate([], [found("p1", 0, 0), found(null, 0.5, 0)]);
    expect(plan.create.map((region) => [region.placementId, region.moved])).toEqual([["p1", false], [null, false]]);
    expect(plan).toMatchObject({ update: [], remove: [], kept: 0, moved: 0 });
  });

  it("keeps a story's region that still overlaps, flags one that moved, removes AUTO leftovers", () => {
    const plan = planRegionUpdate(
      [stored("r1", "p1", "AUTO", 0, 0), stored("r2", "p2", "AUTO", 0.5, 0), stored("r3", null, "AUTO", 0.5, 0.5)],
      [found("p1", 0.02, 0.01), found("p2", 0, 0.6)],
    );
    expect(plan.update.map((region) => [region.id, region.placementId, region.moved])).toEqual([["r1", "p1", false], ["r2", "p2", true]]);
    expect(plan.update[1]!.found.box).toEqual(box(0, 0.6));
    expect(plan).toMatchObject({ create: [], remove: ["r3"], kept: 1, moved: 1 });
  });

  it("never touches MANUAL regions: a story found where the editor drew it adds nothing, elsewhere adds a flagged AUTO region", () => {
    const plan = planRegionUpdate(
      [stored("m1", "p1", "MANUAL", 0, 0), stored("m2", "p2", "MANUAL", 0.5, 0), stored("m3", null, "MANUAL", 0.5, 0.5)],
      [found("p1", 0, 0), found("p2", 0, 0.6)],
    );
    expect(plan.update).toEqual([]);
    expect(plan.create.map((region) => [region.placementId, region.moved])).toEqual([["p2", true]]);
    expect(plan).toMatchObject({ remove: [], kept: 1, moved: 1 });
  });

  it("keeps the editor's assignment of an unmatched block, and an unchecked move stays flagged", () => {
    const plan = planRegionUpdate([stored("r1", "p9", "AUTO", 0, 0, true)], [found(null, 0.01, 0)]);
    expect(plan.update.map((region) => [region.id, region.placementId, region.moved])).toEqual([["r1", "p9", true]]);
    expect(plan.kept).toBe(1);
  });
});
