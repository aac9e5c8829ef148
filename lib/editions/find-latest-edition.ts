import { getDb } from "@/lib/db/client";

/**
 * The newest published edition of a publication, with its pages and their
 * articles in page order. Readers only ever see published rows.
 */
export function findLatestEdition(options: { publicationId: string }) {
  return getDb().edition.findFirst({
    where: { publicationId: options.publicationId, status: "PUBLISHED" },
    orderBy: { date: "desc" },
    select: {
      id: true,
      date: true,
      issueNumber: true,
      pages: {
        where: { status: "PUBLISHED" },
        orderBy: { position: "asc" },
        select: {
          id: true,
          number: true,
          name: true,
          placements: {
            where: { article: { status: "PUBLISHED" } },
            orderBy: { position: "asc" },
            select: { part: true, article: { select: { id: true, kicker: true, headline: true } } },
          },
        },
      },
    },
  });
}
