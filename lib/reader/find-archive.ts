import { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { isoEditionDate } from "@/lib/time/edition-date";
import { monthBounds, yearBounds } from "./archive-calendar";

// The archive (往期). Every query reads published editions of one publication by
// date range, which the index editions(publication_id, status, date desc)
// answers. Read when the archive's files are rendered (lib/reader-files).

export interface ArchiveMonth {
  /** "YYYY-MM" */
  month: string;
  /** Published editions in the month. */
  editions: number;
  /** The newest edition's date in the month ("YYYY-MM-DD"). */
  latest: string;
}

export interface ArchiveYear {
  year: number;
  editions: number;
  /** Months that have editions, newest first. */
  months: ArchiveMonth[];
}

/**
 * Published editions counted per month, newest month first: one grouped query
 * whatever the archive's size (twenty years of a daily is 240 rows). Every
 * archive page starts here, so a made-up year or month is refused before it
 * reaches a query of its own or adds a cache entry.
 */
export async function findArchiveMonths(publicationId: string): Promise<ArchiveMonth[]> {
  const rows = await getDb().$queryRaw<{ month: string; editions: number; latest: string }[]>(Prisma.sql`
    SELECT to_char(date, 'YYYY-MM') AS month, count(*)::int AS editions, to_char(max(date), 'YYYY-MM-DD') AS latest
    FROM editions
    WHERE publication_id = ${publicationId}::uuid AND status = 'PUBLISHED'
    GROUP BY 1
    ORDER BY 1 DESC`);
  return rows.map((row) => ({ month: row.month, editions: row.editions, latest: row.latest }));
}

/** The months grouped by year, newest year first. */
export function archiveYears(months: readonly ArchiveMonth[]): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const month of months) {
    const year = Number(month.month.slice(0, 4));
    let entry = years.at(-1);
    if (entry?.year !== year) years.push((entry = { year, editions: 0, months: [] }));
    entry.editions += month.editions;
    entry.months.push(month);
  }
  return years;
}

/** Dates of the published editions in a year, oldest first (at most 366 short strings). */
export async function findEditionDatesInYear(publicationId: string, year: number): Promise<string[]> {
  const { from, to } = yearBounds(year);
  const editions = await getDb().edition.findMany({
    where: { publicationId, status: "PUBLISHED", date: { gte: from, lt: to } },
    orderBy: { date: "asc" },
    select: { date: true },
  });
  return editions.map((edition) => isoEditionDate(edition.date));
}

export interface ArchiveEdition {
  date: string;
  issueNumber: number | null;
  /** Published pages. */
  pageCount: number;
  /** The first published page, where the edition's URL leads. */
  firstPage: { number: string; name: string } | null;
  /** Articles that start on the first page, in page order. */
  headlines: { headline: string; position: number }[];
}

/** Headlines shown per edition in a month's list: a front page's lead stories. */
const HEADLINES_PER_EDITION = 6;

/**
 * The published editions of a month, oldest first, with issue number, page
 * count and the first page's headlines (published pages and articles only,
 * as everywhere on the reader site).
 */
export async function findArchiveMonthEditions(publicationId: string, month: string): Promise<ArchiveEdition[]> {
  const { from, to } = monthBounds(month);
  // The month's pages are read and counted here rather than with Prisma's `_count`, which aggregates the
  // pages of every edition of the archive before joining the month's (50 ms at five years, growing).
  const editions = await getDb().edition.findMany({
    where: { publicationId, status: "PUBLISHED", date: { gte: from, lt: to } },
    orderBy: { date: "asc" },
    select: {
      date: true,
      issueNumber: true,
      pages: { where: { status: "PUBLISHED" }, orderBy: { position: "asc" }, select: { id: true, number: true, name: true } },
    },
  });
  const firstPageIds = editions.flatMap((edition) => (edition.pages[0] ? [edition.pages[0].id] : []));
  const placements = await getDb().placement.findMany({
    where: { pageId: { in: firstPageIds }, part: 1, article: { status: "PUBLISHED" } },
    orderBy: { position: "asc" },
    select: { pageId: true, position: true, article: { select: { headline: true } } },
  });
  return editions.map((edition) => {
    const first = edition.pages[0];
    return {
      date: isoEditionDate(edition.date),
      issueNumber: edition.issueNumber,
      pageCount: edition.pages.length,
      firstPage: first ? { number: first.number, name: first.name } : null,
      headlines: first
        ? placements
            .filter((placement) => placement.pageId === first.id)
            .slice(0, HEADLINES_PER_EDITION)
            .map((placement) => ({ headline: placement.article.headline, position: placement.position }))
        : [],
    };
  });
}
