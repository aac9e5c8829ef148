import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertStoryAccess } from "./story-access";
import { storyContentFromSnapshot } from "./story-content";
import { writeStoryContent } from "./write-story";

/** Every saved version of a story, newest first, with who saved it and when. */
export async function listRevisions(options: { db: Db; actor: Actor; storyId: string }) {
  const { db, actor, storyId } = options;
  await assertStoryAccess({ db, actor, storyId, intent: "view" });
  return db.revision.findMany({
    where: { articleId: storyId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, note: true, createdAt: true, createdBy: { select: { id: true, name: true, role: true } } },
  });
}

/** The content of one version of a story. */
export async function getRevisionContent(options: { db: Db; actor: Actor; storyId: string; version: number }) {
  const { db, actor, storyId, version } = options;
  await assertStoryAccess({ db, actor, storyId, intent: "view" });
  const revision = await db.revision.findUnique({ where: { articleId_version: { articleId: storyId, version } }, select: { snapshot: true } });
  if (!revision) throw new AppError("NOT_FOUND", { "zh-CN": `没有第 ${version} 版。`, en: `There is no version ${version}.` });
  return storyContentFromSnapshot(revision.snapshot);
}

/**
 * Restores an older version as a new one: history is never rewritten, so the
 * restore itself can be undone by restoring again.
 */
export async function restoreRevision(options: { db: Db; actor: Actor; storyId: string; version: number; baseVersion: number }) {
  const { db, actor, storyId, version } = options;
  const content = await getRevisionContent(options);
  await assertStoryAccess({ db, actor, storyId, intent: "edit" });
  return db.$transaction(async (tx) => {
    await assertStoryAccess({ db: tx, auditDb: db, actor, storyId, intent: "edit" });
    return writeStoryContent({ tx, actor, storyId, baseVersion: options.baseVersion, content, note: `restored v${version}` });
  });
}
