import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { assertStoryAccess } from "./story-access";
import { storyContentFrom, storyContentSchema, storyContentSelect, type StoryContentInput } from "./story-content";
import { writeStoryContent } from "./write-story";

/**
 * Saves a story (autosave or by hand) on top of `baseVersion`: a newer stored
 * version means someone else saved in between, and the save is refused with a
 * StoryConflictError that carries their version. Every save that changes
 * something is a new version and a revision.
 */
export async function saveStory(options: { db: Db; actor: Actor; storyId: string; baseVersion: number; content: StoryContentInput; note?: string }) {
  const { db, actor, storyId } = options;
  await assertStoryAccess({ db, actor, storyId, intent: "edit" });
  const content = storyContentSchema.parse(options.content);
  return db.$transaction(async (tx) => {
    // The status may have changed since the check (e.g. submitted meanwhile).
    await assertStoryAccess({ db: tx, auditDb: db, actor, storyId, intent: "edit" });
    return writeStoryContent({ tx, actor, storyId, baseVersion: options.baseVersion, content, note: options.note });
  });
}

/**
 * A photographer asked for pictures (or anyone who may edit the story) sets the
 * story's photos; the rest of the story stays exactly as stored.
 */
export async function setStoryPhotos(options: { db: Db; actor: Actor; storyId: string; baseVersion: number; photos: StoryContentInput["photos"] }) {
  const { db, actor, storyId } = options;
  await assertStoryAccess({ db, actor, storyId, intent: "attachPhotos" });
  const photos = storyContentSchema.shape.photos.parse(options.photos);
  return db.$transaction(async (tx) => {
    await assertStoryAccess({ db: tx, auditDb: db, actor, storyId, intent: "attachPhotos" });
    const stored = await tx.article.findUnique({ where: { id: storyId }, select: storyContentSelect });
    if (!stored) throw new AppError("NOT_FOUND");
    const content = { ...storyContentFrom(stored), photos };
    return writeStoryContent({ tx, actor, storyId, baseVersion: options.baseVersion, content, note: "photos" });
  });
}
