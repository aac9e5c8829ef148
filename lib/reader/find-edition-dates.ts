import { getDb } from "@/lib/db/client";
import { isoEditionDate } from "@/lib/time/edition-date";
import { cached } from "./cached";
import { cacheTags } from "./cache-tags";

// Published edition dates, read a window at a time: a reader page needs the
// month it shows and the editions either side of it, never the whole archive
// (twenty years is 7,300 dates, and reading them all made every uncached page
// slower as the archive grew).

/** Dates of every published edition of a publication, newest first (the sitemaps). */
export function findEditionDates(publicationId: string): Promise<string[]> {
  return cached(["edition-dates", publicationId], [cacheTags.publication(publicationId)], async () => {
    const editions = await getDb().edition.findMany({
      where: { publicationId, status: "PUBLISHED" },
      orderBy: { date: "desc" },
      select: { date: true },
    });
    return editions.map((edition) => isoEditionDate(edition.date));
  });
}

/** The newest published edition's date (`/` and the feed). */
export function findLatestEditionDate(publicationId: string): Promise<string | null> {
  return cached(["latest-edition-date", publicationId], [cacheTags.publication(publicationId)], async () => {
    const latest = await getDb().edition.findFirst({
      where: { publicationId, status: "PUBLISHED" },
      orderBy: { date: "desc" },
      select: { date: true },
    });
    return latest ? isoEditionDate(latest.date) : null;
  });
}

/** The published editions of a month (yyyy-mm) and the nearest ones outside it. */
export interface EditionMonth {
  month: string;
  /** The month's edition dates, newest first. */
  dates: string[];
  /** The newest edition before the month. */
  before: string | null;
  /** The oldest edition after the month, and the newest of that edition's month. */
  after: string | null;
  afterMonthLatest: string | null;
}

export async function findEditionMonth(publicationId: string, month: string): Promise<EditionMonth> {
  const start = `${month}-01`;
  // One round trip, each part on the (publication, status, date) index.
  const rows = await getDb().$queryRaw<{ kind: "month" | "before" | "after" | "after_month_latest"; date: Date }[]>`
    WITH published AS (SELECT date FROM editions WHERE publication_id = ${publicationId}::uuid AND status = 'PUBLISHED'),
      next AS (SELECT min(date) AS date FROM published WHERE date >= ${start}::date + interval '1 month')
    SELECT 'month' AS kind, date FROM published WHERE date >= ${start}::date AND date < ${start}::date + interval '1 month'
    UNION ALL SELECT 'before', max(date) FROM published WHERE date < ${start}::date
    UNION ALL SELECT 'after', date FROM next
    UNION ALL SELECT 'after_month_latest', max(p.date) FROM published p, next
      WHERE p.date >= date_trunc('month', next.date) AND p.date < date_trunc('month', next.date) + interval '1 month'`;
  const one = (kind: string) => {
    const row = rows.find((candidate) => candidate.kind === kind && candidate.date);
    return row ? isoEditionDate(row.date) : null;
  };
  return {
    month,
    dates: rows
      .filter((row) => row.kind === "month")
      .map((row) => isoEditionDate(row.date))
      .sort()
      .reverse(),
    before: one("before"),
    after: one("after"),
    afterMonthLatest: one("after_month_latest"),
  };
}

/** The previous and next published editions around `date`, from its month. */
export function neighbourEditions(month: EditionMonth, date: string): { previous?: string; next?: string } {
  const older = month.dates.filter((candidate) => candidate < date);
  const newer = month.dates.filter((candidate) => candidate > date);
  return { previous: older[0] ?? month.before ?? undefined, next: newer.at(-1) ?? month.after ?? undefined };
}
