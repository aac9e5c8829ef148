import { bodyFromBlocks } from "@/lib/articles/body";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { parsePrintedByline } from "@/lib/people/printed-byline";
import { readStoryParts, type StoryParts } from "@/lib/regions/story-parts";
import { reindexArticles } from "@/lib/search/index-article";
import { insertStory } from "@/lib/stories/create-story";
import type { StoryContentInput } from "@/lib/stories/story-content";
import { pageError } from "./page-errors";

export interface CreateStoryFromRegionResult {
  articleId: string;
  placementId: string;
}

/**
 * A page holds a story the system does not have yet: a draft (草稿) is made
 * from its region's extracted text, placed on the page after its other stories
 * (part 1) and linked to the region. The editor corrects it before publishing.
 * With the region's story parts (`extracted_parts`): kicker, headline, subtitle
 * and paragraphs go to their own fields and the printed byline to free-form
 * bylines (see `storyFromParts`); without (regions detected before parts were
 * kept): headline and paragraphs from the plain text (`storyTextFrom`).
 */
export async function createStoryFromRegion(options: { db: Db; actor: Actor; regionId: string }): Promise<CreateStoryFromRegionResult> {
  const { db, actor, regionId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "region", entityId: regionId });
  const region = await db.region.findUnique({
    where: { id: regionId },
    select: { placementId: true, extractedText: true, extractedHeadline: true, extractedParts: true, page: { select: { id: true } } },
  });
  if (!region) throw pageError("NOT_FOUND", "regionNotFound");
  if (region.placementId) throw pageError("INVALID_STATE", "regionHasStory");
  const text = region.extractedText?.trim() ?? "";
  const parts = readStoryParts(region.extractedParts);
  const content = parts && (parts.headline.trim() || parts.paragraphs.length > 0) ? storyFromParts(parts, region.extractedHeadline) : null;
  if (!content && !text && !region.extractedHeadline?.trim()) throw pageError("INVALID_STATE", "regionNoText");
  await assertCan({ db, actor, action: "story.create", entityType: "article" });

  // The story, its placement and the region's link in one transaction: a failure leaves no stray draft.
  return db.$transaction(async (tx) => {
    const pageId = region.page.id;
    await tx.$queryRaw`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    // The region may have been linked (or deleted) since it was read.
    const current = await tx.region.findUnique({ where: { id: regionId }, select: { placementId: true } });
    if (!current) throw pageError("NOT_FOUND", "regionNotFound");
    if (current.placementId) throw pageError("INVALID_STATE", "regionHasStory");
    const article = await insertStory(tx, actor, content ?? storyFromText(text, region.extractedHeadline));
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

const paragraphsBody = (paragraphs: readonly string[]) => bodyFromBlocks(paragraphs.map((paragraph) => ({ type: "paragraph" as const, text: paragraph })));
const cut = (value: string | null, max: number) => (value?.trim() ? value.trim().slice(0, max) : null);

function storyFromText(text: string, extractedHeadline: string | null): StoryContentInput {
  const { headline, paragraphs } = storyTextFrom(text, extractedHeadline);
  return { headline, body: paragraphsBody(paragraphs) };
}

/**
 * Written into the story's editorial note (staff only): in the paper's
 * language, like the story's own text, not in the reader's dashboard language.
 */
export const FROM_REGION_NOTES = {
  caption: (caption: string) => `版面图片说明：${caption}`,
  byline: (byline: string) => `版面署名：${byline}（未能识别为署名，请在“署名”中填写）`,
};

/**
 * A story's fields from a region's parts. The byline line becomes free-form
 * bylines (no person; the printed form kept as their display) when it reads
 * as bylines ("□江门日报记者/何榕 通讯员/江宣"); otherwise it goes into the
 * editorial note as printed. Photo captions are not body text: they are listed
 * in the editorial note ("版面图片说明：…") for whoever attaches the photos.
 */
export function storyFromParts(parts: StoryParts, extractedHeadline: string | null): StoryContentInput {
  const printedByline = parts.byline?.trim() || null;
  const bylines = printedByline ? parsePrintedByline(printedByline) : null;
  const notes = [
    ...(printedByline && !bylines ? [FROM_REGION_NOTES.byline(printedByline)] : []),
    ...parts.captions.map((caption) => caption.trim()).filter(Boolean).map(FROM_REGION_NOTES.caption),
  ];
  const headline = parts.headline.trim() || extractedHeadline?.trim() || parts.paragraphs[0]?.trim() || "";
  const paragraphs = parts.headline.trim() || extractedHeadline?.trim() ? parts.paragraphs : parts.paragraphs.slice(1);
  return {
    kicker: cut(parts.kicker, 200),
    headline: headline.slice(0, 200),
    subtitle: cut(parts.subtitle, 300),
    body: paragraphsBody(paragraphs),
    editorialNote: cut(notes.join("\n"), 5000),
    bylines: (bylines ?? []).map((byline) => ({ personId: null, ...byline })),
  };
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
