import { cp, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as mupdf from "mupdf";
import { revalidateTag } from "next/cache";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
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
import { applyPageReplacement, discardPageReplacement } from "./page-replacement";
import { readReplacementCheck } from "./replacement-check";

// A new PDF for a page readers see waits beside it until an editor applies or
// discards it; a blank PDF is refused wherever a page PDF comes in. Until then
// the page's PDF, image and regions stay as they were.

/** A newsroom with the demo edition imported and page A05's regions found from its PDF. */
async function demoPageNewsroom() {
  const { db } = await createMigratedDatabase();
  const storage = await createTestStorage();
  const newsroom = await seedNewsroom(db);
  const fixture = await readFixturePdf();
  const demo = await importDemoEdition(db, storage);
  const a05 = demo.page("A05").id;
  await detectPageRegions({ db, pageId: a05, pdf: fixture });
  return { db, storage, newsroom, fixture, editionId: demo.editionId, a05 };
}

describe("replacing the PDF of a published page", () => {
  let db: Db;
  let storage: DiskStorage;
  let newsroom: Newsroom;
  let fixture: Buffer;
  let editionId: string;
  let a05: string;

  beforeAll(async () => {
    ({ db, storage, newsroom, fixture, editionId, a05 } = await demoPageNewsroom());
    await db.article.updateMany({ data: { status: "READY" } });
    await publishEdition({ db, actor: newsroom.editor, editionId, override: "测试" });
  });
  afterAll(() => db.$disconnect());
  beforeEach(() => vi.mocked(revalidateTag).mockClear());

  const upload = (pageId: string, data: Buffer, actor = newsroom.editor) =>
    uploadPagePdf({ db, storage, actor, pageId, body: bodyOf(data), originalName: "A05.pdf" });
  /** What readers see of the page, and what would change it. */
  const snapshot = async (pageId: string) => {
    const page = await db.page.findUniqueOrThrow({ where: { id: pageId }, select: { status: true, pdfAssetId: true, imageAssetId: true, textLayerIssue: true } });
    const regions = await db.region.findMany({ where: { pageId }, orderBy: { number: "asc" }, select: { id: true, number: true, polygon: true, placementId: true, source: true } });
    return { page, regions };
  };
  const waiting = (pageId: string) =>
    db.page.findUniqueOrThrow({ where: { id: pageId }, select: { renderStatus: true, pendingPdfAssetId: true, replacementPdfAssetId: true, replacementImageAssetId: true, replacementCheck: true } });
  const noDetection = () => vi.fn(async () => ({ found: 0, matched: 0, unmatched: 0, moved: 0, kept: 0, textLayerIssue: null }));
  /** A page with ink but no text: a scan of something else. */
  const otherPage = () => {
    const document = new mupdf.PDFDocument();
    document.insertPage(-1, document.addPage([0, 0, 842, 1191], 0, {}, "0.2 g 100 100 600 900 re f"));
    return Buffer.from(document.saveToBuffer("").asUint8Array());
  };

  it("waits beside the page: readers keep its PDF, image and regions; the worker renders it with a pre-flight; applied with detection, the new image goes out and the stories keep their regions", async () => {
    const before = await snapshot(a05);
    expect(before.page.status).toBe("PUBLISHED");
    expect(before.regions.length).toBeGreaterThan(1);
    const corrected = correctedPdf(fixture);
    const { assetId, replacement } = await upload(a05, corrected);
    expect(replacement).toBe(true);
    expect(await snapshot(a05)).toEqual(before);

    const detect = vi.fn(detectPageRegions);
    const rendered = await renderNextPage({ db, storage, detectRegions: detect });
    expect(rendered).toMatchObject({ pageId: a05, status: "REPLACEMENT" });
    expect(detect).not.toHaveBeenCalled();
    expect(await snapshot(a05)).toEqual(before);
    const pending = await waiting(a05);
    expect(pending).toMatchObject({ renderStatus: "READY", pendingPdfAssetId: null, replacementPdfAssetId: assetId });
    const check = readReplacementCheck(pending.replacementCheck)!;
    expect(check).toMatchObject({ sizeChanged: false, textLayerIssue: null, losing: [], regionsNotMatching: 0 });
    expect(check.matched).toBeGreaterThanOrEqual(before.regions.filter((region) => region.placementId).length);
    expect(revalidateTag).not.toHaveBeenCalled();

    expect(await applyPageReplacement({ db, actor: newsroom.editor, pageId: a05, regions: "detect", expectedPdfAssetId: assetId })).toEqual({ number: "A05", live: true });
    const after = await snapshot(a05);
    expect(after.page).toMatchObject({ status: "PUBLISHED", pdfAssetId: assetId, imageAssetId: pending.replacementImageAssetId });
    expect(after.regions.map((region) => [region.id, region.placementId])).toEqual(before.regions.map((region) => [region.id, region.placementId]));
    expect(await waiting(a05)).toMatchObject({ replacementPdfAssetId: null, replacementImageAssetId: null, replacementCheck: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.pdf_replace", entityId: a05 } });
    expect(audit).toMatchObject({
      actorId: newsroom.editor.id,
      data: { number: "A05", regions: "detect", live: true, from: { pdfAssetId: before.page.pdfAssetId, imageAssetId: before.page.imageAssetId }, to: { pdfAssetId: assetId, imageAssetId: pending.replacementImageAssetId } },
    });
    // The reader is told (the edition's reader files and caches).
    expect(revalidateTag).toHaveBeenCalled();
    // Nothing waits any more.
    await expect(applyPageReplacement({ db, actor: newsroom.editor, pageId: a05, regions: "keep" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("whose PDF lacks the page's stories: the pre-flight names them; applied keeping the regions, they stay as they were", async () => {
    const before = await snapshot(a05);
    const { assetId } = await upload(a05, otherPage());
    expect(await renderNextPage({ db, storage })).toMatchObject({ pageId: a05, status: "REPLACEMENT" });
    const check = readReplacementCheck((await waiting(a05)).replacementCheck)!;
    expect(check.textLayerIssue).toBe("NO_TEXT");
    expect(check.sizeChanged).toBe(true);
    expect(check.regionsNotMatching).toBe(before.regions.filter((region) => region.placementId).length);
    expect(check.losing.map((story) => story.headline)).toContain("吹响推进高质量发展奋进号角");
    expect(await snapshot(a05)).toEqual(before);

    await applyPageReplacement({ db, actor: newsroom.editor, pageId: a05, regions: "keep", expectedPdfAssetId: assetId });
    const after = await snapshot(a05);
    expect(after.page.pdfAssetId).toBe(assetId);
    expect(after.regions).toEqual(before.regions);
  });

  it("is not for a reporter: neither the upload nor applying", async () => {
    const assets = await db.asset.count();
    await expect(upload(a05, correctedPdf(fixture), newsroom.reporter)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(applyPageReplacement({ db, actor: newsroom.reporter, pageId: a05, regions: "keep" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.asset.count()).toBe(assets);
  });

  it("discarded, its files are deleted and the page is as it was", async () => {
    const before = await snapshot(a05);
    const marked = correctedPdf(correctedPdf(fixture));
    await upload(a05, marked);
    await renderNextPage({ db, storage });
    const pending = await waiting(a05);
    const files = await db.asset.findMany({ where: { id: { in: [pending.replacementPdfAssetId!, pending.replacementImageAssetId!] } }, include: { derivatives: true } });
    const keys = files.flatMap((asset) => [asset.storageKey, ...asset.derivatives.map((derivative) => derivative.storageKey)]);
    expect(keys.length).toBeGreaterThan(2);
    for (const key of keys) expect(await storage.exists(key)).toBe(true);

    expect(await discardPageReplacement({ db, storage, actor: newsroom.editor, pageId: a05 })).toEqual({ number: "A05" });
    expect(await snapshot(a05)).toEqual(before);
    expect(await waiting(a05)).toMatchObject({ replacementPdfAssetId: null, replacementImageAssetId: null, replacementCheck: null });
    expect(await db.asset.count({ where: { id: { in: files.map((asset) => asset.id) } } })).toBe(0);
    for (const key of keys) expect(await storage.exists(key)).toBe(false);
    expect(await db.auditLog.count({ where: { action: "page.pdf_discard", entityId: a05 } })).toBe(1);
  });

  it("a blank PDF for it is refused by the worker; no replacement waits and the page is as it was", async () => {
    const before = await snapshot(a05);
    await upload(a05, blankPdf());
    expect(await renderNextPage({ db, storage, detectRegions: noDetection() })).toMatchObject({ pageId: a05, status: "FAILED" });
    expect(await waiting(a05)).toMatchObject({ renderStatus: "FAILED", pendingPdfAssetId: null, replacementPdfAssetId: null });
    expect(await snapshot(a05)).toEqual(before);
  });

  it("withdrawn, the page takes a new PDF directly; republishing waits for its render", async () => {
    await withdrawPage({ db, actor: newsroom.editor, pageId: a05, reason: "更正版面" });
    const { assetId, replacement } = await upload(a05, fixture);
    expect(replacement).toBe(false);
    const early = await republishPage({ db, actor: newsroom.editor, pageId: a05 }).catch((caught: unknown) => caught);
    expect(early).toMatchObject({ code: "INVALID_STATE" });
    expect((early as AppError).messageFor("zh-CN")).toBe("第A05版的新 PDF 还在生成版面图和热区，请等生成完并核对后再重新发布。");
    expect(await renderNextPage({ db, storage })).toMatchObject({ pageId: a05, status: "READY" });
    expect((await snapshot(a05)).page.pdfAssetId).toBe(assetId);
    expect(await republishPage({ db, actor: newsroom.editor, pageId: a05 })).toEqual({ number: "A05", live: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "page.republish", entityId: a05 } });
    expect(audit.data).toMatchObject({ pdfAssetId: assetId });
  });

  it("a page published while its PDF waited gets it as a replacement, not swapped in", async () => {
    const planned = await importEdition({ db, storage, folder: path.join(demoDir, "editions", "2023-03-14") });
    const a01 = (await db.page.findFirstOrThrow({ where: { editionId: planned.editionId, number: "A01" } })).id;
    const { assetId } = await upload(a01, fixture);
    await publishEdition({ db, actor: newsroom.editor, editionId: planned.editionId, override: "测试" });
    expect(await renderNextPage({ db, storage, detectRegions: noDetection() })).toMatchObject({ pageId: a01, status: "REPLACEMENT" });
    expect(await db.page.findUniqueOrThrow({ where: { id: a01 } })).toMatchObject({ status: "PUBLISHED", pdfAssetId: null, imageAssetId: null, replacementPdfAssetId: assetId, renderStatus: "READY" });
  });
});

describe("a blank page PDF", () => {
  let db: Db;
  let storage: DiskStorage;
  let newsroom: Newsroom;
  let a05: string;

  beforeAll(async () => {
    ({ db, storage, newsroom, a05 } = await demoPageNewsroom());
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
    expect((error as ManifestError).problems).toEqual([expect.stringMatching(/^pages\[\d+\]\.pdf: 第A05版已发布，读者正在看它，重新导入不能替换它的 PDF/)]);
    expect(await db.asset.count()).toBe(assets);
    expect(await db.page.findFirstOrThrow({ where: { number: "A05" } })).toEqual(page);
  });
});
