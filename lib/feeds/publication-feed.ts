import { findLatestEditionDate } from "@/lib/reader/find-edition-dates";
import { findReaderPublication } from "@/lib/reader/find-reader-publication";
import { DEFAULT_PUBLICATION_PARAM } from "@/lib/reader/routing";
import { feedUrl } from "@/lib/reader/urls";
import { buildRssFeed, xmlResponse } from "./build-feed";
import { findFeedArticles } from "./find-feed-articles";
import { findPublishedPageNames } from "./find-page-names";

/**
 * The RSS feed of a publication: the latest edition's articles, or the latest
 * articles of one page name (版名). Unknown publications and page names are 404s.
 */
export async function publicationFeedResponse(publicationParam: string, pageName?: string): Promise<Response> {
  const publication = await findReaderPublication(publicationParam || DEFAULT_PUBLICATION_PARAM);
  if (!publication) return new Response("Not found", { status: 404 });
  // Unknown page names are refused before they reach the (cached) query.
  if (pageName && !(await findPublishedPageNames(publication.id)).includes(pageName)) {
    return new Response("Not found", { status: 404 });
  }
  const latest = await findLatestEditionDate(publication.id);
  const articles = latest
    ? await findFeedArticles(pageName ? { publicationId: publication.id, pageName, limit: 50 } : { publicationId: publication.id, editionDate: latest, limit: 200 })
    : [];
  if (pageName && articles.length === 0) return new Response("Not found", { status: 404 });
  return xmlResponse(
    buildRssFeed({
      publication,
      title: pageName ? `${publication.name} · ${pageName}` : `${publication.name} 最新一期`,
      selfUrl: feedUrl(publication, pageName),
      articles,
    }),
    "application/rss+xml",
  );
}
