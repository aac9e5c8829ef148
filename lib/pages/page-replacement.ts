import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db, Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { isoEditionDate } from "@/lib/time/edition-date";
import { publishReaderChange } from "@/lib/reader-files/publish-reader-change";
import type { FoundRegions } from "@/lib/regions/find-regions";
import { writePageRegions } from "@/lib/regions/write-page-regions";
import type { Storage } from "@/lib/storage/storage";
import { pageError, pageNumberError } from "./page-errors";
import { isLivePage } from "./page-pdf-replacement";
import { removeUnusedAssets } from "@/lib/media/remove-unused-assets";

// A new PDF for a page readers see waits beside the page (replacementPdfAsset,
// replacementImageAsset and its pre-flight, made by the render worker) until an
// editor decides: apply it (替换并重新发布) or discard it (放弃). Until then
// readers, the page editor's regions and the page's files are as they were.

/** What happens to the page's regions when a replacement is applied. */
export type ReplacementRegions = "keep" | "detect";

async function lockedPage(tx: Tx, pageId: string) {
  await tx.$queryRaw`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
  return tx.page.findUnique({
    where: { id: pageId },
    select: {
      number: true,
      status: true,
      renderStatus: true,
      pdfAssetId: true,
      imageAssetId: true,
      replacementPdfAssetId: true,
      replacementImageAssetId: true,
      edition: { select: { status: true, publicationId: true, date: true } },
    },
  });
}

/**
 * Applies the replacement waiting for a page: its PDF and image become the
 * page's, in one transaction with its regions, which are either kept as they
 * are or replaced by the ones the render worker found in the new PDF (the
 * re-upload rules: stories found where they were keep their region, MANUAL
 * regions are never touched).
 * Audited `page.pdf_replace`. A page readers see has its reader files rendered
 * again (its page view, the edition's other views listing it), so readers get
 * the new image at once. Needs the permission to publish; refused while a newer
 * upload of the page is still rendering (the editor would apply a PDF about to
 * be superseded).
 */
export async function applyPageReplacement(options: { db: Db; actor: Actor; pageId: string; regions: ReplacementRegions; expectedPdfAssetId?: string }) {
  const { db, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.publish", entityType: "page", entityId: pageId });
  const waiting = await db.page.findUnique({ where: { id: pageId }, select: { replacementPdfAsset: { select: { id: true } }, replacementRegions: true } });
  if (!waiting) throw pageError("NOT_FOUND", "pageNotFound");
  const pdfAsset = waiting.replacementPdfAsset;
  if (!pdfAsset || (options.expectedPdfAssetId && options.expectedPdfAssetId !== pdfAsset.id)) throw pageError("CONFLICT", "noReplacement");

  let applied: { number: string; live: boolean; publicationId: string; date: string } | undefined;
  const swap = async (tx: Tx) => {
    const page = await lockedPage(tx, pageId);
    if (!page) throw pageError("NOT_FOUND", "pageNotFound");
    // Applied, discarded or superseded by someone else since it was read.
    if (page.replacementPdfAssetId !== pdfAsset.id || !page.replacementImageAssetId) throw pageError("CONFLICT", "noReplacement");
    if (page.renderStatus === "PENDING") throw pageNumberError("INVALID_STATE", "renderPending", page.number);
    await tx.page.update({
      where: { id: pageId },
      data: { pdfAssetId: page.replacementPdfAssetId, imageAssetId: page.replacementImageAssetId, replacementPdfAssetId: null, replacementImageAssetId: null, replacementCheck: Prisma.DbNull, replacementRegions: Prisma.DbNull },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "page.pdf_replace",
        entityType: "page",
        entityId: pageId,
        data: {
          number: page.number,
          regions: options.regions,
          live: isLivePage(page),
          from: { pdfAssetId: page.pdfAssetId, imageAssetId: page.imageAssetId },
          to: { pdfAssetId: page.replacementPdfAssetId, imageAssetId: page.replacementImageAssetId },
        },
      },
    });
    applied = { number: page.number, live: isLivePage(page), publicationId: page.edition.publicationId, date: isoEditionDate(page.edition.date) };
  };

  if (options.regions === "detect") {
    // The regions the worker found in the new PDF, written in the transaction that swaps it in.
    const found = readFoundRegions(waiting.replacementRegions);
    if (!found) throw pageError("CONFLICT", "noReplacement");
    await writePageRegions({ db, pageId, result: found, alsoInTransaction: swap });
  } else {
    await db.$transaction(swap);
  }
  const result = applied!;
  if (result.live) await publishReaderChange({ kind: "edition", publicationId: result.publicationId, date: result.date });
  return { number: result.number, live: result.live };
}

/** The stored result of findRegions, or null when it is not one (written by the render worker). */
function readFoundRegions(value: unknown): FoundRegions | null {
  if (!value || typeof value !== "object" || !Array.isArray((value as { regions?: unknown }).regions)) return null;
  return value as FoundRegions;
}

/** Discards the replacement waiting for a page and deletes its files when nothing else uses them; audited `page.pdf_discard`. */
export async function discardPageReplacement(options: { db: Db; storage: Storage; actor: Actor; pageId: string }) {
  const { db, storage, actor, pageId } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: pageId });
  const discarded = await db.$transaction(async (tx) => {
    const page = await lockedPage(tx, pageId);
    if (!page) throw pageError("NOT_FOUND", "pageNotFound");
    if (!page.replacementPdfAssetId) throw pageError("CONFLICT", "noReplacement");
    await tx.page.update({ where: { id: pageId }, data: { replacementPdfAssetId: null, replacementImageAssetId: null, replacementCheck: Prisma.DbNull, replacementRegions: Prisma.DbNull } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.pdf_discard", entityType: "page", entityId: pageId, data: { number: page.number, pdfAssetId: page.replacementPdfAssetId, imageAssetId: page.replacementImageAssetId } },
    });
    return { number: page.number, assetIds: [page.replacementPdfAssetId, page.replacementImageAssetId].filter((id): id is string => id !== null) };
  });
  await removeUnusedAssets({ db, storage, assetIds: discarded.assetIds });
  return { number: discarded.number };
}
