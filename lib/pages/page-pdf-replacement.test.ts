import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { importEdition } from "@/lib/editions/import-edition";
import { publishEdition } from "@/lib/editions/publish-edition";
import { ManifestError } from "@/lib/editions/read-manifest";
import { republishPage, withdrawPage } from "@/lib/editions/withdraw-page";
import { AppError } from "@/lib/errors/app-error";
import { detectPageRegions } from "@/lib/regions/detect-page-regions";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import { seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { renderErrorFor } from "./render-error";
import { renderNextPage } from "./render-worker";
import { blankPdf, bodyOf, correctedPdf, demoEditionFolder, importDemoEdition, readFixturePdf } from "./test-pages";
import { uploadPagePdf } from "./upload-page-pdf";

// A new PDF for a page readers see is refused (withdraw the page first, then
// republish it); a blank PDF is refused wherever a page PDF comes in. Either
// way the page's PDF, image and regions stay as they were.

describe("replacing the PDF of a published page", () => {
  let db: Db;
  let storage: DiskStorage;
  let newsroom: Newsroom;
  let fixture: Buffer;
  let editionId: string;
  let a05: string;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    newsroom = await seedNewsroom(db);
    fixture = await readFixturePdf();
    const demo = await importDemoEdition(db, storage);
    editionId = demo.editionId;
    a05 = demo.page("A05").id;
    await detectPageRegions({ db, pageId: a05, pdf: fixture });
    await db.article.updateMany({ data: { status: "READY" } });
    await publishEdition({ db, actor: newsroom.editor, editionId, override: "测试" });
  });
  afterAll(() => db.$disconnect());

  const upload = (pageId: string, data: Buffer, actor = newsroom.editor) =>
    uploadPagePdf({ db, storage, actor, pageId, body: bodyOf(data), originalName: "A05.pdf" });
  /** What readers see of the page, and what would change it. */
  const snapshot = async (pageId: string) => {
    const page = await db.page.findUniqueOrThrow({ where: { id: pageId }, select: { status: true, pdfAssetId: true, imageAssetId: true, pendingPdfAssetId: true, renderStatus: true, textLayerIssue: true } });
    const regions = await db.region.findMany({ where: { pageId }, orderBy: { number: "asc" }, select: { id: true, number: true, polygon: true, placementId: true } });
    return { page, regions };
  };
  const noDetection = () => vi.fn(async () => ({ found: 0, matched: 0, unmatched: 0, moved: 0, kept: 0, textLayerIssue: null }));

  it("is refused before the file is read, with a message that says to withdraw the page first; nothing changes; the refusal is audited", async () => {
    const before = await snapshot(a05);
    expect(before.page.status).toBe("PUBLISHED");
    expect(before.regions.length).toBeGreaterThan(1);
    const assets = await db.asset.count();
    let pulled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled = true;
        controller.enqueue(new Uint8Array(correctedPdf(fixture)));
        controller.close();
      },
    }, { highWaterMark: 0 }); // read only when asked

    const error = await uploadPagePdf({ db, storage, actor: newsroom.editor, pageId: a05, body, originalName: "A05.pdf" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INVALID_STATE" });
    expect((error as AppError).messageFor("zh-CN")).toBe("第A05版已发布，读者正在看它，不能直接替换它的 PDF。请先在本期页面撤下第A05版，上传新 PDF、核对版面图和热区后再重新发布。");
    expect((error as AppError).messageFor("en")).toContain("Withdraw page A05");
    expect(pulled).toBe(false);
    expect(await db.asset.count()).toBe(assets);
    expect(await snapshot(a05)).toEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.pdf_refused", entityId: a05 } });
    expect(audit).toMatchObject({ actorId: newsroom.editor.id, data: { number: "A05", reason: "published" } });
    // Nothing waits for the worker.
    expect(await renderNextPage({ db, storage, detectRegions: noDetection() })).toBeNull();
  });

  it("is refused to a reporter by permission first", async () => {
    const error = await upload(a05, correctedPdf(fixture), newsroom.reporter).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
  });

  it("withdrawn, the page takes the new PDF; its published regions stay until the render; republishing waits for the render, then puts the new image before readers", async () => {
    const published = await snapshot(a05);
    await withdrawPage({ db, actor: newsroom.editor, pageId: a05, reason: "更正版面" });
    const corrected = correctedPdf(fixture);
    const { assetId } = await upload(a05, corrected);

    // Waiting for its render: the old PDF, image and regions are the page's.
    const waiting = await snapshot(a05);
    expect(waiting.page).toMatchObject({ pdfAssetId: published.page.pdfAssetId, imageAssetId: published.page.imageAssetId, pendingPdfAssetId: assetId, renderStatus: "PENDING" });
    expect(waiting.regions).toEqual(published.regions);
    const early = await republishPage({ db, actor: newsroom.editor, pageId: a05 }).catch((caught: unknown) => caught);
    expect(early).toMatchObject({ code: "INVALID_STATE" });
    expect((early as AppError).messageFor("zh-CN")).toBe("第A05版的新 PDF 还在生成版面图和热区，请等生成完并核对后再重新发布。");
    expect((await snapshot(a05)).page.status).toBe("WITHDRAWN");

    // Rendered with real detection: the same stories are found where they were, so their regions stay.
    expect(await renderNextPage({ db, storage })).toMatchObject({ pageId: a05, status: "READY" });
    const rendered = await snapshot(a05);
    expect(rendered.page).toMatchObject({ pdfAssetId: assetId, renderStatus: "READY", pendingPdfAssetId: null });
    expect(rendered.page.imageAssetId).not.toBe(published.page.imageAssetId);
    expect(rendered.regions.map((region) => [region.id, region.placementId])).toEqual(published.regions.map((region) => [region.id, region.placementId]));

    expect(await republishPage({ db, actor: newsroom.editor, pageId: a05 })).toEqual({ number: "A05", live: true });
    expect((await snapshot(a05)).page.status).toBe("PUBLISHED");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.republish", entityId: a05 } });
    expect(audit.data).toMatchObject({ pdfAssetId: assetId, imageAssetId: rendered.page.imageAssetId });
  });

  it("a page published while its PDF waited is not replaced by the worker, which says why", async () => {
    const planned = await importEdition({ db, storage, folder: path.join(demoDir, "editions", "2023-03-14") });
    const a01 = (await db.page.findFirstOrThrow({ where: { editionId: planned.editionId, number: "A01" } })).id;
    await upload(a01, fixture);
    await publishEdition({ db, actor: newsroom.editor, editionId: planned.editionId, override: "测试" });
    const detect = noDetection();
    expect(await renderNextPage({ db, storage, detectRegions: detect })).toMatchObject({ pageId: a01, status: "FAILED" });
    const page = await db.page.findUniqueOrThrow({ where: { id: a01 } });
    expect(page).toMatchObject({ status: "PUBLISHED", pdfAssetId: null, imageAssetId: null, pendingPdfAssetId: null, renderStatus: "FAILED" });
    expect(renderErrorFor(page.renderError, "zh-CN")).toBe("第A01版在新 PDF 生成版面图之前已发布，新 PDF 没有替换它。请先撤下第A01版再上传。");
    expect(detect).not.toHaveBeenCalled();
  });
});

describe("a blank page PDF", () => {
  let db: Db;
  let storage: DiskStorage;
  let newsroom: Newsroom;
  let fixture: Buffer;
  let a05: string;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    newsroom = await seedNewsroom(db);
    fixture = await readFixturePdf();
    a05 = (await importDemoEdition(db, storage)).page("A05").id;
    await detectPageRegions({ db, pageId: a05, pdf: fixture });
  });
  afterAll(() => db.$disconnect());

  it("uploaded, is refused by the worker in both languages; the page keeps its PDF, image and regions, and no detection runs", async () => {
    const before = await db.page.findUniqueOrThrow({ where: { id: a05 }, include: { regions: { orderBy: { number: "asc" } } } });
    expect(before.regions.length).toBeGreaterThan(1);
    await uploadPagePdf({ db, storage, actor: newsroom.editor, pageId: a05, body: bodyOf(blankPdf()), originalName: "A05.pdf" });
    const detect = vi.fn(detectPageRegions);
    expect(await renderNextPage({ db, storage, detectRegions: detect })).toMatchObject({ pageId: a05, status: "FAILED" });
    const after = await db.page.findUniqueOrThrow({ where: { id: a05 }, include: { regions: { orderBy: { number: "asc" } } } });
    expect(after).toMatchObject({ renderStatus: "FAILED", pendingPdfAssetId: null, pdfAssetId: before.pdfAssetId, imageAssetId: before.imageAssetId, textLayerIssue: before.textLayerIssue });
    expect(after.regions).toEqual(before.regions);
    expect(renderErrorFor(after.renderError, "zh-CN")).toBe("这个 PDF 是空白页（版面图上什么都没有），不能用作版面。请检查排版系统导出的文件后重新上传。");
    expect(renderErrorFor(after.renderError, "en")).toMatch(/^This PDF is a blank page/);
    expect(detect).not.toHaveBeenCalled();
  });

  it("in an edition import, refuses the import naming the page's field, before anything is stored", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "blank-import-"));
    await cp(demoEditionFolder, folder, { recursive: true });
    await writeFile(path.join(folder, "A05.pdf"), blankPdf());
    const assets = await db.asset.count();
    const error = await importEdition({ db, storage, folder }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).problems).toEqual([expect.stringMatching(/^pages\[\d+\]\.pdf: 这个 PDF 是空白页/)]);
    expect(await db.asset.count()).toBe(assets);
  });
});

describe("a re-import of a published edition", () => {
  let db: Db;
  let storage: DiskStorage;
  let folder: string;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    await seedNewsroom(db);
    folder = await mkdtemp(path.join(tmpdir(), "reimport-"));
    await cp(demoEditionFolder, folder, { recursive: true });
    await importEdition({ db, storage, folder, publish: true });
  });
  afterAll(() => db.$disconnect());

  it("with the same PDFs passes; with another PDF for a published page it is refused, naming the page, and nothing is stored", async () => {
    await importEdition({ db, storage, folder });
    const page = await db.page.findFirstOrThrow({ where: { number: "A05" } });
    const assets = await db.asset.count();
    await writeFile(path.join(folder, "A05.pdf"), correctedPdf(await readFixturePdf()));
    const error = await importEdition({ db, storage, folder }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).problems).toEqual([expect.stringMatching(/^pages\[\d+\]\.pdf: 第A05版已发布，读者正在看它/)]);
    expect(await db.asset.count()).toBe(assets);
    expect(await db.page.findFirstOrThrow({ where: { number: "A05" } })).toEqual(page);
  });
});
