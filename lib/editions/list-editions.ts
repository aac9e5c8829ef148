import { getDb } from "@/lib/db/client";
import type { EditionStatus } from "@/lib/db/generated/enums";
import { isoEditionDate } from "@/lib/editions/edition-date";

export const editionStatusLabels: Record<EditionStatus, string> = {
  PLANNING: "策划中",
  SCHEDULED: "定时发布",
  PUBLISHED: "已发布",
  WITHDRAWN: "已撤版",
};

/** The newest editions for the newsroom, with their page counts. */
export async function listEditions(options: { limit: number }) {
  const editions = await getDb().edition.findMany({
    orderBy: { date: "desc" },
    take: options.limit,
    select: { id: true, date: true, issueNumber: true, status: true, publishedAt: true, publication: { select: { name: true } }, _count: { select: { pages: true } } },
  });
  return editions.map((edition) => ({ ...edition, date: isoEditionDate(edition.date) }));
}
