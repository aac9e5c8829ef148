import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { ArticleStatus } from "@/lib/db/generated/enums";
import { visibleStoriesWhere } from "./list-stories";

/** Story counts per workflow status, in workflow order, over the stories the actor may see. */
export async function countStoriesByStatus(options: { db: Db; actor: Actor }) {
  const groups = await options.db.article.groupBy({ by: ["status"], where: visibleStoriesWhere(options.actor), _count: { _all: true } });
  const counts = Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
  return Object.values(ArticleStatus).map((status) => ({ status, count: counts[status] ?? 0 }));
}
