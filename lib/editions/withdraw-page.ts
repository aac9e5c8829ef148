import type { Db, Tx } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { isoEditionDate } from "@/lib/time/edition-date";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import { pageNumberError } from "@/lib/pages/page-errors";
import { reindexPageArticles } from "@/lib/search/index-article";

// 撤版 of a single page: a page with a legal or factual problem comes off the
// reader site while the rest of the edition stays. The edition's row is locked
// (as planning and publishing lock it), so two editors withdrawing the last two
// pages at once cannot leave a published edition with none.

async function lockPage(tx: Tx, pageId: string) {
  const page = await tx.page.findUnique({ where: { id: pageId }, select: { editionId: true } });
  if (!page) throw new AppError("NOT_FOUND");
  await tx.$queryRaw`SELECT id FROM editions WHERE id = ${page.editionId}::uuid FOR UPDATE`;
  return tx.page.findUniqueOrThrow({ where: { id: pageId }, include: { edition: { select: { id: true, status: true, publicationId: true, date: true } } } });
}

/** Takes one published page off the reader site; the reason is kept in the audit log. */
export async function withdrawPage(options: { db: Db; actor: Actor; pageId: string; reason: string }) {
  const { db, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.withdraw", entityType: "page", entityId: pageId });
  const reason = options.reason.trim();
  if (!reason) throw new AppError("INVALID_INPUT", { "zh-CN": "请填写撤版原因。", en: "Give a reason for the withdrawal." });

  const page = await db.$transaction(async (tx) => {
    const current = await lockPage(tx, pageId);
    if (current.status !== "PUBLISHED" || current.edition.status !== "PUBLISHED") {
      throw new AppError("INVALID_STATE", { "zh-CN": `第${current.number}版没有发布，无需撤版。`, en: `Page ${current.number} is not published.` });
    }
    const others = await tx.page.count({ where: { editionId: current.editionId, status: "PUBLISHED", id: { not: pageId } } });
    if (others === 0) {
      throw new AppError("INVALID_STATE", {
        "zh-CN": `第${current.number}版是这一期最后一个已发布的版面，请撤下整期。`,
        en: `Page ${current.number} is the last published page of this edition: withdraw the whole edition instead.`,
      });
    }
    await tx.page.update({ where: { id: pageId }, data: { status: "WITHDRAWN" } });
    await reindexPageArticles(tx, [pageId]);
    await tx.auditLog.create({ data: { actorId: actor.id, action: "page.withdraw", entityType: "page", entityId: pageId, data: { number: current.number, reason } } });
    return current;
  });
  await publishReaderChange({ kind: "edition", publicationId: page.edition.publicationId, date: isoEditionDate(page.edition.date) });
  return { number: page.number };
}

/**
 * Brings a withdrawn page back. In a published edition it is published again at
 * once, with the stories on it that are ready, and its reader files are
 * rendered again (so a PDF replaced while it was withdrawn reaches readers
 * now, with the PDF and image it goes out with in the audit entry); otherwise
 * it goes back to planning and is published with its edition. Refused while a
 * new PDF of the page is still being rendered.
 */
export async function republishPage(options: { db: Db; actor: Actor; pageId: string; now?: Date }) {
  const { db, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.publish", entityType: "page", entityId: pageId });
  const now = options.now ?? new Date();

  const result = await db.$transaction(async (tx) => {
    const current = await lockPage(tx, pageId);
    if (current.status !== "WITHDRAWN") {
      throw new AppError("INVALID_STATE", { "zh-CN": `第${current.number}版没有被撤下。`, en: `Page ${current.number} is not withdrawn.` });
    }
    // A new PDF whose image or regions are still being made would change the page after readers got it back.
    if (current.renderStatus === "PENDING") throw pageNumberError("INVALID_STATE", "renderPending", current.number);
    const live = current.edition.status === "PUBLISHED";
    await tx.page.update({ where: { id: pageId }, data: { status: live ? "PUBLISHED" : "PLANNING" } });
    const articles = live
      ? await tx.article.updateMany({
          where: { status: "READY", placements: { some: { pageId } } },
          data: { status: "PUBLISHED", publishedAt: now, publishedById: actor.id },
        })
      : { count: 0 };
    await reindexPageArticles(tx, [pageId]);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.republish", entityType: "page", entityId: pageId, data: { number: current.number, live, articlesPublished: articles.count, pdfAssetId: current.pdfAssetId, imageAssetId: current.imageAssetId } },
    });
    return { number: current.number, live, publicationId: current.edition.publicationId, date: isoEditionDate(current.edition.date) };
  });
  if (result.live) await publishReaderChange({ kind: "edition", publicationId: result.publicationId, date: result.date });
  return { number: result.number, live: result.live };
}
