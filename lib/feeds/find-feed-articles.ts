import { getDb } from "@/lib/db/client";
import { articleBodySchema, bodyPlainText } from "@/lib/articles/body";
import { isoEditionDate } from "@/lib/time/edition-date";
import { cached } from "@/lib/reader/cached";
import { cacheTags } from "@/lib/reader/cache-tags";

export interface FeedArticle {
  id: string;
  headline: string;
  kicker: string | null;
  summary: string;
  authors: string[];
  publishedAt: string;
  updatedAt: string;
  editionDate: string;
  pageNumber: string;
  pageName: string;
  position: number;
}

const SUMMARY_LENGTH = 160;

/**
 * Published articles for feeds and sitemaps, newest edition first, each with the
 * page and position where it starts (its URL). Only published articles on
 * published pages of published editions: the same rule as the reader pages.
 */
export function findFeedArticles(options: {
  publicationId: string;
  /** Only the articles of this edition. */
  editionDate?: string;
  /** Only articles published since this moment (news sitemap). */
  publishedSince?: string;
  /** Only articles of editions in this month, "YYYY-MM" (sitemaps). */
  editionMonth?: string;
  /** Only articles that start on a page of this name. */
  pageName?: string;
  limit: number;
}): Promise<FeedArticle[]> {
  const { publicationId, editionDate, editionMonth, publishedSince, pageName, limit } = options;
  const month = editionMonth ? monthRange(editionMonth) : undefined;
  return cached(
    ["feed-articles", publicationId, editionDate ?? "", editionMonth ?? "", publishedSince ?? "", pageName ?? "", String(limit)],
    [cacheTags.publication(publicationId)],
    async () => {
      const placements = await getDb().placement.findMany({
        where: {
          part: 1,
          article: {
            publicationId,
            status: "PUBLISHED",
            ...(publishedSince ? { publishedAt: { gte: new Date(publishedSince) } } : {}),
          },
          page: {
            status: "PUBLISHED",
            ...(pageName ? { name: pageName } : {}),
            edition: {
              status: "PUBLISHED",
              ...(editionDate ? { date: new Date(`${editionDate}T00:00:00Z`) } : {}),
              ...(month ? { date: { gte: month.from, lt: month.to } } : {}),
            },
          },
        },
        orderBy: [{ page: { edition: { date: "desc" } } }, { page: { position: "asc" } }, { position: "asc" }],
        take: limit,
        select: {
          position: true,
          page: { select: { number: true, name: true, edition: { select: { date: true } } } },
          article: {
            select: {
              id: true,
              headline: true,
              kicker: true,
              summary: true,
              body: true,
              publishedAt: true,
              updatedAt: true,
              bylines: { orderBy: { position: "asc" }, select: { name: true, role: true } },
            },
          },
        },
      });
      return placements.map(({ position, page, article }) => {
        const body = articleBodySchema.safeParse(article.body);
        const text = article.summary ?? (body.success ? bodyPlainText(body.data).replace(/\s+/g, " ") : "");
        return {
          id: article.id,
          headline: article.headline,
          kicker: article.kicker,
          summary: text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH)}…` : text,
          authors: article.bylines.filter((byline) => byline.role !== "EDITOR").map((byline) => byline.name),
          publishedAt: (article.publishedAt ?? article.updatedAt).toISOString(),
          updatedAt: article.updatedAt.toISOString(),
          editionDate: isoEditionDate(page.edition.date),
          pageNumber: page.number,
          pageName: page.name,
          position,
        };
      });
    },
  );
}

function monthRange(month: string): { from: Date; to: Date } {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, monthNumber - 1, 1)), to: new Date(Date.UTC(year, monthNumber, 1)) };
}
