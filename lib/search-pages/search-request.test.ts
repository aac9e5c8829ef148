import { describe, expect, it } from "vitest";
import { hasFilters, MAX_SHOWN_QUERY, pageLinks, parseSearchRequest, searchHref } from "./search-request";

const PERSON = "0191c5a4-8d3e-7c61-9a55-0c2f4e6b7a10";

describe("a search page's URL", () => {
  it("gives the query, the filters and the page", () => {
    expect(parseSearchRequest({ q: "招商引资", from: "2023-03-01", to: "2023-03-31", pageName: "江海新闻", personId: PERSON, page: "3" }, "reader")).toEqual({
      q: "招商引资",
      filters: { from: "2023-03-01", to: "2023-03-31", pageName: "江海新闻", personId: PERSON },
      page: 3,
    });
  });

  it("drops what does not parse, and empty fields, rather than refusing the request", () => {
    expect(parseSearchRequest({ from: "2023-02-30", to: "yesterday", pageName: "", personId: "not-a-uuid", page: "-2" }, "staff")).toEqual({ q: "", filters: {}, page: 1 });
    expect(parseSearchRequest({ page: "51" }, "reader").page).toBe(1);
    expect(parseSearchRequest({}, "reader")).toEqual({ q: "", filters: {}, page: 1 });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseSearchRequest({ q: ["江门", "侨乡"], page: ["2", "9"] }, "reader")).toMatchObject({ q: "江门", page: 2 });
  });

  it("has a status filter for staff only", () => {
    expect(parseSearchRequest({ q: "稿", status: "DRAFT" }, "staff").filters).toEqual({ status: "DRAFT" });
    expect(parseSearchRequest({ q: "稿", status: "DRAFT" }, "reader").filters).toEqual({});
    expect(parseSearchRequest({ q: "稿", status: "LOST" }, "staff").filters).toEqual({});
  });

  it("keeps a very long query only as long as it can be shown (the search cuts it further)", () => {
    const q = "😀招".repeat(5000);
    const parsed = parseSearchRequest({ q }, "reader").q;
    expect(Array.from(parsed)).toHaveLength(MAX_SHOWN_QUERY);
    expect(parsed.startsWith("😀招😀")).toBe(true);
  });

  it("goes back into links that read the same, percent-encoded, without empty values or page 1", () => {
    const request = parseSearchRequest({ q: "招商 引资", from: "2023-03-01", pageName: "江海新闻", page: "2" }, "reader");
    const href = searchHref("/search", request);
    expect(href).toMatch(/^\/search\?[\x21-\x7e]+$/);
    const url = new URL(href, "http://x.test");
    expect(parseSearchRequest(Object.fromEntries(url.searchParams), "reader")).toEqual(request);
    expect(searchHref("/search", request, { page: 1 })).not.toContain("page=");
    expect(searchHref("/p/weekly/search", request, { page: 3 })).toMatch(/^\/p\/weekly\/search\?.*page=3$/);
    expect(searchHref("/search", { ...request, page: 1 }, { filters: {} })).toBe(`/search?q=${encodeURIComponent("招商 引资").replace(/%20/g, "+")}`);
    expect(searchHref("/search", { q: "  ", filters: {}, page: 1 })).toBe("/search");
  });

  it("knows whether any filter narrows the search", () => {
    expect(hasFilters(parseSearchRequest({ q: "江门", page: "2" }, "reader"))).toBe(false);
    expect(hasFilters(parseSearchRequest({ q: "江门", to: "2023-03-12" }, "reader"))).toBe(true);
  });
});

describe("the pager's page numbers", () => {
  const numbers = (current: number, pages: number) => pageLinks(current, pages).map((link) => (link.kind === "gap" ? "…" : link.page));

  it("lists every page when there are few", () => {
    expect(numbers(1, 0)).toEqual([]);
    expect(numbers(1, 1)).toEqual([1]);
    expect(numbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows the first, the last and two either side of the current page, with gaps", () => {
    expect(numbers(1, 50)).toEqual([1, 2, 3, "…", 50]);
    expect(numbers(10, 50)).toEqual([1, "…", 8, 9, 10, 11, 12, "…", 50]);
    expect(numbers(50, 50)).toEqual([1, "…", 48, 49, 50]);
    // A gap of a single page shows that page.
    expect(numbers(5, 50)).toEqual([1, 2, 3, 4, 5, 6, 7, "…", 50]);
  });
});
