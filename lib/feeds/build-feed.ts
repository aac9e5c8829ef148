import { Feed } from "feed";
import type { ReaderPublication } from "@/lib/reader/find-reader-publication";
import { absoluteUrl, articleUrl, publicationUrl } from "@/lib/reader/urls";
import type { FeedArticle } from "./find-feed-articles";
import { pageLabel } from "@/lib/reader/reader-labels";

/** An RSS 2.0 feed of articles (readers, aggregators, other newsrooms). */
export function buildRssFeed(options: {
  publication: ReaderPublication;
  title: string;
  selfUrl: string;
  articles: FeedArticle[];
}): string {
  const { publication, articles } = options;
  const feed = new Feed({
    id: absoluteUrl(publicationUrl(publication)),
    title: options.title,
    link: absoluteUrl(publicationUrl(publication)),
    language: "zh-CN",
    copyright: publication.footer.copyright ?? publication.name,
    updated: articles[0] ? new Date(articles[0].updatedAt) : undefined,
    generator: false,
    feedLinks: { rss: absoluteUrl(options.selfUrl) },
  });
  for (const article of articles) {
    const link = absoluteUrl(articleUrl(publication, article.editionDate, article.pageNumber, article.position));
    feed.addItem({
      id: link,
      link,
      title: cdataSafe(article.headline),
      // A feed reader shows the description as HTML: the story's text is escaped, never markup.
      description: cdataSafe(escapeXml(article.summary)),
      date: new Date(article.publishedAt),
      author: article.authors.map((name) => ({ name })),
      category: [{ name: pageLabel(article.pageNumber, article.pageName) }],
    });
  }
  return feed.rss2();
}

/**
 * The feed library puts text in CDATA sections and escapes only the first "]]>";
 * text must not be able to end the section, nor carry characters XML forbids.
 */
export function cdataSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replaceAll("]]>", "]]\u200b>");
}

export function xmlResponse(body: string, contentType = "application/xml"): Response {
  return new Response(body, {
    headers: {
      "Content-Type": `${contentType}; charset=utf-8`,
      "Cache-Control": "public, max-age=300, stale-while-revalidate=3600",
    },
  });
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[char]!);
}
