import { describe, expect, it } from "vitest";
import { routeReaderRequest } from "./routing";

const route = (path: string, cookie?: string) => routeReaderRequest(new URL(path, "http://localhost"), cookie);

describe("routeReaderRequest", () => {
  it("rewrites the default publication's short URLs into the Simplified tree", () => {
    expect(route("/")).toEqual({ kind: "rewrite", pathname: "/hans/_" });
    expect(route("/2023-03-13")).toEqual({ kind: "rewrite", pathname: "/hans/_/2023-03-13" });
    expect(route("/2023-03-13/A05/4")).toEqual({ kind: "rewrite", pathname: "/hans/_/2023-03-13/A05/4" });
    expect(route("/2023-03-13/A05/")).toEqual({ kind: "rewrite", pathname: "/hans/_/2023-03-13/A05" });
  });

  it("gives a second publication its own prefix", () => {
    expect(route("/p/weekly/2023-03-13/B01")).toEqual({ kind: "rewrite", pathname: "/hans/weekly/2023-03-13/B01" });
    expect(route("/p/weekly")).toEqual({ kind: "rewrite", pathname: "/hans/weekly" });
  });

  it("serves the Traditional tree to readers who chose it", () => {
    expect(route("/2023-03-13/A05", "hant")).toEqual({ kind: "rewrite", pathname: "/hant/_/2023-03-13/A05" });
    expect(route("/2023-03-13/A05", "klingon")).toEqual({ kind: "rewrite", pathname: "/hans/_/2023-03-13/A05" });
  });

  it("remembers a ?script= choice and redirects to the clean URL", () => {
    expect(route("/2023-03-13/A05/4?script=hant")).toEqual({ kind: "redirect", location: "/2023-03-13/A05/4", script: "hant" });
  });

  it("leaves the dashboard, APIs, files, feeds and sitemaps alone", () => {
    for (const path of ["/admin", "/admin/sign-in", "/api/health", "/_next/static/x.js", "/media/photos/a.jpg", "/feed.xml", "/feeds/x.xml", "/sitemap.xml", "/sitemaps/2023-03.xml", "/news-sitemap.xml", "/robots.txt", "/favicon.ico"]) {
      expect(route(path), path).toEqual({ kind: "pass" });
    }
  });

  it("never exposes the internal tree: /hans/… is just an unknown date", () => {
    expect(route("/hans/_/2023-03-13")).toEqual({ kind: "rewrite", pathname: "/hans/_/hans/_/2023-03-13" });
  });
});
