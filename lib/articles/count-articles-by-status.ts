import { getDb } from "@/lib/db/client";
import type { ArticleStatus } from "@/lib/db/generated/enums";

export const articleStatusLabels: Record<ArticleStatus, string> = {
  DRAFT: "草稿",
  SUBMITTED: "已提交",
  EDITING: "编辑中",
  READY: "待发",
  PUBLISHED: "已发布",
  KILLED: "撤稿",
};

/** Story counts per workflow status; a reporter sees only their own stories. */
export async function countArticlesByStatus(options: { userId: string; ownOnly: boolean }) {
  const groups = await getDb().article.groupBy({
    by: ["status"],
    where: options.ownOnly ? { createdById: options.userId } : {},
    _count: { _all: true },
  });
  const counts = Object.fromEntries(groups.map((group) => [group.status, group._count._all]));
  return (Object.keys(articleStatusLabels) as ArticleStatus[]).map((status) => ({
    status,
    label: articleStatusLabels[status],
    count: counts[status] ?? 0,
  }));
}
