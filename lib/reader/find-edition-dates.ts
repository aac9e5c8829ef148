import { getDb } from "@/lib/db/client";
import { isoEditionDate } from "@/lib/editions/edition-date";
import { cached } from "./cached";
import { cacheTags } from "./cache-tags";

/**
 * Dates of every published edition of a publication, newest first: the
 * calendar (往期), 上一期/下一期 and the latest edition all come from it.
 * One date per day for twenty years is ~7,300 short strings.
 */
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

/** The previous and next published editions around `date` (dates newest first). */
export function neighbourEditions(dates: readonly string[], date: string): { previous?: string; next?: string } {
  const index = dates.indexOf(date);
  if (index < 0) return {};
  return { previous: dates[index + 1], next: index > 0 ? dates[index - 1] : undefined };
}
