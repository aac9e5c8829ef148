import type { Db } from "@/lib/db/client";
import { PagePdfError, renderPagePdf } from "@/lib/media/render-page-pdf";
import { storeAsset } from "@/lib/media/store-asset";
import { pageMessages } from "@/lib/i18n/messages/pages";
import type { Storage } from "@/lib/storage/storage";
import { detectPageRegions, type DetectPageRegionsReport } from "@/lib/regions/detect-page-regions";

export type RenderOutcome =
  | { pageId: string; status: "READY"; imageAssetId: string; regions: DetectPageRegionsReport | null }
  | { pageId: string; status: "FAILED"; error: string };

type DetectPageRegions = typeof detectPageRegions;

interface WorkerOptions {
  db: Db;
  storage: Storage;
  /** Region detection after a successful render (replaceable in tests). */
  detectRegions?: DetectPageRegions;
  log?: (line: string) => void;
}

/** How long one render may hold its page: a 100 MB PDF with big images takes a while. */
const RENDER_TIMEOUT_MS = 5 * 60_000;

/**
 * Renders one page whose uploaded PDF waits (renderStatus PENDING), or returns
 * null when none waits. The page row stays locked (FOR UPDATE SKIP LOCKED) for
 * the whole render, so another server instance skips it and picks the next
 * one; if this process dies mid-render, the lock goes with its connection and
 * the page is simply picked up again. On success the new PDF and image replace
 * the old ones in one update; on failure the page says why (FAILED,
 * `renderError`) and keeps its previous image. Regions are detected after commit.
 */
export async function renderNextPage(options: WorkerOptions): Promise<RenderOutcome | null> {
  const { db, storage } = options;
  // The PDF, kept for region detection after commit.
  const rendered: { pdf?: Buffer } = {};
  const outcome = await db.$transaction(
    async (tx): Promise<RenderOutcome | null> => {
      const rows = await tx.$queryRaw<{ id: string; pending_pdf_asset_id: string | null }[]>`
        SELECT id, pending_pdf_asset_id FROM pages
        WHERE render_status = 'PENDING' AND pending_pdf_asset_id IS NOT NULL
        ORDER BY updated_at ASC
        LIMIT 1
        FOR UPDATE SKIP LOCKED`;
      const claimed = rows[0];
      if (!claimed) return null;
      const pageId = claimed.id;
      try {
        const asset = claimed.pending_pdf_asset_id
          ? await tx.asset.findUnique({ where: { id: claimed.pending_pdf_asset_id }, select: { id: true, storageKey: true } })
          : null;
        if (!asset) throw new PagePdfError(pageMessages["zh-CN"].errors.renderFailed);
        const pdf = await storage.get(asset.storageKey);
        const { png } = renderPagePdf(pdf);
        rendered.pdf = pdf;
        const imageAssetId = await storeAsset({ db, storage, data: png, mimeType: "image/png", kind: "PAGE_IMAGE" });
        await tx.page.update({
          where: { id: pageId },
          data: {
            pdfAssetId: asset.id,
            imageAssetId,
            pendingPdfAssetId: null,
            // Still PENDING (without a pending PDF) until its regions are found:
            // an editor must not start mapping regions that detection then replaces.
            renderError: null,
            renderAttempts: { increment: 1 },
          },
        });
        return { pageId, status: "READY", imageAssetId, regions: null };
      } catch (error) {
        rendered.pdf = undefined;
        if (!(error instanceof PagePdfError)) options.log?.(`Page ${pageId}: render failed: ${error instanceof Error ? error.stack : String(error)}`);
        const message = error instanceof PagePdfError ? error.message : pageMessages["zh-CN"].errors.renderFailed;
        await tx.page.update({
          where: { id: pageId },
          data: { pendingPdfAssetId: null, renderStatus: "FAILED", renderError: message, renderAttempts: { increment: 1 } },
        });
        return { pageId, status: "FAILED", error: message };
      }
    },
    { timeout: RENDER_TIMEOUT_MS, maxWait: 10_000 },
  );

  if (outcome?.status === "READY" && rendered.pdf) {
    const detect = options.detectRegions ?? detectPageRegions;
    try {
      outcome.regions = await detect({ db, pageId: outcome.pageId, pdf: rendered.pdf });
    } catch (error) {
      // The page image is in place; regions can still be drawn by hand.
      options.log?.(`Page ${outcome.pageId}: region detection failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    // Unless a newer PDF was uploaded meanwhile (it has its own pending render).
    await db.page.updateMany({ where: { id: outcome.pageId, renderStatus: "PENDING", pendingPdfAssetId: null }, data: { renderStatus: "READY" } });
  }
  return outcome;
}

/** A page whose render finished but whose process died during region detection is usable: mark it ready. */
export async function recoverStalledDetections(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.page.updateMany({
    where: { renderStatus: "PENDING", pendingPdfAssetId: null, updatedAt: { lt: new Date(now.getTime() - 10 * 60_000) } },
    data: { renderStatus: "READY" },
  });
  return count;
}

const globalForWorker = globalThis as unknown as { pageRenderWorker?: { stop: () => void } };

/**
 * Polls for pending pages every `intervalMs` and renders them one at a time,
 * for as long as the process lives (the timer does not keep it alive). Started
 * once per server instance from lib/db/prepare-on-boot.ts; a second call
 * returns the running worker.
 */
export function startRenderWorker(options: WorkerOptions & { intervalMs?: number }): { stop: () => void } {
  if (globalForWorker.pageRenderWorker) return globalForWorker.pageRenderWorker;
  const interval = options.intervalMs ?? 2000;
  const log = options.log ?? ((line: string) => console.error(line));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const tick = async () => {
    try {
      await recoverStalledDetections(options.db);
      // Drain the queue, then wait.
      while (!stopped && (await renderNextPage({ ...options, log }))) {
        /* next page */
      }
    } catch (error) {
      log(`Page render worker: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), interval);
      timer.unref();
    }
  };
  timer = setTimeout(() => void tick(), interval);
  timer.unref();

  const worker = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      globalForWorker.pageRenderWorker = undefined;
    },
  };
  globalForWorker.pageRenderWorker = worker;
  return worker;
}
