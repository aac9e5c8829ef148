import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { PagePdfError } from "@/lib/media/render-page-pdf";
import { pageMessages } from "@/lib/i18n/messages/pages";
import type { Storage } from "@/lib/storage/storage";
import { detectPageRegions, findPageRegions, type DetectPageRegionsReport } from "@/lib/regions/detect-page-regions";
import type { PageLayout } from "@/lib/regions/read-page-layout";
import { readPagePdfOffThread } from "./read-page-pdf-off-thread";
import { isLivePage } from "./page-pdf-replacement";
import { removeUnusedAssets } from "@/lib/media/remove-unused-assets";
import { checkReplacement, type ReplacementCheck } from "./replacement-check";
import { storeRenderError } from "./render-error";
import { storePageImage } from "./store-page-image";

export type RenderOutcome =
  | { pageId: string; status: "READY"; imageAssetId: string; regions: DetectPageRegionsReport | null }
  /** A page readers see: the new PDF and image wait for an editor (lib/pages/page-replacement.ts). */
  | { pageId: string; status: "REPLACEMENT"; imageAssetId: string; check: ReplacementCheck }
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
 * Renders of one upload that may start. A render that never finishes because
 * the process died (killed out of memory, a native crash in libvips, a restart)
 * leaves its attempt counted; the claim after the last one marks the page
 * FAILED rather than taking the server down again at every start. (mupdf
 * failing on its thread, even aborting, fails only that page, at once.)
 */
export const MAX_RENDER_ATTEMPTS = 3;

/** First key of the advisory locks that say "a worker is rendering this page" (the second is the page's). */
export const RENDER_LOCK_NAMESPACE = 0x52454e44; // "REND"

/**
 * Renders one page whose uploaded PDF waits (renderStatus PENDING), or returns
 * null when none waits. The page stays claimed for the whole render (an
 * advisory lock, then its row FOR UPDATE, both held by the render's
 * transaction), so another server instance skips it and picks the next one; if
 * this process dies mid-render, the locks go with its connection and the page
 * is picked up again, up to MAX_RENDER_ATTEMPTS renders. On success the new
 * PDF and image replace the old ones in one update; on failure the page says
 * why (FAILED, `renderError`) and keeps its previous image and regions (so
 * does a blank PDF: readPagePdf refuses it). Regions are detected after
 * commit, from the layout read during the render. A page readers see
 * (published, in a published edition) is not changed: the new PDF and image
 * are kept beside it as its replacement, with a pre-flight of what would change
 * (replacement-check.ts), for an editor to apply or discard.
 */
export async function renderNextPage(options: WorkerOptions): Promise<RenderOutcome | null> {
  const { db, storage } = options;
  // The PDF and its layout, kept for region detection after commit.
  const rendered: { pdf?: Buffer; layout?: PageLayout } = {};
  // The files of a replacement that a newer one took the place of, removed after commit when nothing else uses them.
  const superseded: string[] = [];
  const outcome = await db.$transaction(
    async (tx): Promise<RenderOutcome | null> => {
      const claimed = await claimNextPage(db, tx);
      if (!claimed) return null;
      const { pageId } = claimed;
      if (claimed.attempts > MAX_RENDER_ATTEMPTS) {
        options.log?.(`Page ${pageId}: ${MAX_RENDER_ATTEMPTS} renders did not finish; giving up on its PDF`);
        const message = { "zh-CN": pageMessages["zh-CN"].errors.renderGaveUp, en: pageMessages.en.errors.renderGaveUp };
        await tx.page.update({ where: { id: pageId }, data: { pendingPdfAssetId: null, renderStatus: "FAILED", renderError: storeRenderError(message) } });
        return { pageId, status: "FAILED", error: message["zh-CN"] };
      }
      // A page readers see keeps its PDF, image and regions: the new PDF waits beside it for an editor (page-replacement.ts).
      const live = isLivePage(await tx.page.findUniqueOrThrow({ where: { id: pageId }, select: { number: true, status: true, edition: { select: { status: true } } } }));
      try {
        const asset = await tx.asset.findUnique({ where: { id: claimed.pendingPdfAssetId }, select: { id: true, storageKey: true } });
        if (!asset) throw new PagePdfError(pageMessages["zh-CN"].errors.renderFailed, pageMessages.en.errors.renderFailed);
        const pdf = await storage.get(asset.storageKey);
        const contents = await readPagePdfOffThread(pdf);
        if (contents.layoutError) {
          const reason = contents.layoutError instanceof Error ? contents.layoutError.stack : String(contents.layoutError);
          options.log?.(`Page ${pageId}: reading the layout for regions failed: ${reason}`);
        }
        const imageAssetId = await storePageImage({ db, storage, image: contents.image });
        if (live) {
          const found = await findPageRegions({ db, pageId, pdf, layout: contents.layout ?? undefined });
          const check = await checkReplacement({ db, pageId, newSize: { width: contents.image.width, height: contents.image.height }, found });
          const before = await tx.page.findUniqueOrThrow({ where: { id: pageId }, select: { replacementPdfAssetId: true, replacementImageAssetId: true } });
          superseded.push(...[before.replacementPdfAssetId, before.replacementImageAssetId].filter((id): id is string => id !== null && id !== asset.id && id !== imageAssetId));
          await tx.page.update({
            where: { id: pageId },
            data: {
              replacementPdfAssetId: asset.id,
              replacementImageAssetId: imageAssetId,
              replacementCheck: check,
              // Plain JSON (numbers, strings, arrays), as findRegions returns it.
              replacementRegions: found as unknown as Prisma.InputJsonValue,
              pendingPdfAssetId: null,
              renderStatus: "READY",
              renderError: null,
            },
          });
          return { pageId, status: "REPLACEMENT", imageAssetId, check };
        }
        rendered.pdf = pdf;
        rendered.layout = contents.layout ?? undefined;
        await tx.page.update({
          where: { id: pageId },
          data: {
            pdfAssetId: asset.id,
            imageAssetId,
            pendingPdfAssetId: null,
            // Still PENDING (without a pending PDF) until its regions are found:
            // an editor must not start mapping regions that detection then replaces.
            renderError: null,
          },
        });
        return { pageId, status: "READY", imageAssetId, regions: null };
      } catch (error) {
        rendered.pdf = undefined;
        if (!(error instanceof PagePdfError)) options.log?.(`Page ${pageId}: render failed: ${error instanceof Error ? error.stack : String(error)}`);
        const message =
          error instanceof PagePdfError
            ? { "zh-CN": error.message, en: error.en }
            : { "zh-CN": pageMessages["zh-CN"].errors.renderFailed, en: pageMessages.en.errors.renderFailed };
        await tx.page.update({
          where: { id: pageId },
          data: { pendingPdfAssetId: null, renderStatus: "FAILED", renderError: storeRenderError(message) },
        });
        return { pageId, status: "FAILED", error: message["zh-CN"] };
      }
    },
    { timeout: RENDER_TIMEOUT_MS, maxWait: 10_000 },
  );

  if (superseded.length > 0) await removeUnusedAssets({ db, storage, assetIds: superseded });
  if (outcome?.status === "READY" && rendered.pdf) {
    const detect = options.detectRegions ?? detectPageRegions;
    try {
      outcome.regions = await detect({ db, pageId: outcome.pageId, pdf: rendered.pdf, layout: rendered.layout });
    } catch (error) {
      // The page image is in place; regions can still be drawn by hand.
      options.log?.(`Page ${outcome.pageId}: region detection failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    // Unless a newer PDF was uploaded meanwhile (it has its own pending render).
    await db.page.updateMany({ where: { id: outcome.pageId, renderStatus: "PENDING", pendingPdfAssetId: null }, data: { renderStatus: "READY" } });
  }
  return outcome;
}

/**
 * Claims the longest-waiting pending page that no other worker is rendering,
 * and counts the attempt. The claim is an advisory lock held by the render's
 * transaction `tx`. The count is written through `db`, outside that
 * transaction, and committed at once: counted inside it (as it once was), a
 * render that took the process down rolled its own count back, and the page
 * was retried forever. The page row is locked (FOR UPDATE, as uploads and
 * detection lock it) only after the count, which would otherwise wait for it.
 */
async function claimNextPage(db: Db, tx: Tx): Promise<{ pageId: string; pendingPdfAssetId: string; attempts: number } | null> {
  const candidates = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM pages
    WHERE render_status = 'PENDING' AND pending_pdf_asset_id IS NOT NULL
    ORDER BY updated_at ASC
    LIMIT 20`;
  for (const { id } of candidates) {
    const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
      SELECT pg_try_advisory_xact_lock(${RENDER_LOCK_NAMESPACE}::int, hashtext(${id}::text)) AS locked`;
    if (!lock?.locked) continue; // another worker's
    // A worker may have finished it since the candidates were listed.
    const counted = await db.$executeRaw`
      UPDATE pages SET render_attempts = render_attempts + 1
      WHERE id = ${id}::uuid AND render_status = 'PENDING' AND pending_pdf_asset_id IS NOT NULL`;
    if (counted === 0) continue;
    const [row] = await tx.$queryRaw<{ pending_pdf_asset_id: string; render_attempts: number }[]>`
      SELECT pending_pdf_asset_id, render_attempts FROM pages
      WHERE id = ${id}::uuid AND render_status = 'PENDING' AND pending_pdf_asset_id IS NOT NULL
      FOR UPDATE`;
    if (row) return { pageId: id, pendingPdfAssetId: row.pending_pdf_asset_id, attempts: row.render_attempts };
  }
  return null;
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
 * Pages rendered at once by one server instance. Two: while one page's image
 * is encoded on sharp's threads, the next page is read by mupdf on its thread,
 * so both cores work during an edition's upload (the benchmark's "two pages in
 * flight"). More would only queue behind the one mupdf thread.
 */
export const RENDER_LANES = 2;

/**
 * Polls for pending pages every `intervalMs` and renders them, `lanes` at a
 * time (RENDER_LANES), for as long as the process lives (the timer does not
 * keep it alive). Started once per server instance from
 * lib/db/prepare-on-boot.ts; a second call returns the running worker.
 */
export function startRenderWorker(options: WorkerOptions & { intervalMs?: number; lanes?: number }): { stop: () => void } {
  if (globalForWorker.pageRenderWorker) return globalForWorker.pageRenderWorker;
  const interval = options.intervalMs ?? 2000;
  const log = options.log ?? ((line: string) => console.error(line));
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  // Drains the queue; each lane claims its own page (claimNextPage skips pages being rendered).
  const lane = async () => {
    while (!stopped && (await renderNextPage({ ...options, log }))) {
      /* next page */
    }
  };
  const tick = async () => {
    try {
      await recoverStalledDetections(options.db);
      // Settled, not all: the next tick must not start while a lane still runs.
      const lanes = await Promise.allSettled(Array.from({ length: options.lanes ?? RENDER_LANES }, lane));
      for (const result of lanes) {
        if (result.status === "rejected") log(`Page render worker: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`);
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
