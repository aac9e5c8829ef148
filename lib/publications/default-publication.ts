import type { Db, Tx } from "@/lib/db/client";

/**
 * The newsroom's default publication: the one new stories, uploads, people and
 * planned editions belong to and the reader's short URLs show. Should none be
 * marked default, the oldest; null only before the first is set up.
 */
export function findDefaultPublication(db: Db | Tx): Promise<{ id: string; slug: string; name: string } | null> {
  return db.publication.findFirst({ orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }], select: { id: true, slug: true, name: true } });
}
