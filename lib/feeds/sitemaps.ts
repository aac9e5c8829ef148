import { findEditionDates } from "@/lib/reader/find-edition-dates";
import { findReaderPublication, findReaderPublications } from "@/lib/reader/find-reader-publication";
import { archiveYears, findArchiveMonths } from "@/lib/reader/find-archive";
import { absoluteUrl, archiveUrl, articleUrl, pageUrl } from "@/lib/reader/urls";
import { escapeXml } from "./build-feed";
import { findFeedArticles } from "./find-feed-articles";

// Sitemaps for search engines: an index of one sitemap per publication and
// month (a month of a daily paper is a few thousand URLs, well under the
// 50,000-URL limit) plus one of each publication's archive pages, and a
// Google News sitemap of the last two days.

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export async function sitemapIndexXml(): Promise<string> {
  const entries: string[] = [];
  for (const publication of await findReaderPublications()) {
    const latestByMonth = new Map<string, string>();
    for (const date of await findEditionDates(publication.id)) {
      if (!latestByMonth.has(date.slice(0, 7))) latestByMonth.set(date.slice(0, 7), date);
    }
    for (const [month, latest] of latestByMonth) {
      entries.push(
        `<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${publication.slug}-${month}.xml`))}</loc><lastmod>${latest}</lastmod></sitemap>`,
      );
    }
    const [latest] = latestByMonth.values();
    if (latest) {
      entries.push(`<sitemap><loc>${escapeXml(absoluteUrl(`/sitemaps/${publication.slug}-archive.xml`))}</loc><lastmod>${latest}</lastmod></sitemap>`);
    }
  }
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/** `file` is "{slug}-{YYYY-MM}.xml"; null when there is no such sitemap. */
export async function monthSitemapXml(file: string): Promise<string | null> {
  const match = /^([a-z0-9-]+)-(\d{4}-\d{2})\.xml$/.exec(file);
  if (!match) return null;
  const publication = await findReaderPublication(match[1]!);
  // Only months that have editions reach the (cached) query.
  if (!publication || !(await findEditionDates(publication.id)).some((date) => date.startsWith(match[2]!))) return null;
  const articles = await findFeedArticles({ publicationId: publication.id, editionMonth: match[2]!, limit: 20_000 });
  if (articles.length === 0) return null;
  const urls = new Map<string, string>();
  for (const article of articles) {
    urls.set(pageUrl(publication, article.editionDate, article.pageNumber), article.editionDate);
    urls.set(articleUrl(publication, article.editionDate, article.pageNumber, article.position), article.updatedAt.slice(0, 10));
  }
  const body = [...urls]
    .map(([path, lastmod]) => `<url><loc>${escapeXml(absoluteUrl(path))}</loc><lastmod>${lastmod}</lastmod></url>`)
    .join("\n");
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/**
 * `file` is "{slug}-archive.xml": the archive (往期) pages, its index and each
 * year and month with editions (twenty years: 261 URLs); null otherwise.
 */
export async function archiveSitemapXml(file: string): Promise<string | null> {
  const match = /^([a-z0-9-]+)-archive\.xml$/.exec(file);
  const publication = match ? await findReaderPublication(match[1]!) : null;
  if (!publication) return null;
  const months = await findArchiveMonths(publication.id);
  if (months.length === 0) return null;
  const urls: [string, string][] = [
    [archiveUrl(publication), months[0]!.latest],
    ...archiveYears(months).map((year): [string, string] => [archiveUrl(publication, year.year), year.months[0]!.latest]),
    ...months.map((month): [string, string] => [archiveUrl(publication, month.month), month.latest]),
  ];
  const body = urls.map(([path, lastmod]) => `<url><loc>${escapeXml(absoluteUrl(path))}</loc><lastmod>${lastmod}</lastmod></url>`).join("\n");
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** Google News sitemap: articles published in the last two days. */
export async function newsSitemapXml(now = new Date()): Promise<string> {
  const since = new Date(now.getTime() - 2 * 24 * 3600 * 1000);
  // Rounded to the hour so the cache key changes hourly, not every request.
  since.setUTCMinutes(0, 0, 0);
  const entries: string[] = [];
  for (const publication of await findReaderPublications()) {
    const articles = await findFeedArticles({ publicationId: publication.id, publishedSince: since.toISOString(), limit: 1000 });
    for (const article of articles) {
      entries.push(
        [
          "<url>",
          `<loc>${escapeXml(absoluteUrl(articleUrl(publication, article.editionDate, article.pageNumber, article.position)))}</loc>`,
          "<news:news>",
          `<news:publication><news:name>${escapeXml(publication.name)}</news:name><news:language>zh-cn</news:language></news:publication>`,
          `<news:publication_date>${article.publishedAt}</news:publication_date>`,
          `<news:title>${escapeXml(article.headline)}</news:title>`,
          "</news:news>",
          "</url>",
        ].join(""),
      );
    }
  }
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}
