import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { importEdition } from "@/lib/editions/import-edition";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import { detectPageRegions } from "./detect-page-regions";
import { fixturePagePdf, fixtureTruth, swappedBottomRow } from "./fixture-page";
import { iou } from "./iou";
import { polygonToRect, rectToPolygon } from "./rect";
import { rearrangePagePdf } from "./rearrange-page-pdf";

describe("detectPageRegions on the demo page A05 (real database)", () => {
  let db: Db;
  let pageId: string;
  const rows = () =>
    db.region.findMany({
      where: { pageId },
      orderBy: { id: "asc" },
      include: { placement: { select: { article: { select: { headline: true } } } } },
    });

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
    // The plain import stores no regions (the demo seed adds MANUAL ones): the page starts empty.
    await importEdition({ db, storage: await createTestStorage(), folder: path.join(demoDir, "editions", "2023-03-13") });
    pageId = (await db.page.findFirstOrThrow({ where: { number: "A05" } })).id;
  });

  it("stores one AUTO region per article, matched to its placement, covering its block", async () => {
    expect(await db.region.count({ where: { pageId } })).toBe(0);
    const report = await detectPageRegions({ db, pageId, pdf: fixturePagePdf() });
    expect(report).toEqual({ found: 6, matched: 6, unmatched: 0, moved: 0, kept: 0, textLayerIssue: null });
    const stored = await rows();
    expect(stored).toHaveLength(6);
    for (const truth of fixtureTruth()) {
      const region = stored.find((row) => row.placement?.article.headline === truth.headline)!;
      expect(region, truth.headline).toMatchObject({ source: "AUTO", moved: false, confidence: 1, extractedHeadline: truth.headline });
      expect(iou(polygonToRect(region.polygon)!, truth.box)).toBeGreaterThanOrEqual(0.8);
      expect(region.extractedText).toContain(truth.headline.slice(0, 4));
    }
  });

  it("changes nothing when run again on the same PDF", async () => {
    const before = await rows();
    const report = await detectPageRegions({ db, pageId, pdf: fixturePagePdf() });
    expect(report).toEqual({ found: 6, matched: 6, unmatched: 0, moved: 0, kept: 6, textLayerIssue: null });
    expect(await rows()).toEqual(before);
  });

  it("keeps the stories still in place and flags the two swapped by a corrected PDF", async () => {
    const before = await rows();
    const corrected = rearrangePagePdf(fixturePagePdf(), swappedBottomRow());
    const report = await detectPageRegions({ db, pageId, pdf: corrected });
    expect(report).toEqual({ found: 6, matched: 6, unmatched: 0, moved: 2, kept: 4, textLayerIssue: null });
    const after = await rows();
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    const flagged = after.filter((row) => row.moved).map((row) => row.placement?.article.headline).sort();
    expect(flagged).toEqual(["协同育人 引才聚才 共建共享", "江海区首个“招聘夜市”热闹开市"]);
    // The flag stays until the editor clears it, even when the same PDF is processed again.
    await detectPageRegions({ db, pageId, pdf: corrected });
    expect(await rows()).toEqual(after);
  });

  it("never deletes or changes an editor's MANUAL regions", async () => {
    const placement = await db.placement.findFirstOrThrow({ where: { pageId, article: { headline: "“志愿红”助力文明城市创建" } } });
    const truth = fixtureTruth().find((entry) => entry.headline === "“志愿红”助力文明城市创建")!.box;
    await db.region.deleteMany({ where: { pageId, placementId: placement.id } });
    const drawn = await db.region.create({ data: { pageId, placementId: placement.id, source: "MANUAL", polygon: rectToPolygon(truth) } });
    const loose = await db.region.create({ data: { pageId, source: "MANUAL", polygon: rectToPolygon({ x0: 0.1, y0: 0.9, x1: 0.2, y1: 0.95 }) } });

    const report = await detectPageRegions({ db, pageId, pdf: fixturePagePdf() });
    // Back to the original layout: the swapped pair moves back; 志愿红 is where the editor drew it.
    expect(report).toEqual({ found: 6, matched: 6, unmatched: 0, moved: 2, kept: 4, textLayerIssue: null });
    const after = await rows();
    expect(after.find((row) => row.id === drawn.id)).toMatchObject({ source: "MANUAL", placementId: placement.id, polygon: drawn.polygon });
    expect(after.find((row) => row.id === loose.id)).toMatchObject({ source: "MANUAL", placementId: null });
    // No AUTO duplicate of the region the editor drew.
    expect(after.filter((row) => row.placementId === placement.id)).toHaveLength(1);
    expect(after).toHaveLength(7);
  });

  it("refuses a page that does not exist", async () => {
    await expect(detectPageRegions({ db, pageId: "00000000-0000-7000-8000-000000000000", pdf: fixturePagePdf() })).rejects.toThrow();
  });
});
