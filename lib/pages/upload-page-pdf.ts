import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { storeAsset } from "@/lib/media/store-asset";
import type { Storage } from "@/lib/storage/storage";
import { MAX_PAGE_PDF_BYTES, pageError } from "./page-errors";
import { isLivePage } from "./page-pdf-replacement";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { cleanFileName } from "@/lib/http/upload-headers";

export interface UploadPagePdfResult {
  pageId: string;
  assetId: string;
  renderStatus: "PENDING";
  /** The page is one readers see: the PDF becomes a replacement waiting for an editor, not the page's PDF. */
  replacement: boolean;
}

/**
 * Takes a new PDF for a page: permission, size (declared, then counted while
 * reading), "%PDF-" signature; then the file is stored as a PAGE_PDF asset and
 * the page is marked PENDING with it as `pendingPdfAsset`, audited. The page's
 * current PDF and image stay until the render worker (render-worker.ts) has
 * made the new image, so readers and editors never see a page without one.
 * For a page readers see (published, in a published edition) the worker keeps
 * the result as a replacement that changes nothing until an editor applies it
 * (page-replacement.ts), and the upload needs the permission to publish.
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
  try {
    await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: pageId });
    const page = await db.page.findUnique({ where: { id: pageId }, select: { number: true, status: true, edition: { select: { status: true } } } });
    if (!page) throw pageError("NOT_FOUND", "pageNotFound");
    if (isLivePage(page)) await assertCan({ db, actor, action: "edition.publish", entityType: "page", entityId: pageId });
    if (options.declaredSize != null && options.declaredSize > limit) throw pageError("FILE_TOO_LARGE", "tooLarge");
  } catch (error) {
    await options.body.cancel().catch(() => {});
    throw error;
  }
  const data = await readLimitedBody(options.body, limit, () => pageError("FILE_TOO_LARGE", "tooLarge"));
  if (data.length === 0) throw pageError("INVALID_INPUT", "empty");
  // PDF readers accept the signature anywhere in the first kilobyte.
  if (!data.subarray(0, 1024).includes("%PDF-")) throw pageError("UNSUPPORTED_FILE", "notPdf");

  const originalName = cleanFileName(options.originalName);
  const assetId = await storeAsset({ db, storage: options.storage, actorId: actor.id, data, mimeType: "application/pdf", kind: "PAGE_PDF", originalName: originalName ?? undefined });

  const replacement = await db.$transaction(async (tx) => {
    const page = await tx.page.update({
      where: { id: pageId },
      data: { pendingPdfAssetId: assetId, renderStatus: "PENDING", renderError: null, renderAttempts: 0 },
      select: { status: true, number: true, edition: { select: { status: true } } },
    });
    // Whether readers see the page is decided again when the worker renders it (it may be published or withdrawn meanwhile).
    const live = isLivePage(page);
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "page.pdf_upload", entityType: "page", entityId: pageId, data: { assetId, originalName, bytes: data.length, replacement: live } },
    });
    return live;
  });
  return { pageId, assetId, renderStatus: "PENDING", replacement };
}
