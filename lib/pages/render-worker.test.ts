import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderErrorFor } from "./render-error";
import { createDbClient, type Db } from "@/lib/db/client";
import { PAGE_IMAGE_WIDTHS } from "@/lib/media/image-variants";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage, sql } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { MAX_RENDER_ATTEMPTS, RENDER_LOCK_NAMESPACE, renderNextPage, startRenderWorker } from "./render-worker";
import { bodyOf, corruptPdf, encryptedPdf, importDemoEdition, readFixturePdf, twoPagePdf } from "./test-pages";
import { uploadPagePdf } from "./upload-page-pdf";

describe("page PDF upload and the render worker", () => {
  let db: Db;
  let url: string;
  let storage: DiskStorage;
  let newsroom: Newsroom;
  let fixture: Buffer;
  let page: Awaited<ReturnType<typeof importDemoEdition>>["page"];
  const noDetection = () => vi.fn(async () => ({ found: 0, matched: 0, unmatched: 0, moved: 0, kept: 0, textLayerIssue: null }));
  const noRegions = noDetection();

  beforeAll(async () => {
    ({ db, url } = await createMigratedDatabase());
    storage = await createTestStorage();
    newsroom = await seedNewsroom(db);
    ({ page } = await importDemoEdition(db, storage));
    fixture = await readFixturePdf();
  });
  afterAll(() => db.$disconnect());

  const upload = (pageId: string, data: Buffer, options: { limit?: number; declaredSize?: number } = {}) =>
    uploadPagePdf({ db, storage, actor: newsroom.editor, pageId, body: bodyOf(data), originalName: "A05.pdf", ...options });

  it("stores the upload as pending, answers at once, and the worker swaps in the new PDF and image", async () => {
    const target = page("A01");
    expect(target.imageAssetId).toBeNull();
    const result = await upload(target.id, fixture);
    expect(result.renderStatus).toBe("PENDING");

    const pending = await db.page.findUniqueOrThrow({ where: { id: target.id } });
    expect(pending).toMatchObject({ renderStatus: "PENDING", pendingPdfAssetId: result.assetId, pdfAssetId: null, imageAssetId: null });
    expect((await db.asset.findUniqueOrThrow({ where: { id: result.assetId } })).kind).toBe("PAGE_PDF");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.pdf_upload", entityId: target.id } });
    expect(audit.actorId).toBe(newsroom.editor.id);

    const rendered = await renderNextPage({ db, storage, detectRegions: noRegions });
    expect(rendered).toMatchObject({ pageId: target.id, status: "READY" });
    const ready = await db.page.findUniqueOrThrow({ where: { id: target.id }, include: { imageAsset: { include: { derivatives: true } } } });
    expect(ready).toMatchObject({ renderStatus: "READY", renderError: null, pendingPdfAssetId: null, pdfAssetId: result.assetId, renderAttempts: 1 });
    expect(ready.imageAsset?.kind).toBe("PAGE_IMAGE");
    expect(ready.imageAsset?.derivatives.map((variant) => variant.width).sort((a, b) => a - b)).toEqual([...PAGE_IMAGE_WIDTHS]);
    expect(noRegions).toHaveBeenCalledWith(expect.objectContaining({ pageId: target.id, pdf: fixture }));
    expect(await renderNextPage({ db, storage, detectRegions: noRegions })).toBeNull();
  });

  const refusals: [string, () => Buffer, string, string][] = [
    ["a corrupt PDF", () => corruptPdf, "PDF 文件已损坏，无法打开", "the PDF is damaged and cannot be opened"],
    ["an encrypted PDF", () => encryptedPdf(fixture), "PDF 文件已加密，请上传未加密的版面 PDF", "the PDF is encrypted: use the page PDF without a password"],
    ["a PDF with two pages", () => twoPagePdf(fixture), "PDF 应只有一页，此文件有 2 页", "a page PDF has one page; this one has 2"],
  ];
  for (const [what, make, message, english] of refusals) {
    it(`marks ${what} FAILED with a clear message and keeps the page's previous PDF and image`, async () => {
      const target = page("A05");
      const before = await db.page.findUniqueOrThrow({ where: { id: target.id } });
      expect(before.imageAssetId).not.toBeNull();
      await upload(target.id, make());
      const detect = noDetection();
      expect(await renderNextPage({ db, storage, detectRegions: detect })).toEqual({ pageId: target.id, status: "FAILED", error: message });
      const after = await db.page.findUniqueOrThrow({ where: { id: target.id } });
      expect(after).toMatchObject({ renderStatus: "FAILED", pendingPdfAssetId: null, imageAssetId: before.imageAssetId, pdfAssetId: before.pdfAssetId });
      // Kept in both languages: the dashboard shows its reader's.
      expect(renderErrorFor(after.renderError, "zh-CN")).toBe(message);
      expect(renderErrorFor(after.renderError, "en")).toBe(english);
      expect(detect).not.toHaveBeenCalled();
    });
  }

  it("refuses a file that is not a PDF, an empty one and one over the limit, changing nothing", async () => {
    const target = page("A02");
    const assets = await db.asset.count();
    expect(await outcome(upload(target.id, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>")))).toBe("UNSUPPORTED_FILE");
    expect(await outcome(upload(target.id, Buffer.alloc(0)))).toBe("INVALID_INPUT");
    expect(await outcome(upload(target.id, fixture, { limit: 1000 }))).toBe("FILE_TOO_LARGE");
    expect(await outcome(upload(target.id, fixture, { declaredSize: 200 * 1024 * 1024 }))).toBe("FILE_TOO_LARGE");
    expect(await outcome(upload("00000000-0000-7000-8000-000000000000", fixture))).toBe("NOT_FOUND");
    expect(await db.asset.count()).toBe(assets);
    expect((await db.page.findUniqueOrThrow({ where: { id: target.id } })).renderStatus).toBe("NONE");
  });

  it("gives the upload error in the user's language", async () => {
    const error = await upload(page("A02").id, Buffer.from("hello")).catch((reason: unknown) => reason);
    expect((error as { messageFor: (locale: string) => string }).messageFor("zh-CN")).toContain("不是 PDF");
    expect((error as { messageFor: (locale: string) => string }).messageFor("en")).toContain("not a PDF");
  });

  it("picks up a page a restart left PENDING in the middle of its render", async () => {
    const target = page("A03");
    const { assetId } = await upload(target.id, fixture);
    // What a worker that died mid-render leaves behind: its attempt counted, nothing else.
    await db.page.update({ where: { id: target.id }, data: { renderAttempts: 1 } });
    const rendered = await renderNextPage({ db, storage, detectRegions: noRegions });
    expect(rendered).toMatchObject({ pageId: target.id, status: "READY" });
    expect(await db.page.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ renderStatus: "READY", pdfAssetId: assetId });
  });

  it("never renders one page in two workers at once", async () => {
    const target = page("A04");
    await upload(target.id, fixture);
    const other = createDbClient(url);
    try {
      const detect = noDetection();
      const results = await Promise.all([
        renderNextPage({ db, storage, detectRegions: detect }),
        renderNextPage({ db: other, storage, detectRegions: detect }),
      ]);
      expect(results.filter(Boolean)).toEqual([expect.objectContaining({ pageId: target.id, status: "READY" })]);
      expect(detect).toHaveBeenCalledTimes(1);
      expect((await db.page.findUniqueOrThrow({ where: { id: target.id } })).renderAttempts).toBe(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("lets two workers render two pending pages side by side", async () => {
    await upload(page("A06").id, fixture);
    await upload(page("A07").id, fixture);
    const other = createDbClient(url);
    try {
      const results = await Promise.all([renderNextPage({ db, storage, detectRegions: noRegions }), renderNextPage({ db: other, storage, detectRegions: noRegions })]);
      expect(results.map((result) => result?.pageId).sort()).toEqual([page("A06").id, page("A07").id].sort());
    } finally {
      await other.$disconnect();
    }
  });

  it("keeps the new image when region detection fails", async () => {
    const target = page("A08");
    await upload(target.id, fixture);
    const log = vi.fn();
    const rendered = await renderNextPage({ db, storage, log, detectRegions: async () => Promise.reject(new Error("detector broke")) });
    expect(rendered).toMatchObject({ status: "READY", regions: null });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("detector broke"));
    expect((await db.page.findUniqueOrThrow({ where: { id: target.id } })).renderStatus).toBe("READY");
  });

  it("counts a render that took the process down, and after MAX_RENDER_ATTEMPTS marks the page FAILED instead of retrying it", async () => {
    const target = page("A06");
    const before = await db.page.findUniqueOrThrow({ where: { id: target.id } });
    expect(before.imageAssetId).not.toBeNull();
    await upload(target.id, fixture);
    // What a crash mid-render leaves in the database: the render's connection
    // is gone, its transaction rolled back. Here the storage read, inside the
    // render, ends that connection (the one holding the page's render lock),
    // then fails, sparing the test the render itself.
    const crashing = Object.create(storage, {
      get: {
        value: async () => {
          await sql(
            url,
            `SELECT pg_terminate_backend(pid) FROM pg_locks
             WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            [RENDER_LOCK_NAMESPACE],
          );
          throw new Error("the process died here");
        },
      },
    }) as DiskStorage;
    for (let attempt = 1; attempt <= MAX_RENDER_ATTEMPTS; attempt += 1) {
      await expect(renderNextPage({ db, storage: crashing, detectRegions: noRegions })).rejects.toThrow();
      expect(await db.page.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ renderStatus: "PENDING", renderAttempts: attempt });
    }
    const message = "生成版面图时多次中断，已停止尝试：这个 PDF 可能有问题。请在排版系统中重新导出 PDF 后再上传。";
    const detect = noDetection();
    expect(await renderNextPage({ db, storage, detectRegions: detect })).toEqual({ pageId: target.id, status: "FAILED", error: message });
    const failed = await db.page.findUniqueOrThrow({ where: { id: target.id } });
    expect(renderErrorFor(failed.renderError, "zh-CN")).toBe(message);
    expect(renderErrorFor(failed.renderError, "en")).toMatch(/^Making the page image was interrupted several times/);
    expect(failed).toMatchObject({
      renderStatus: "FAILED",
      pendingPdfAssetId: null,
      imageAssetId: before.imageAssetId,
      pdfAssetId: before.pdfAssetId,
    });
    expect(detect).not.toHaveBeenCalled();
    // A new upload starts counting again.
    await upload(target.id, fixture);
    expect(await renderNextPage({ db, storage, detectRegions: noRegions })).toMatchObject({ pageId: target.id, status: "READY" });
    expect((await db.page.findUniqueOrThrow({ where: { id: target.id } })).renderAttempts).toBe(1);
  });

  it("the background worker renders every pending page, two at a time", async () => {
    const targets = [page("A01"), page("A03"), page("A04")];
    for (const target of targets) await upload(target.id, fixture);
    const detect = noDetection();
    const worker = startRenderWorker({ db, storage, detectRegions: detect, intervalMs: 10, log: () => {} });
    try {
      await vi.waitFor(
        async () => {
          const rows = await db.page.findMany({ where: { id: { in: targets.map((target) => target.id) } } });
          expect(rows.map((row) => row.renderStatus)).toEqual(["READY", "READY", "READY"]);
        },
        { timeout: 60_000, interval: 200 },
      );
    } finally {
      worker.stop();
    }
    expect(detect).toHaveBeenCalledTimes(3);
  });

  it("detects the page's regions after a successful render (lib/regions)", async () => {
    const target = page("A05");
    await upload(target.id, fixture);
    const rendered = await renderNextPage({ db, storage });
    expect(rendered).toMatchObject({ pageId: target.id, status: "READY" });
    expect(rendered?.status === "READY" && rendered.regions?.found).toBeGreaterThan(0);
    expect(await db.region.count({ where: { pageId: target.id } })).toBeGreaterThan(0);
  });
});
