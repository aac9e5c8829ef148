import { getDb } from "@/lib/db/client";
import { isoEditionDate } from "@/lib/time/edition-date";

/** The newest editions for the newsroom, with their page counts. */
export async function listEditions(options: { limit: number }) {
  const editions = await getDb().edition.findMany({
    orderBy: { date: "desc" },
    take: options.limit,
    select: { id: true, date: true, issueNumber: true, status: true, publishedAt: true, scheduledAt: true, scheduleError: true, publication: { select: { name: true } }, _count: { select: { pages: true } } },
  });
  return editions.map((edition) => ({ ...edition, date: isoEditionDate(edition.date) }));
}
