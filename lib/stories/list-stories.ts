import { can, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ArticleStatus } from "@/lib/db/generated/enums";

export const STORIES_PER_PAGE = 50;

export interface StoryFilters {
  status?: ArticleStatus;
  /** yyyy-mm-dd: planned edition date. */
  date?: string;
  pageNameId?: string;
  /** A person on the byline (reporter, correspondent…). */
  personId?: string;
  /** Words of the headline (or kicker/subtitle). */
  q?: string;
  page?: number;
}

/**
 * The stories an actor may see: the desk sees all; a reporter their own; a
 * photographer the stories they were asked to photograph.
 */
export function visibleStoriesWhere(actor: Actor): Prisma.ArticleWhereInput {
  if (can(actor.role, "story.editAny")) return {};
  if (actor.role === "PHOTOGRAPHER") return { OR: [{ photoAssigneeId: actor.id }, { createdById: actor.id }] };
  return { createdById: actor.id };
}

export async function listStories(options: { db: Db; actor: Actor; filters: StoryFilters }) {
  const { db, actor, filters } = options;
  const q = filters.q?.trim().slice(0, 100);
  const where: Prisma.ArticleWhereInput = {
    AND: [
      visibleStoriesWhere(actor),
      filters.status ? { status: filters.status } : {},
      filters.date ? { plannedDate: new Date(`${filters.date}T00:00:00Z`) } : {},
      filters.pageNameId ? { plannedPageNameId: filters.pageNameId } : {},
      filters.personId ? { bylines: { some: { personId: filters.personId } } } : {},
      q
        ? {
            OR: [
              { headline: { contains: q, mode: "insensitive" } },
              { kicker: { contains: q, mode: "insensitive" } },
              { subtitle: { contains: q, mode: "insensitive" } },
            ],
          }
        : {},
    ],
  };
  const page = Math.max(1, filters.page ?? 1);
  const [total, stories] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * STORIES_PER_PAGE,
      take: STORIES_PER_PAGE,
      select: {
        id: true,
        kicker: true,
        headline: true,
        status: true,
        version: true,
        wordCount: true,
        plannedDate: true,
        updatedAt: true,
        plannedPageName: { select: { name: true } },
        createdBy: { select: { name: true } },
        updatedBy: { select: { name: true } },
        bylines: { orderBy: { position: "asc" }, select: { display: true } },
        _count: { select: { photos: true } },
      },
    }),
  ]);
  return { total, page, pages: Math.max(1, Math.ceil(total / STORIES_PER_PAGE)), stories };
}
