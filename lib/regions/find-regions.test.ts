import { describe, expect, it } from "vitest";
import { chineseTestPages, unusableTestPages, type ChineseTestPage } from "@/tests/pages/chinese-pages";
import { newsroomVersion } from "@/tests/pages/newsroom-version";
import { findRegions } from "./find-regions";
import { coveredShare, shapeIou } from "./iou";
import { readPageLayout } from "./read-page-layout";
import type { Rect } from "./rect";

// Article regions on generated pages of a Chinese city daily, whose true
// article boxes are exact (tests/pages/chinese-pages.ts): every article's
// region is checked, in both modes.

const pages = chineseTestPages();
const page = (number: string) => pages.find((candidate) => candidate.name.startsWith(number))!;
const layoutOf = (test: ChineseTestPage) => readPageLayout(test.pdf);
/** The newsroom's text of each story: what the layout desk printed, before its edits (a cut sentence, changed words and numbers, the jump's rest). */
const newsroomStories = (test: ChineseTestPage) => {
  const elsewhere = pages.find((other) => other !== test)!;
  return test.articles.map((article, index) => newsroomVersion(article.story, index + 1, elsewhere.articles[index % elsewhere.articles.length]!.story.body.at(-1)!));
};

describe("findRegions on generated Chinese pages", () => {
  for (const test of pages) {
    it(`${test.name}: from the stories' own text, every article gets its region (IoU ≥ 0.8 each) and nothing else gets one`, () => {
      const result = findRegions(layoutOf(test), newsroomStories(test));
      expect(result).toMatchObject({ issue: null, mode: "text" });
      const ious = test.articles.map((article) => ({
        key: article.key,
        iou: Math.max(0, ...result.regions.filter((region) => region.storyKey === article.key).map((region) => shapeIou(region.shape, article.boxes))),
      }));
      for (const { key, iou } of ious) expect(iou, key).toBeGreaterThanOrEqual(0.8);
      // The header, the folio, the 简讯 column head and the ad make no region.
      expect(result.regions.filter((region) => region.storyKey === null).map((region) => region.headline)).toEqual([]);
    });

    it(`${test.name}: from the geometry alone, every article's block is found (IoU ≥ 0.8 each; untitled briefs as one block)`, () => {
      const result = findRegions(layoutOf(test), []);
      expect(result).toMatchObject({ issue: null, mode: "geometry" });
      const grouped = new Set(test.geometryGroups.flatMap((group) => group.keys));
      const expected: { key: string; boxes: Rect[] }[] = [
        ...test.articles.filter((article) => !grouped.has(article.key)),
        ...test.geometryGroups.map((group) => ({ key: group.keys.join("+"), boxes: group.boxes })),
      ];
      for (const article of expected) {
        const best = Math.max(0, ...result.regions.map((region) => shapeIou(region.shape, article.boxes)));
        expect(best, article.key).toBeGreaterThanOrEqual(0.8);
      }
      expect(result.regions).toHaveLength(expected.length);
    });
  }

  it("gives a story jumped from A01 to A06 (下转A06版 / 上接A01版) a region on each page", () => {
    for (const test of [page("A01"), page("A06")]) {
      const lead = test.articles.find((article) => article.key === "lead")!;
      const region = findRegions(layoutOf(test), newsroomStories(test)).regions.find((candidate) => candidate.storyKey === "lead");
      expect(region, test.name).toBeDefined();
      expect(shapeIou(region!.shape, lead.boxes), test.name).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("outlines the L-shaped story around the small one set into its corner as a polygon, not a rectangle over its neighbour", () => {
    const test = page("A06");
    const regions = findRegions(layoutOf(test), newsroomStories(test)).regions;
    const ell = regions.find((region) => region.storyKey === "ell")!;
    const notch = test.articles.find((article) => article.key === "notch")!;
    expect(ell.polygon.length).toBeGreaterThan(4);
    expect(coveredShare(notch.boxes, ell.shape)).toBeLessThan(0.1);
  });

  it("splits a region's text as a story's fields: 引题, 主题, 副题, the byline and paragraphs (a vertical headline read top to bottom)", () => {
    const a01 = page("A01");
    const lead = a01.articles.find((article) => article.key === "lead")!.story;
    const found = findRegions(layoutOf(a01), []).regions;
    const leadRegion = found.find((region) => region.parts.headline === lead.headline)!;
    expect(leadRegion.parts).toMatchObject({ kicker: lead.kicker, headline: lead.headline, subtitle: lead.subtitle });
    expect(leadRegion.parts.paragraphs[0]).toMatch(/^本报讯（记者 何榕 通讯员 江宣）/);
    const side = a01.articles.find((article) => article.key === "side")!.story;
    expect(found.find((region) => region.parts.headline === side.headline)?.parts.byline).toBe("□江门日报记者/陈嘉欣");

    const a07 = page("A07");
    const vertical = a07.articles.find((article) => article.key === "vertical")!.story;
    expect(findRegions(layoutOf(a07), []).regions.map((region) => region.parts.headline)).toContain(vertical.headline);
  });

  for (const test of unusableTestPages()) {
    it(`makes no region on ${test.name} and says why (${test.issue}), in both modes`, () => {
      const layout = readPageLayout(test.pdf);
      expect(findRegions(layout, [])).toEqual({ issue: test.issue, mode: "geometry", regions: [] });
      expect(findRegions(layout, newsroomStories(page("A07")))).toEqual({ issue: test.issue, mode: "text", regions: [] });
    });
  }

  it("finds a page's regions from its layout in well under 0.2 s", () => {
    for (const test of pages) {
      const layout = layoutOf(test);
      const stories = newsroomStories(test);
      findRegions(layout, stories);
      const start = performance.now();
      findRegions(layout, stories);
      findRegions(layout, []);
      expect(performance.now() - start, test.name).toBeLessThan(200);
    }
  });
});
