import { describe, expect, it } from "vitest";
import { regionFragment } from "./region-fragment";
import { pageRegionUrl, searchUrl } from "./urls";

const ID = "0191c5a4-8d3e-7c61-9a55-0c2f4e6b7a10";

describe("a page view URL pointing at an article's region", () => {
  it("is the page's URL with the article in the fragment", () => {
    expect(pageRegionUrl({ slug: "jmrb", isDefault: true }, "2023-03-13", "A05", ID)).toBe(`/2023-03-13/A05#region-${ID}`);
    expect(pageRegionUrl({ slug: "weekly", isDefault: false }, new Date("2023-03-13T00:00:00Z"), "B01", ID)).toBe(`/p/weekly/2023-03-13/B01#region-${ID}`);
    expect(regionFragment(ID)).toBe(`region-${ID}`);
  });
});

describe("the search page's URL", () => {
  it("is /search, or under a second publication's prefix", () => {
    expect(searchUrl({ slug: "jmrb", isDefault: true })).toBe("/search");
    expect(searchUrl({ slug: "weekly", isDefault: false })).toBe("/p/weekly/search");
  });
});
