import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { isoEditionDate } from "@/lib/time/edition-date";
import { AppError } from "@/lib/errors/app-error";
import { reindexArticles } from "@/lib/search/index-article";
import { compactParts, lockEditionForPlanning, writePlacementPositions } from "./plan-rules";

// Stories on pages: place, move within or between the pages of an edition,
// continue on another page (转版: part 2, 3…), take off a page. Positions on a
// page are always 1..n; an article's parts are always 1..k. Every command checks
// `edition.plan`, locks the edition (refusing a published one) and writes its
// audit row in the same transaction.

const pageGone = () => new AppError("NOT_FOUND", { "zh-CN": "找不到这个版面，可能已被删除。请刷新页面。", en: "This page no longer exists. Reload the page." });
const placementGone = () =>
  new AppError("CONFLICT", { "zh-CN": "这篇稿件已不在这个位置，可能刚被他人移动。请刷新页面。", en: "The story is no longer there; someone may have moved it. Reload the page." });

/** The page, its edition locked for planning. */
async function lockPage(tx: Tx, pageId: string) {
  const page = await tx.page.findUnique({ where: { id: pageId }, select: { id: true, editionId: true, number: true } });
  if (!page) throw pageGone();
  const edition = await lockEditionForPlanning(tx, page.editionId);
  return { ...page, edition };
}

async function pageOrder(tx: Tx, pageId: string) {
  return (await tx.placement.findMany({ where: { pageId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true } })).map((row) => row.id);
}

/** `id` inserted into `order` at 1-based `position` (clamped; default: the end). */
function insertAt(order: string[], id: string, position?: number) {
  const at = Math.min(Math.max((position ?? order.length + 1) - 1, 0), order.length);
  const next = order.filter((existing) => existing !== id);
  next.splice(Math.min(at, next.length), 0, id);
  return next;
}

async function placeableArticle(tx: Tx, articleId: string, publicationId: string) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: { id: true, headline: true, status: true, publicationId: true, placements: { orderBy: { part: "asc" }, select: { id: true, part: true, pageId: true, page: { select: { number: true, editionId: true, edition: { select: { date: true } } } } } } },
  });
  if (!article || article.publicationId !== publicationId) throw new AppError("NOT_FOUND", { "zh-CN": "找不到这篇稿件。", en: "The story was not found." });
  if (article.status === "KILLED") throw new AppError("INVALID_STATE", { "zh-CN": "这篇稿件已撤稿，不能上版。", en: "This story was killed; it cannot go on a page." });
  return article;
}

/** Places an unplaced story on a page at `position` (default: last); it starts there (part 1). */
export async function placeStory(options: { db: Db; actor: Actor; pageId: string; articleId: string; position?: number }) {
  const { db, actor, pageId, articleId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "article", entityId: articleId });
  return db.$transaction(async (tx) => {
    const page = await lockPage(tx, pageId);
    const article = await placeableArticle(tx, articleId, page.edition.publicationId);
    const first = article.placements[0];
    if (first) {
      throw new AppError("CONFLICT", {
        "zh-CN": `这篇稿件已在 ${isoEditionDate(first.page.edition.date)} ${first.page.number} 版上；请在版面规划里移动它。`,
        en: `This story is already on page ${first.page.number} of ${isoEditionDate(first.page.edition.date)}; move it instead.`,
      });
    }
    const order = await pageOrder(tx, pageId);
    const placement = await tx.placement.create({ data: { articleId, pageId, position: order.length + 1, part: 1 }, select: { id: true } });
    const next = insertAt(order, placement.id, options.position);
    await writePlacementPositions(tx, next);
    const position = next.indexOf(placement.id) + 1;
    // Its edition date and page name are search filters.
    await reindexArticles(tx, [articleId]);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "story.place", entityType: "article", entityId: articleId, data: { editionId: page.editionId, pageId, page: page.number, position, part: 1 } },
    });
    return { placementId: placement.id, page: page.number, position };
  });
}

/**
 * Moves a placement to `position` on `pageId` (the same page: a new order; another
 * page of the same edition: it leaves the old page, whose stories close up).
 * An article cannot be twice on one page.
 */
export async function moveStory(options: { db: Db; actor: Actor; placementId: string; pageId: string; position?: number }) {
  const { db, actor, placementId, pageId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "placement", entityId: placementId });
  return db.$transaction(async (tx) => {
    const target = await lockPage(tx, pageId);
    const placement = await tx.placement.findUnique({ where: { id: placementId }, select: { id: true, articleId: true, part: true, pageId: true, position: true, page: { select: { editionId: true, number: true } } } });
    if (!placement) throw placementGone();
    if (placement.page.editionId !== target.editionId) {
      throw new AppError("INVALID_INPUT", { "zh-CN": "稿件只能在同一期的版面之间移动。", en: "A story can only move between pages of the same edition." });
    }
    if (placement.pageId !== pageId && (await tx.placement.findUnique({ where: { pageId_articleId: { pageId, articleId: placement.articleId } }, select: { id: true } }))) {
      throw new AppError("INVALID_STATE", { "zh-CN": `这篇稿件已经在 ${target.number} 版上（转版），不能再放一次。`, en: `This story is already on page ${target.number} (continued).` });
    }
    if (placement.pageId !== pageId) {
      await tx.placement.update({ where: { id: placementId }, data: { pageId } });
      await writePlacementPositions(tx, await pageOrder(tx, placement.pageId));
      // Regions belong to the old page's image: they no longer describe this placement.
      await tx.region.updateMany({ where: { placementId }, data: { placementId: null } });
    }
    const order = (await pageOrder(tx, pageId)).filter((id) => id !== placementId);
    const next = insertAt(order, placementId, options.position);
    await writePlacementPositions(tx, next);
    const position = next.indexOf(placementId) + 1;
    if (placement.pageId === pageId && position === placement.position) return { page: target.number, position, changed: false };
    await reindexArticles(tx, [placement.articleId]);
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "story.move",
        entityType: "article",
        entityId: placement.articleId,
        data: { editionId: target.editionId, part: placement.part, from: { page: placement.page.number, position: placement.position }, to: { page: target.number, position } },
      },
    });
    return { page: target.number, position, changed: true };
  });
}

/** Continues (转版) a placed story on another page of its edition: the next part, at `position` (default: last). */
export async function continueStory(options: { db: Db; actor: Actor; articleId: string; pageId: string; position?: number }) {
  const { db, actor, articleId, pageId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "article", entityId: articleId });
  return db.$transaction(async (tx) => {
    const page = await lockPage(tx, pageId);
    const article = await placeableArticle(tx, articleId, page.edition.publicationId);
    const last = article.placements.at(-1);
    if (!last) throw new AppError("INVALID_STATE", { "zh-CN": "这篇稿件还没有上版，先把它放到起始版面。", en: "Place the story on its first page before continuing it." });
    if (last.page.editionId !== page.editionId) {
      throw new AppError("INVALID_INPUT", { "zh-CN": "转版只能转到同一期的版面。", en: "A story can only continue on a page of the same edition." });
    }
    if (article.placements.some((placement) => placement.pageId === pageId)) {
      throw new AppError("INVALID_STATE", { "zh-CN": `这篇稿件已经在 ${page.number} 版上，请选另一个版面。`, en: `This story is already on page ${page.number}; choose another page.` });
    }
    const part = last.part + 1;
    const order = await pageOrder(tx, pageId);
    const placement = await tx.placement.create({ data: { articleId, pageId, position: order.length + 1, part }, select: { id: true } });
    const next = insertAt(order, placement.id, options.position);
    await writePlacementPositions(tx, next);
    const position = next.indexOf(placement.id) + 1;
    await reindexArticles(tx, [articleId]);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "story.continue", entityType: "article", entityId: articleId, data: { editionId: page.editionId, pageId, page: page.number, position, part } },
    });
    return { placementId: placement.id, page: page.number, position, part };
  });
}

/**
 * Takes a placement off its page; the page's other stories close up. Taking off
 * where a continued story starts makes its next part the start (parts renumbered).
 * The story itself is untouched.
 */
export async function unplaceStory(options: { db: Db; actor: Actor; placementId: string }) {
  const { db, actor, placementId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "placement", entityId: placementId });
  return db.$transaction(async (tx) => {
    const found = await tx.placement.findUnique({ where: { id: placementId }, select: { pageId: true } });
    if (!found) throw placementGone();
    const page = await lockPage(tx, found.pageId);
    const placement = await tx.placement.findUnique({ where: { id: placementId }, select: { articleId: true, part: true, position: true } });
    if (!placement) throw placementGone();
    await tx.placement.delete({ where: { id: placementId } });
    await writePlacementPositions(tx, await pageOrder(tx, page.id));
    await compactParts(tx, placement.articleId);
    await reindexArticles(tx, [placement.articleId]);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "story.unplace", entityType: "article", entityId: placement.articleId, data: { editionId: page.editionId, pageId: page.id, page: page.number, position: placement.position, part: placement.part } },
    });
    return { page: page.number };
  });
}
