import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { storeAsset } from "@/lib/media/store-asset";
import type { Storage } from "@/lib/storage/storage";
import { MAX_PAGE_PDF_BYTES, pageError } from "./page-errors";
import { assertPagePdfReplaceable, isLivePage, type PageState } from "./page-pdf-replacement";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { cleanFileName } from "@/lib/http/upload-headers";

export interface UploadPagePdfResult {
  pageId: string;
  assetId: string;
  renderStatus: "PENDING";
}

/**
 * Takes a new PDF for a page: permission, size (declared, then counted while
 * reading), "%PDF-" signature; then the file is stored as a PAGE_PDF asset and
 * the page is marked PENDING with it as `pendingPdfAsset`, audited. The page's
 * current PDF and image stay until the render worker (render-worker.ts) has
 * made the new image, so readers and editors never see a page without one.
 * A page readers see (published, in a published edition) is refused before
 * the body is read, and again under the page's row lock (publishing may come
 * in between): it is withdrawn first (page-pdf-replacement.ts). The refusal is
 * audited (`page.pdf_refused`).
 */
export async function uploadPagePdf(options: {
  db: Db;
  storage: Storage;
  actor: Actor;
  pageId: string;
  body: ReadableStream<Uint8Array>;
  declaredSize?: number | null;
  originalName?: string | null;
  limit?: number;
}): Promise<UploadPagePdfResult> {
  const { db, actor, pageId } = options;
  const limit = options.limit ?? MAX_PAGE_PDF_BYTES;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: pageId });
  const page = await db.page.findUnique({ where: { id: pageId }, select: pageStateSelect });
  if (!page) {
    await options.body.cancel().catch(() => {});
    throw pageError("NOT_FOUND", "pageNotFound");
  }
  try {
    assertPagePdfReplaceable(page);
  } catch (error) {
    await options.body.cancel().catch(() => {});
    await auditRefusal(db, actor, pageId, page);
    throw error;
  }
  if (options.declaredSize != null && options.declaredSize > limit) {
    await options.body.cancel().catch(() => {});
    throw pageError("FILE_TOO_LARGE", "tooLarge");
  }
  const data = await readLimitedBody(options.body, limit, () => pageError("FILE_TOO_LARGE", "tooLarge"));
  if (data.length === 0) throw pageError("INVALID_INPUT", "empty");
  // PDF readers accept the signature anywhere in the first kilobyte.
  if (!data.subarray(0, 1024).includes("%PDF-")) throw pageError("UNSUPPORTED_FILE", "notPdf");

  const originalName = cleanFileName(options.originalName);
  const assetId = await storeAsset({ db, storage: options.storage, actorId: actor.id, data, mimeType: "application/pdf", kind: "PAGE_PDF", originalName: originalName ?? undefined });

  const refused = await db.$transaction(async (tx) => {
    // Publishing writes the page row too: it committed first, or waits for this upload.
    await tx.$queryRaw`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    const current = await tx.page.findUnique({ where: { id: pageId }, select: pageStateSelect });
    if (!current) throw pageError("NOT_FOUND", "pageNotFound");
    // (The stored file stays, unreferenced: content-addressed, it may be another row's.)
    if (isLivePage(current)) return current;
    await tx.page.update({
      where: { id: pageId },
      data: { pendingPdfAssetId: assetId, renderStatus: "PENDING", renderError: null, renderAttempts: 0 },
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.pdf_upload", entityType: "page", entityId: pageId, data: { assetId, originalName, bytes: data.length } },
    });
    return null;
  });
  if (refused) {
    await auditRefusal(db, actor, pageId, refused);
    assertPagePdfReplaceable(refused);
  }
  return { pageId, assetId, renderStatus: "PENDING" };
}

const pageStateSelect = { number: true, status: true, edition: { select: { status: true } } } as const;

/** A new PDF refused for a page readers see, in the audit log (outside any refused transaction). */
async function auditRefusal(db: Db, actor: Actor, pageId: string, page: PageState) {
  await db.auditLog.create({
    data: { actorId: actor.id, action: "page.pdf_refused", entityType: "page", entityId: pageId, data: { number: page.number, reason: "published" } },
  });
}
