import { describe, expect, it } from "vitest";
import { headlineSimilarity, MATCH_THRESHOLD, matchHeadlines, normaliseHeadline } from "./match-headline";

describe("headline matching", () => {
  it("ignores full-width/half-width forms, quotes and spaces", () => {
    expect(normaliseHeadline("江海区首个“招聘夜市”热闹开市")).toBe(normaliseHeadline('江海区首个"招聘夜市"热闹开市'));
    expect(normaliseHeadline("最高可获５０００万元补助！")).toBe("最高可获5000万元补助");
    expect(headlineSimilarity("协同育人 引才聚才 共建共享", "协同育人　引才聚才，共建共享")).toBe(1);
    expect(headlineSimilarity("ＡＩ赋能制造业", "ai赋能制造业")).toBe(1);
  });

  it("still matches a headline with a typo or a missing character, above the threshold", () => {
    const typo = headlineSimilarity("全力推动经济运行加速向好", "全力推动经济运行加快向好");
    const missing = headlineSimilarity("吹响推进高质量发展奋进号角", "吹响推进高质量发展奋进号");
    expect(typo).toBeGreaterThan(0.9);
    expect(missing).toBeGreaterThan(0.9);
    expect(Math.min(typo, missing)).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it("keeps an unrelated headline on the same page below the threshold, despite shared words", () => {
    const unrelated = headlineSimilarity("江海区首个“招聘夜市”热闹开市", "江海区积极打造招商引资强磁场");
    expect(unrelated).toBeLessThan(MATCH_THRESHOLD);
    expect(headlineSimilarity("共建科研平台最高可获5000万元补助", "“志愿红”助力文明城市创建")).toBeLessThan(0.2);
    expect(headlineSimilarity("", "任何标题")).toBe(0);
  });

  it("gives each story to one region, the best pair first, and leaves the rest unmatched", () => {
    const regions = ["全力推动经济运行加速向好", "江门日报", "全力推动经济运行加快向好", "“志愿红”助力文明城市创建"];
    const stories = ["志愿红助力文明城市创建", "全力推动经济运行加速向好"];
    expect(matchHeadlines(regions, stories)).toEqual([
      { region: 0, story: 1, confidence: 1 },
      { region: 3, story: 0, confidence: 1 },
    ]);
  });
});
