import { can, denied, type Action, type Actor } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import type { ArticleStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

// Who may open and change one story: the permission map, plus the record's own
// rules (a reporter's own story; the photographer asked for pictures).

export interface StoryAccessFacts {
  id: string;
  status: ArticleStatus;
  createdById: string | null;
  photoAssigneeId: string | null;
}

export type StoryIntent = "view" | "edit" | "attachPhotos";

/** Statuses in which a reporter may still change their own story. */
const OWNER_EDITABLE: readonly ArticleStatus[] = ["DRAFT"];
/** Statuses in which nobody edits the text in place (a published story is corrected instead). */
const LOCKED: readonly ArticleStatus[] = ["PUBLISHED", "KILLED"];

export function isOwner(actor: Actor, story: StoryAccessFacts): boolean {
  return story.createdById === actor.id;
}

/** Why the actor may not do `intent` to the story, or null when they may. */
export function storyRefusal(actor: Actor, story: StoryAccessFacts, intent: StoryIntent): { action: Action; reason: string } | null {
  const any = can(actor.role, "story.editAny");
  const own = isOwner(actor, story) && can(actor.role, "story.editOwn");
  const assigned = story.photoAssigneeId === actor.id && can(actor.role, "story.attachPhotos");
  switch (intent) {
    case "view":
      return any || own || assigned ? null : { action: "story.editOwn", reason: "not_own_story" };
    case "edit":
      if (LOCKED.includes(story.status)) return { action: any ? "story.editAny" : "story.editOwn", reason: "locked" };
      if (any) return null;
      if (own && OWNER_EDITABLE.includes(story.status)) return null;
      return { action: own ? "story.editOwn" : "story.editAny", reason: own ? "submitted" : "not_own_story" };
    case "attachPhotos":
      if (LOCKED.includes(story.status)) return { action: "story.attachPhotos", reason: "locked" };
      if (any || assigned || (own && OWNER_EDITABLE.includes(story.status))) return null;
      return { action: "story.attachPhotos", reason: "not_assigned" };
  }
}

const refusalMessages: Record<string, { "zh-CN": string; en: string }> = {
  not_own_story: { "zh-CN": "这不是您的稿件，您不能打开或修改它。", en: "This is not your story; you cannot open or change it." },
  submitted: { "zh-CN": "稿件已提交，不能再修改；如需修改请联系编辑退回。", en: "The story has been submitted; ask an editor to return it to you to change it." },
  locked: { "zh-CN": "已发布或已撤稿的稿件不能直接修改；已发布的稿件请用“更正”。", en: "A published or killed story cannot be edited; correct a published story instead." },
  not_assigned: { "zh-CN": "您没有被指派为这篇稿件配图。", en: "You have not been asked for photos for this story." },
};

/**
 * Loads the facts about a story the access rules need and throws (NOT_FOUND, or
 * FORBIDDEN with an audit row written on `auditDb`) unless the actor may do `intent`.
 */
export async function assertStoryAccess(options: { db: Db | Tx; auditDb?: Db; actor: Actor; storyId: string; intent: StoryIntent }): Promise<StoryAccessFacts> {
  const { db, actor, storyId, intent } = options;
  const story = await db.article.findUnique({ where: { id: storyId }, select: { id: true, status: true, createdById: true, photoAssigneeId: true } });
  if (!story) throw new AppError("NOT_FOUND", { "zh-CN": "找不到这篇稿件。", en: "This story does not exist." });
  const refusal = storyRefusal(actor, story, intent);
  if (!refusal) return story;
  if (refusal.reason === "locked" && can(actor.role, "story.editAny")) throw new AppError("INVALID_STATE", refusalMessages.locked);
  const error = await denied({ db: options.auditDb ?? db, actor, action: refusal.action, entityType: "article", entityId: storyId, reason: refusal.reason });
  throw new AppError(error.code, refusalMessages[refusal.reason]);
}
