import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import { storyContentFrom, storyContentSchema, storyContentSelect, type StoryContentInput } from "./story-content";
import { writeStoryContent } from "./write-story";

/**
 * Corrects a published story (更正): the changed text becomes a new revision, and
 * the correction note is published under the article for readers. Only the
 * article's cache is revalidated, unless a headline changed (then also the pages,
 * lists and feeds that show it).
 */
export async function correctStory(options: { db: Db; actor: Actor; storyId: string; baseVersion: number; content: StoryContentInput; correction: string; now?: Date }) {
  const { db, actor, storyId } = options;
  await assertCan({ db, actor, action: "story.correct", entityType: "article", entityId: storyId });
  const note = options.correction.trim();
  if (!note) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写更正说明，读者会在文章下方看到它。", en: "Write the correction note readers will see under the article." });
  if (note.length > 2000) throw new AppError("INVALID_INPUT", { "zh-CN": "更正说明不能超过 2000 字。", en: "The correction note is limited to 2,000 characters." });
  const content = storyContentSchema.parse(options.content);

  const result = await db.$transaction(async (tx) => {
    const stored = await tx.article.findUnique({ where: { id: storyId }, select: { ...storyContentSelect, status: true, publicationId: true } });
    if (!stored) throw new AppError("NOT_FOUND");
    if (stored.status !== "PUBLISHED") throw new AppError("INVALID_STATE", { "zh-CN": "只有已发布的稿件才需要更正。", en: "Only a published story can be corrected." });
    const before = storyContentFrom(stored);
    const saved = await writeStoryContent({ tx, actor, storyId, baseVersion: options.baseVersion, content, note: `correction: ${note}` });
    const correction = await tx.correction.create({ data: { articleId: storyId, text: note, createdById: actor.id, publishedAt: options.now ?? new Date() } });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "article.correct", entityType: "article", entityId: storyId, data: { correctionId: correction.id, version: saved.version } } });
    const titlesChanged = before.kicker !== content.kicker || before.headline !== content.headline || before.subtitle !== content.subtitle;
    return { saved, correction, publicationId: stored.publicationId, titlesChanged };
  });
  // Its view, the pages that list it and the month's archive page (front-page headlines).
  await publishReaderChange({ kind: "article", articleId: storyId });
  return { ...result.saved, correctionId: result.correction.id };
}
