import { describe, expect, it } from "vitest";
import { archiveUrl, articleUrl, editionUrl, feedUrl, inScript, pageUrl, publicationUrl, scriptAlternates, scriptOfPath, searchUrl, srcSetOf } from "./urls";

const jmrb = { slug: "jmrb", isDefault: true };
const weekly = { slug: "weekly", isDefault: false };

describe("reader URLs", () => {
  it("are short for the default publication", () => {
    expect(publicationUrl(jmrb)).toBe("/");
    expect(editionUrl(jmrb, "2023-03-13")).toBe("/2023-03-13");
    expect(pageUrl(jmrb, new Date("2023-03-13T00:00:00Z"), "A05")).toBe("/2023-03-13/A05");
    expect(articleUrl(jmrb, "2023-03-13", "A05", 4)).toBe("/2023-03-13/A05/4");
    expect(feedUrl(jmrb)).toBe("/feed.xml");
    expect(feedUrl(jmrb, "江海新闻")).toBe(`/feeds/${encodeURIComponent("江海新闻")}.xml`);
    expect(archiveUrl(jmrb)).toBe("/archive");
    expect(archiveUrl(jmrb, 2023)).toBe("/archive/2023");
    expect(archiveUrl(jmrb, "2023-03")).toBe("/archive/2023/03");
  });

  it("carry their own prefix for a second publication", () => {
    expect(publicationUrl(weekly)).toBe("/p/weekly");
    expect(articleUrl(weekly, "2023-03-13", "B01", 2)).toBe("/p/weekly/2023-03-13/B01/2");
    expect(feedUrl(weekly)).toBe("/feeds/p/weekly.xml");
    expect(archiveUrl(weekly)).toBe("/p/weekly/archive");
    expect(archiveUrl(weekly, 2023)).toBe("/p/weekly/archive/2023");
    expect(archiveUrl(weekly, "2023-12")).toBe("/p/weekly/archive/2023/12");
    expect(feedUrl(weekly, "体育")).toBe(`/feeds/p/weekly/${encodeURIComponent("体育")}.xml`);
  });

  it("give the Traditional script URLs of its own, under /zh-hant (feeds stay one)", () => {
    const hant = { ...jmrb, script: "hant" as const };
    expect(publicationUrl(hant)).toBe("/zh-hant");
    expect(articleUrl(hant, "2023-03-13", "A05", 4)).toBe("/zh-hant/2023-03-13/A05/4");
    expect(archiveUrl(hant, "2023-03")).toBe("/zh-hant/archive/2023/03");
    expect(searchUrl(hant)).toBe("/zh-hant/search");
    expect(pageUrl({ ...weekly, script: "hant" }, "2023-03-13", "B01")).toBe("/zh-hant/p/weekly/2023-03-13/B01");
    expect(articleUrl({ ...jmrb, script: "hans" }, "2023-03-13", "A05", 4)).toBe("/2023-03-13/A05/4");
    expect(feedUrl(hant)).toBe("/feed.xml");
  });

  it("find a page's twin in the other script, both ways", () => {
    expect(inScript("/2023-03-13/A05/4", "hant")).toBe("/zh-hant/2023-03-13/A05/4");
    expect(inScript("/zh-hant/2023-03-13/A05/4", "hans")).toBe("/2023-03-13/A05/4");
    expect(inScript("/", "hant")).toBe("/zh-hant");
    expect(inScript("/zh-hant", "hans")).toBe("/");
    expect(inScript("/zh-hant/search?q=a", "hant")).toBe("/zh-hant/search?q=a");
    expect(inScript("/search?q=a", "hant")).toBe("/zh-hant/search?q=a");
    expect(scriptOfPath("/zh-hantx/2023")).toBe("hans");
    expect(scriptAlternates("/zh-hant/archive").languages).toEqual({
      "zh-CN": "http://localhost:3000/archive",
      "zh-Hant": "http://localhost:3000/zh-hant/archive",
      "x-default": "http://localhost:3000/archive",
    });
  });
});

describe("srcSetOf", () => {
  it("lists each resized copy with its width, by URL or by storage key", () => {
    expect(srcSetOf([{ url: "/media/a-640.webp", width: 640 }, { url: "/media/a-1280.webp", width: 1280 }])).toBe("/media/a-640.webp 640w, /media/a-1280.webp 1280w");
    expect(srcSetOf([{ storageKey: "photos/ab/cd.webp", width: 320 }])).toBe("/media/photos/ab/cd.webp 320w");
    expect(srcSetOf([])).toBe("");
  });
});
