import { getDb } from "@/lib/db/client";
import { ArticleStatus } from "@/lib/db/generated/enums";

/** Story counts per workflow status, in workflow order; a reporter sees only their own stories. */
export async function countArticlesByStatus(options: { userId: string; ownOnly: boolean }) {
  const groups = await getDb().article.groupBy({
    by: ["status"],
    where: options.ownOnly ? { createdById: options.userId } : {},
    _count: { _all: true },
  });
  const counts = Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
  return Object.values(ArticleStatus).map((status) => ({ status, count: counts[status] ?? 0 }));
}
