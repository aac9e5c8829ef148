import { bodyFromBlocks } from "@/lib/articles/body";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { reindexArticles } from "@/lib/search/index-article";
import { insertStory } from "@/lib/stories/create-story";
import { pageError } from "./page-errors";

export interface CreateStoryFromRegionResult {
  articleId: string;
  placementId: string;
}

/**
 * A page holds a story the system does not have yet: a draft (草稿) is made
 * from its region's extracted text (headline, body paragraphs), placed on the
 * page after its other stories (part 1) and linked to the region. The editor
 * corrects it before publishing.
 */
export async function createStoryFromRegion(options: { db: Db; actor: Actor; regionId: string }): Promise<CreateStoryFromRegionResult> {
  const { db, actor, regionId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "region", entityId: regionId });
  const region = await db.region.findUnique({
    where: { id: regionId },
    select: { placementId: true, extractedText: true, extractedHeadline: true, page: { select: { id: true } } },
  });
  if (!region) throw pageError("NOT_FOUND", "regionNotFound");
  if (region.placementId) throw pageError("INVALID_STATE", "regionHasStory");
  const text = region.extractedText?.trim() ?? "";
  if (!text && !region.extractedHeadline?.trim()) throw pageError("INVALID_STATE", "regionNoText");

  const { headline, paragraphs } = storyTextFrom(text, region.extractedHeadline);
  await assertCan({ db, actor, action: "story.create", entityType: "article" });

  // The story, its placement and the region's link in one transaction: a failure leaves no stray draft.
  return db.$transaction(async (tx) => {
    const pageId = region.page.id;
    await tx.$queryRaw`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    // The region may have been linked (or deleted) since it was read.
    const current = await tx.region.findUnique({ where: { id: regionId }, select: { placementId: true } });
    if (!current) throw pageError("NOT_FOUND", "regionNotFound");
    if (current.placementId) throw pageError("INVALID_STATE", "regionHasStory");
    const article = await insertStory(tx, actor, {
      headline,
      body: bodyFromBlocks(paragraphs.map((paragraph) => ({ type: "paragraph" as const, text: paragraph }))),
    });
    const last = await tx.placement.aggregate({ where: { pageId }, _max: { position: true } });
    const placement = await tx.placement.create({
      data: { pageId, articleId: article.id, position: (last._max.position ?? 0) + 1, part: 1 },
      select: { id: true },
    });
    await tx.region.update({ where: { id: regionId }, data: { placementId: placement.id, moved: false } });
    // Again, now that it is placed (its page name and date).
    await reindexArticles(tx, [article.id]);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "story.create_from_region", entityType: "article", entityId: article.id, data: { regionId, pageId, placementId: placement.id } },
    });
    return { articleId: article.id, placementId: placement.id };
  });
}

/**
 * Headline and paragraphs from a region's text: the detected headline, else the
 * first line; the headline's own line is not repeated in the body. Paragraphs
 * are split on line breaks (the PDF's text blocks come one per line).
 */
export function storyTextFrom(text: string, extractedHeadline: string | null): { headline: string; paragraphs: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const headline = (extractedHeadline?.trim() || lines[0] || "").slice(0, 200);
  const compact = (value: string) => value.replace(/\s+/g, "");
  const paragraphs = lines.filter((line, index) => !(compact(line) === compact(headline) && index < 3));
  return { headline, paragraphs };
}
