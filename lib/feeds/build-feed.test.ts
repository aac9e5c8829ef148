import { describe, expect, it } from "vitest";
import { buildRssFeed } from "./build-feed";

// The feed's description is HTML to a feed reader: story text must arrive as text.

const publication = { id: "p", slug: "jmrb", name: "江门日报", isDefault: true, footer: { copyright: null, publisher: null, maintainer: null, phone: null, icp: null, license: null } };
const article = (summary: string) => ({
  id: "a",
  headline: "侨乡新貌",
  kicker: null,
  summary,
  authors: ["记者"],
  publishedAt: "2023-03-13T00:00:00.000Z",
  updatedAt: "2023-03-13T00:00:00.000Z",
  editionDate: "2023-03-13",
  pageNumber: "A05",
  pageName: "江门新闻",
  position: 1,
});

/** The description as a feed reader receives it (the XML text, CDATA unwrapped), before it treats it as HTML. */
function descriptionOf(xml: string): string {
  const raw = /<item>[\s\S]*?<description>([\s\S]*?)<\/description>/.exec(xml)![1]!;
  return raw.replace(/^<!\[CDATA\[|\]\]>$/g, "");
}

describe("buildRssFeed", () => {
  it("sends story text as text: markup in it is escaped, not live HTML for the feed reader", () => {
    const summary = `市民说："<script>alert(1)</script><img src=x onerror=alert(2)> 都很好" & 满意 ]]> 结束`;
    const xml = buildRssFeed({ publication, title: "江门日报", selfUrl: "/feed.xml", articles: [article(summary)] });
    const html = descriptionOf(xml);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("&amp; 满意");
    // Plain text stays as it is.
    expect(descriptionOf(buildRssFeed({ publication, title: "江门日报", selfUrl: "/feed.xml", articles: [article("江门侨乡春耕忙。")] }))).toBe("江门侨乡春耕忙。");
  });
});
