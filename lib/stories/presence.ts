import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { PRESENCE_INTERVAL_MS } from "./presence-interval";
import { assertStoryAccess } from "./story-access";

/** Someone silent for three intervals has left. */
const PRESENCE_TIMEOUT_MS = PRESENCE_INTERVAL_MS * 3;

/**
 * Notes that the actor has the story open, and returns who else has it open
 * now, with the version they last saw the story at (from the stored story).
 */
export async function touchPresence(options: { db: Db; actor: Actor; storyId: string; now?: Date }) {
  const { db, actor, storyId } = options;
  await assertStoryAccess({ db, actor, storyId, intent: "view" });
  const now = options.now ?? new Date();
  await db.articlePresence.upsert({
    where: { articleId_userId: { articleId: storyId, userId: actor.id } },
    create: { articleId: storyId, userId: actor.id, seenAt: now },
    update: { seenAt: now },
  });
  const [others, story] = await Promise.all([
    db.articlePresence.findMany({
      where: { articleId: storyId, userId: { not: actor.id }, seenAt: { gte: new Date(now.getTime() - PRESENCE_TIMEOUT_MS) } },
      orderBy: { seenAt: "desc" },
      select: { user: { select: { id: true, name: true, role: true } } },
    }),
    db.article.findUniqueOrThrow({ where: { id: storyId }, select: { version: true, status: true, updatedBy: { select: { name: true } } } }),
  ]);
  return { others: others.map((entry) => entry.user), version: story.version, status: story.status, updatedByName: story.updatedBy?.name ?? null };
}

/** The actor closed the story. */
export async function leavePresence(options: { db: Db; actor: Actor; storyId: string }) {
  await options.db.articlePresence.deleteMany({ where: { articleId: options.storyId, userId: options.actor.id } });
}
