import { Prisma } from "@/lib/db/generated/client";
import type { Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { reindexArticles } from "@/lib/search/index-article";
import { StoryConflictError } from "./story-conflict";
import { bylineDisplay, storyContentFrom, storyContentSelect, storyWordCount, type StoryContent } from "./story-content";

export interface SavedStory {
  id: string;
  version: number;
  wordCount: number;
  updatedAt: Date;
  /** False when the content was already stored as sent (nothing written). */
  changed: boolean;
}

const invalid = (zh: string, en: string) => new AppError("INVALID_INPUT", { "zh-CN": zh, en });

/** The people, photos, page name and photographer a story names must exist (and be usable). */
async function checkReferences(tx: Tx, publicationId: string, content: StoryContent) {
  if (content.plannedPageNameId) {
    const pageName = await tx.pageName.findFirst({ where: { id: content.plannedPageNameId, publicationId }, select: { id: true } });
    if (!pageName) throw invalid("所选版名不存在。", "The chosen page name does not exist.");
  }
  const personIds = [...new Set(content.bylines.flatMap((byline) => (byline.personId ? [byline.personId] : [])))];
  if (personIds.length) {
    const found = await tx.person.count({ where: { id: { in: personIds }, publicationId } });
    if (found !== personIds.length) throw invalid("署名中有不存在的人员。", "A byline names a person who does not exist.");
  }
  const photoIds = content.photos.map((photo) => photo.photoId);
  if (new Set(photoIds).size !== photoIds.length) throw invalid("同一张图片不能在稿件中出现两次。", "The same photo cannot appear twice in a story.");
  if (photoIds.length) {
    const found = await tx.photo.count({ where: { id: { in: photoIds } } });
    if (found !== photoIds.length) throw invalid("稿件中有已删除或不存在的图片。", "The story holds a photo that no longer exists.");
  }
  if (content.photoAssigneeId) {
    const user = await tx.user.findUnique({ where: { id: content.photoAssigneeId }, select: { disabled: true } });
    if (!user || user.disabled) throw invalid("指派的摄影记者不存在或已停用。", "The photographer asked for photos does not exist or is disabled.");
  }
}

/** Stable JSON (sorted keys) to tell whether a save changes anything. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}

/**
 * Writes a story's content as a new version, if `baseVersion` is still the
 * stored one, and keeps the whole content as a revision. Runs inside the
 * caller's transaction; access has been checked by the caller.
 */
export async function writeStoryContent(options: {
  tx: Tx;
  /** Who saves; null for an edition import run without a user. */
  actor: Pick<Actor, "id"> | null;
  storyId: string;
  baseVersion: number;
  content: StoryContent;
  note?: string;
}): Promise<SavedStory> {
  const { tx, storyId, baseVersion, content } = options;
  const actorId = options.actor?.id ?? null;
  // Lock the row: two saves of the same version are decided one after the other.
  const rows = await tx.$queryRaw<{ version: number }[]>(Prisma.sql`SELECT version FROM articles WHERE id = ${storyId}::uuid FOR UPDATE`);
  if (!rows[0]) throw new AppError("NOT_FOUND");
  const stored = await tx.article.findUniqueOrThrow({
    where: { id: storyId },
    select: { ...storyContentSelect, publicationId: true, version: true, wordCount: true, updatedAt: true, updatedBy: { select: { name: true } } },
  });
  if (stored.version !== baseVersion) {
    throw new StoryConflictError({ version: stored.version, content: storyContentFrom(stored), updatedByName: stored.updatedBy?.name ?? null, updatedAt: stored.updatedAt.toISOString() });
  }
  if (canonical(storyContentFrom(stored)) === canonical(content)) {
    return { id: storyId, version: stored.version, wordCount: stored.wordCount, updatedAt: stored.updatedAt, changed: false };
  }
  await checkReferences(tx, stored.publicationId, content);

  const version = baseVersion + 1;
  const wordCount = storyWordCount(content);
  const article = await tx.article.update({
    where: { id: storyId },
    data: {
      kicker: content.kicker,
      headline: content.headline,
      subtitle: content.subtitle,
      body: content.body,
      summary: content.summary,
      editorialNote: content.editorialNote,
      plannedDate: content.plannedDate ? new Date(`${content.plannedDate}T00:00:00Z`) : null,
      plannedPageNameId: content.plannedPageNameId,
      photoAssigneeId: content.photoAssigneeId,
      noByline: content.noByline,
      version,
      wordCount,
      updatedById: actorId,
    },
    select: { updatedAt: true },
  });
  await tx.byline.deleteMany({ where: { articleId: storyId } });
  await tx.byline.createMany({
    data: content.bylines.map((byline, index) => ({
      articleId: storyId,
      personId: byline.personId,
      name: byline.name,
      role: byline.role,
      organisation: byline.organisation,
      display: bylineDisplay(byline),
      position: index + 1,
    })),
  });
  await tx.articlePhoto.deleteMany({ where: { articleId: storyId } });
  await tx.articlePhoto.createMany({
    data: content.photos.map((photo, index) => ({ articleId: storyId, photoId: photo.photoId, captionOverride: photo.captionOverride, position: index + 1 })),
  });
  await tx.revision.create({ data: { articleId: storyId, version, snapshot: content, note: options.note ?? null, createdById: actorId } });
  await reindexArticles(tx, [storyId]);
  return { id: storyId, version, wordCount, updatedAt: article.updatedAt, changed: true };
}
