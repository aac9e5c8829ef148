import type { ArticleView } from "./find-article-view";
import type { ReaderPublication } from "./find-reader-publication";
import { absoluteUrl } from "./urls";

/** schema.org NewsArticle for one article, as search engines and aggregators read it. */
export function newsArticleJsonLd(input: {
  article: ArticleView;
  publication: ReaderPublication;
  url: string;
  editionDate: string;
  page: { number: string; name: string };
  logoUrl?: string;
}) {
  const { article, publication, url, editionDate, page } = input;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.headline,
    alternativeHeadline: [article.kicker, article.subtitle].filter(Boolean).join(" ") || undefined,
    description: article.summary ?? undefined,
    datePublished: article.publishedAt ?? `${editionDate}T00:00:00+08:00`,
    dateModified: article.updatedAt,
    mainEntityOfPage: absoluteUrl(url),
    url: absoluteUrl(url),
    inLanguage: "zh-CN",
    wordCount: article.wordCount,
    author: article.bylines.filter((byline) => byline.role !== "EDITOR").map((byline) => ({ "@type": "Person", name: byline.name })),
    image: article.photos.map((photo) => absoluteUrl(photo.variants.at(-1)?.url ?? photo.src)),
    publisher: { "@type": "NewsMediaOrganization", name: publication.name },
    printEdition: editionDate,
    printSection: page.name,
    printPage: page.number,
  };
}

/** JSON for a <script> tag: "<" escaped so text can never close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
