import type { ArticleView } from "./find-article-view";
import type { ReaderPublication } from "./find-reader-publication";
import { absoluteUrl } from "./urls";
import { NEWSROOM_UTC_OFFSET } from "@/lib/time/newsroom-time";

/** schema.org NewsArticle for one article, as search engines and aggregators read it. */
export function newsArticleJsonLd(input: {
  article: ArticleView;
  publication: ReaderPublication;
  url: string;
  editionDate: string;
  page: { number: string; name: string };
  logoUrl?: string;
  /** The page's script: its text converter and language. */
  script?: { t: (text: string) => string; lang: string };
}) {
  const { article, publication, url, editionDate, page } = input;
  const t = input.script?.t ?? ((text: string) => text);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: t(article.headline),
    alternativeHeadline: t([article.kicker, article.subtitle].filter(Boolean).join(" ")) || undefined,
    description: article.summary ? t(article.summary) : undefined,
    datePublished: article.publishedAt ?? `${editionDate}T00:00:00${NEWSROOM_UTC_OFFSET}`,
    dateModified: article.updatedAt,
    mainEntityOfPage: absoluteUrl(url),
    url: absoluteUrl(url),
    inLanguage: input.script?.lang ?? "zh-CN",
    wordCount: article.wordCount,
    author: article.bylines.filter((byline) => byline.role !== "EDITOR").map((byline) => ({ "@type": "Person", name: t(byline.name) })),
    image: article.photos.map((photo) => absoluteUrl(photo.variants.at(-1)?.url ?? photo.src)),
    publisher: { "@type": "NewsMediaOrganization", name: t(publication.name) },
    printEdition: editionDate,
    printSection: t(page.name),
    printPage: page.number,
  };
}

/** JSON for a <script> tag: "<" escaped so text can never close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
