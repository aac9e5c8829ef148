import { describe, expect, it } from "vitest";
import { detectRegions, type DetectedRegion } from "./detect-regions";
import { fixtureHeadlines, fixturePagePdf, fixtureTruth, swappedBottomRow } from "./fixture-page";
import { iou } from "./iou";
import { matchHeadlines } from "./match-headline";
import { readPageLayout } from "./read-page-layout";
import { rearrangePagePdf } from "./rearrange-page-pdf";

/** Each ground-truth article with the region matched to its story and the overlap. */
function score(regions: DetectedRegion[], label: string) {
  const headlines = fixtureHeadlines();
  const matches = matchHeadlines(regions.map((region) => region.headline), headlines);
  const rows = fixtureTruth().map((truth) => {
    const match = matches.find((candidate) => headlines[candidate.story] === truth.headline);
    const region = match ? regions[match.region]! : undefined;
    return { headline: truth.headline, confidence: match?.confidence ?? 0, iou: region ? iou(region.box, truth.box) : 0 };
  });
  console.log(`${label}\n${rows.map((row) => `  ${row.iou.toFixed(3)}  conf ${row.confidence.toFixed(2)}  ${row.headline}`).join("\n")}`);
  return { rows, matches };
}

describe("detectRegions on the fixture page 2023-03-13 A05", () => {
  const layout = readPageLayout(fixturePagePdf());

  it("finds all six articles, matches each to its story and covers its block (IoU ≥ 0.8)", () => {
    const regions = detectRegions(layout);
    const { rows } = score(regions, "IoU with the hand-drawn blocks (rules and text):");
    expect(regions).toHaveLength(6);
    for (const row of rows) {
      expect(row.confidence, row.headline).toBe(1);
      expect(row.iou, row.headline).toBeGreaterThanOrEqual(0.8);
    }
    const lead = regions.find((region) => region.headline.startsWith("吹响"))!;
    expect(lead.text).toContain("江海区积极打造招商引资“强磁场”");
    expect(lead.text).toContain("除了敢闯敢干的创业精神");
    expect(lead.text).not.toContain("共建科研平台");
  });

  it("finds them from the text alone when the page has no rules (the masthead makes no region)", () => {
    const regions = detectRegions({ ...layout, rules: [] });
    const { rows, matches } = score(regions, "IoU from text alone (rules ignored):");
    expect(matches).toHaveLength(6);
    expect(regions.filter((_, index) => !matches.some((match) => match.region === index)).map((region) => region.headline)).toEqual([]);
    for (const row of rows) expect(row.iou, row.headline).toBeGreaterThanOrEqual(0.9);
  });

  it("follows stories that moved in a corrected PDF", () => {
    const regions = detectRegions(readPageLayout(rearrangePagePdf(fixturePagePdf(), swappedBottomRow())));
    const { rows } = score(regions, "IoU against the original blocks after swapping the bottom row:");
    expect(regions).toHaveLength(6);
    const moved = rows.filter((row) => row.iou < 0.5).map((row) => row.headline);
    expect(moved.sort()).toEqual(["协同育人 引才聚才 共建共享", "江海区首个“招聘夜市”热闹开市"]);
    for (const row of rows) expect(row.confidence).toBe(1);
  });
});
