import { describe, expect, it } from "vitest";
import { archiveUrl, articleUrl, editionUrl, feedUrl, pageUrl, publicationUrl, withScript } from "./urls";

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

  it("switch script through a link that comes back to the same page", () => {
    expect(withScript("/2023-03-13/A05/4", "hant")).toBe("/api/reader-script?to=hant&next=%2F2023-03-13%2FA05%2F4");
  });
});
