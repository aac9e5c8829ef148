import { denied, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { articleBodySchema, bodyPlainText } from "@/lib/articles/body";
import { AppError } from "@/lib/errors/app-error";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import { reindexArticles } from "@/lib/search/index-article";
import { assertStoryAccess } from "./story-access";
import { mayTransition, transitions, type StoryTransition } from "./story-workflow";

/**
 * Moves a story through the workflow (see story-workflow.ts). A move that does
 * not start from the story's current status is refused as INVALID_STATE (the
 * page was stale); a move the actor may not make is FORBIDDEN and audited.
 * Killing a published story takes it off the reader site at once.
 */
export async function transitionStory(options: { db: Db; actor: Actor; storyId: string; transition: StoryTransition; note?: string; now?: Date }) {
  const { db, actor, storyId, transition } = options;
  const rule = transitions[transition];
  const facts = await assertStoryAccess({ db, actor, storyId, intent: "view" });
  if (!mayTransition(actor, facts, transition)) {
    throw await denied({ db, actor, action: rule.action, entityType: "article", entityId: storyId, reason: `transition:${transition}` });
  }
  const now = options.now ?? new Date();

  const result = await db.$transaction(async (tx) => {
    const story = await tx.article.findUniqueOrThrow({
      where: { id: storyId },
      select: { status: true, headline: true, body: true, publicationId: true, _count: { select: { placements: true } } },
    });
    if (!rule.from.includes(story.status)) {
      throw new AppError("INVALID_STATE", {
        "zh-CN": `稿件现在是“${dashboardMessages("zh-CN").articleStatus[story.status]}”状态，不能执行此操作。请刷新页面。`,
        en: `The story is now “${dashboardMessages("en").articleStatus[story.status]}”; this move is not possible. Reload the page.`,
      });
    }
    if ((transition === "submit" || transition === "markReady" || transition === "publish") && (!story.headline.trim() || !bodyPlainText(articleBodySchema.parse(story.body)).trim())) {
      throw new AppError("INVALID_INPUT", { "zh-CN": "稿件需要标题和正文才能提交或签发。", en: "A story needs a headline and a body before it moves on." });
    }
    await tx.article.update({
      where: { id: storyId },
      data: {
        status: rule.to,
        updatedById: actor.id,
        ...(rule.to === "KILLED" ? { killedAt: now } : {}),
        ...(transition === "revive" ? { killedAt: null } : {}),
        ...(rule.to === "PUBLISHED" ? { publishedAt: now, publishedById: actor.id } : {}),
      },
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "article.transition", entityType: "article", entityId: storyId, data: { transition, from: story.status, to: rule.to, note: options.note?.trim() || null } },
    });
    // Publishing shows it in the reader's search, killing (撤稿) takes it out, in this same transaction.
    await reindexArticles(tx, [storyId]);
    return { from: story.status, to: rule.to, publicationId: story.publicationId, placed: story._count.placements > 0 };
  });
  // Published or unpublished text changes what readers see on its pages, lists and feeds.
  if ((result.from === "PUBLISHED" || result.to === "PUBLISHED") && result.placed) await publishReaderChange({ kind: "article", articleId: storyId });
  return result;
}
