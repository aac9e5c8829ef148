import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { reindexArticles, reindexPageArticles } from "@/lib/search/index-article";
import { compactParts, isUniqueViolation, lockEditionForPlanning, lockEditionOfPage, MAX_PAGES, nextFreeNumber, pageNumberFor, parsePageName, parsePageNumber, writePagePositions } from "./plan-rules";

// Adding, removing, renaming and reordering the pages of an edition being
// planned. Every command checks `edition.plan`, locks the edition, refuses a
// published edition (withdraw it first) and writes its audit row in the same
// transaction.
//
// Page numbers are what readers see in URLs (/2031-05-12/A05), so reordering
// keeps every page's number and changes only the order; `renumberSection`
// renumbers a section by the new order (A01, A02…) when the editor asks for it.

const duplicateNumber = (number: string) =>
  new AppError("CONFLICT", { "zh-CN": `这一期已经有 ${number} 版了，请换一个版号。`, en: `This edition already has a page ${number}.` });

/** Adds a page (default: at the end, the next free number of the last page's section). */
export async function addPage(options: { db: Db; actor: Actor; editionId: string; name: string; number?: string; pageNameId?: string | null; position?: number }) {
  const { db, actor, editionId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition", entityId: editionId });
  const name = parsePageName(options.name);
  const wanted = options.number?.trim() ? parsePageNumber(options.number) : null;
  try {
    return await db.$transaction(async (tx) => {
      const edition = await lockEditionForPlanning(tx, editionId);
      const pages = await tx.page.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { id: true, number: true, section: true } });
      if (pages.length >= MAX_PAGES) throw new AppError("INVALID_STATE", { "zh-CN": `一期最多 ${MAX_PAGES} 个版面。`, en: `An edition has at most ${MAX_PAGES} pages.` });
      const numbers = pages.map((page) => page.number);
      const number = wanted?.number ?? nextFreeNumber(pages.at(-1)?.section ?? "A", numbers);
      if (numbers.includes(number)) throw duplicateNumber(number);
      let pageNameId = options.pageNameId ?? null;
      if (pageNameId && !(await tx.pageName.findFirst({ where: { id: pageNameId, publicationId: edition.publicationId }, select: { id: true } }))) {
        throw new AppError("INVALID_INPUT", { "zh-CN": "所选的版名不存在。", en: "The chosen page name does not exist." });
      }
      pageNameId ??= (await tx.pageName.findFirst({ where: { publicationId: edition.publicationId, name }, select: { id: true } }))?.id ?? null;
      const at = Math.min(Math.max(options.position ?? pages.length + 1, 1), pages.length + 1);
      const page = await tx.page.create({
        data: { editionId, number, section: parsePageNumber(number).section, position: at, name, pageNameId },
        select: { id: true, number: true, name: true },
      });
      const order = pages.map((existing) => existing.id);
      order.splice(at - 1, 0, page.id);
      await writePagePositions(tx, order);
      await tx.auditLog.create({ data: { actorId: actor.id, action: "page.add", entityType: "page", entityId: page.id, data: { editionId, number, name, position: at } } });
      return page;
    });
  } catch (error) {
    if (isUniqueViolation(error) && wanted) throw duplicateNumber(wanted.number);
    throw error;
  }
}

/**
 * Removes a page. Its stories are not deleted: their placements on this page go
 * (they show up again as unplaced), and an article continued (转版) from or to
 * this page keeps its other parts, renumbered 1…
 */
export async function removePage(options: { db: Db; actor: Actor; pageId: string }) {
  const { db, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: pageId });
  return db.$transaction(async (tx) => {
    const edition = await lockEditionOfPage(tx, pageId);
    const page = await tx.page.findUniqueOrThrow({ where: { id: pageId }, select: { number: true, name: true, placements: { select: { articleId: true } } } });
    const remaining = await tx.page.count({ where: { editionId: edition.id } });
    if (remaining <= 1) throw new AppError("INVALID_STATE", { "zh-CN": "一期至少要有一个版面，不能删除最后一版。", en: "An edition needs at least one page; the last one cannot be removed." });
    await tx.page.delete({ where: { id: pageId } });
    for (const { articleId } of page.placements) await compactParts(tx, articleId);
    await reindexArticles(tx, page.placements.map((placement) => placement.articleId));
    const order = await tx.page.findMany({ where: { editionId: edition.id }, orderBy: { position: "asc" }, select: { id: true } });
    await writePagePositions(tx, order.map((row) => row.id));
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.remove", entityType: "page", entityId: pageId, data: { editionId: edition.id, number: page.number, name: page.name, unplacedArticles: page.placements.map((p) => p.articleId) } },
    });
    return { number: page.number, unplaced: page.placements.length };
  });
}

/**
 * Renames a page (版名) and, when asked, changes its number. The page is linked
 * to the standing page name of the same name if there is one (feeds per page
 * name follow it), otherwise to none.
 */
export async function renamePage(options: { db: Db; actor: Actor; pageId: string; name: string; number?: string }) {
  const { db, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: pageId });
  const name = parsePageName(options.name);
  const wanted = options.number?.trim() ? parsePageNumber(options.number) : null;
  try {
    return await db.$transaction(async (tx) => {
      const edition = await lockEditionOfPage(tx, pageId);
      const before = await tx.page.findUniqueOrThrow({ where: { id: pageId }, select: { name: true, number: true } });
      const number = wanted?.number ?? before.number;
      if (number !== before.number && (await tx.page.findFirst({ where: { editionId: edition.id, number }, select: { id: true } }))) throw duplicateNumber(number);
      if (name === before.name && number === before.number) return { number, name, changed: false };
      const pageName = await tx.pageName.findFirst({ where: { publicationId: edition.publicationId, name }, select: { id: true } });
      await tx.page.update({ where: { id: pageId }, data: { name, number, section: parsePageNumber(number).section, pageNameId: pageName?.id ?? null } });
      // The page name is a search filter of the stories on it.
      if (name !== before.name) await reindexPageArticles(tx, [pageId]);
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "page.rename", entityType: "page", entityId: pageId, data: { editionId: edition.id, from: { name: before.name, number: before.number }, to: { name, number } } },
      });
      return { number, name, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error) && wanted) throw duplicateNumber(wanted.number);
    throw error;
  }
}

/**
 * Puts the edition's pages in the given order (every page exactly once; a list
 * made from a stale page is refused). Numbers do not change.
 */
export async function reorderPages(options: { db: Db; actor: Actor; editionId: string; pageIds: string[] }) {
  const { db, actor, editionId, pageIds } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition", entityId: editionId });
  return db.$transaction(async (tx) => {
    await lockEditionForPlanning(tx, editionId);
    const pages = await tx.page.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { id: true, number: true } });
    const known = new Set(pages.map((page) => page.id));
    if (pageIds.length !== pages.length || new Set(pageIds).size !== pageIds.length || !pageIds.every((id) => known.has(id))) {
      throw new AppError("CONFLICT", { "zh-CN": "版面已被他人修改，请刷新页面后再排序。", en: "The pages changed meanwhile. Reload the page and reorder again." });
    }
    if (pageIds.every((id, index) => pages[index]?.id === id)) return { changed: false };
    await writePagePositions(tx, pageIds);
    const numberOf = new Map(pages.map((page) => [page.id, page.number]));
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.reorder", entityType: "edition", entityId: editionId, data: { from: pages.map((page) => page.number), to: pageIds.map((id) => numberOf.get(id) ?? id) } },
    });
    return { changed: true };
  });
}

/** Moves one page up or down by one (the keyboard and no-JavaScript alternative to dragging). */
export async function movePage(options: { db: Db; actor: Actor; pageId: string; direction: "up" | "down" }) {
  const { db, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: pageId });
  const page = await db.page.findUnique({ where: { id: pageId }, select: { editionId: true } });
  if (!page) throw new AppError("NOT_FOUND");
  const order = (await db.page.findMany({ where: { editionId: page.editionId }, orderBy: { position: "asc" }, select: { id: true } })).map((row) => row.id);
  const from = order.indexOf(pageId);
  const to = options.direction === "up" ? from - 1 : from + 1;
  if (to < 0 || to >= order.length) return { changed: false };
  order.splice(to, 0, ...order.splice(from, 1));
  return reorderPages({ db, actor, editionId: page.editionId, pageIds: order });
}

/**
 * Renumbers the pages of one section by their order: the first A page becomes
 * A01, the next A02… (in two steps, so the (edition, number) unique index never
 * sees a duplicate).
 */
export async function renumberSection(options: { db: Db; actor: Actor; editionId: string; section: string }) {
  const { db, actor, editionId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "edition", entityId: editionId });
  const section = options.section.trim().toUpperCase();
  return db.$transaction(async (tx) => {
    await lockEditionForPlanning(tx, editionId);
    const pages = await tx.page.findMany({ where: { editionId, section }, orderBy: { position: "asc" }, select: { id: true, number: true } });
    if (pages.length === 0) throw new AppError("INVALID_INPUT", { "zh-CN": `这一期没有 ${section} 叠的版面。`, en: `This edition has no section ${section} pages.` });
    const renumbered = pages.map((page, index) => ({ ...page, to: pageNumberFor(section, index + 1) }));
    const changes = renumbered.filter((page) => page.number !== page.to);
    if (changes.length === 0) return { changed: 0 };
    for (const page of changes) await tx.page.update({ where: { id: page.id }, data: { number: `~${page.id}` } });
    for (const page of changes) await tx.page.update({ where: { id: page.id }, data: { number: page.to } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.renumber", entityType: "edition", entityId: editionId, data: { section, changes: changes.map((page) => ({ from: page.number, to: page.to })) } },
    });
    return { changed: changes.length };
  });
}
