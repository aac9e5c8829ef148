import { readFile } from "node:fs/promises";
import path from "node:path";
import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import { seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { uploadedSource } from "./edition-source";
import { safeImportPath, stripCommonFolder } from "./import-paths";
import { importEditionUpload } from "./import-upload";
import { ManifestError } from "./read-manifest";

// 导入整期 from the dashboard: the folder arrives as one multipart upload and
// goes through the same import as `npm run import` (runEditionImport).

const demoEdition = path.join(demoDir, "editions", "2023-03-13");

interface Entry {
  path: string;
  data: Buffer;
}

/** The demo's page A05 (its real PDF and photo) as a one-page edition folder named `folder`, manifest edited by `edit`. */
async function a05Folder(folder: string, edit: (manifest: Record<string, unknown> & { pages: { stories: Record<string, unknown>[] }[] }) => void = () => {}): Promise<Entry[]> {
  const manifest = JSON.parse(await readFile(path.join(demoEdition, "manifest.json"), "utf8"));
  manifest.pages = manifest.pages.filter((page: { number: string }) => page.number === "A05");
  edit(manifest);
  return [
    { path: `${folder}/manifest.json`, data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { path: `${folder}/A05.pdf`, data: await readFile(path.join(demoEdition, "A05.pdf")) },
    { path: `${folder}/a05-4-1.jpg`, data: await readFile(path.join(demoEdition, "a05-4-1.jpg")) },
  ];
}

/** The request the dashboard's importer sends: path, file, path, file… and publish. */
function upload(entries: Entry[], publish = false) {
  const form = new FormData();
  form.append("publish", publish ? "1" : "0");
  for (const entry of entries) {
    form.append("path", entry.path);
    form.append("file", new Blob([new Uint8Array(entry.data)]), path.posix.basename(entry.path));
  }
  const request = new Request("http://localhost/api/editions/import", { method: "POST", body: form });
  return { body: request.body!, contentType: request.headers.get("content-type") };
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("file names of an uploaded folder", () => {
  it("accepts plain relative paths and refuses anything that could leave the folder", () => {
    expect(safeImportPath("A05.pdf")).toBe("A05.pdf");
    expect(safeImportPath("./photos//a.jpg")).toBe("photos/a.jpg");
    for (const name of ["../A05.pdf", "a/../../etc/passwd", "/etc/passwd", "..\\..\\x.pdf", "C:/x.pdf", "a\u0000.pdf", "", ".", "a/.."]) {
      expect(safeImportPath(name), name).toBeNull();
    }
  });

  it("removes the chosen folder's name in front of every path, only when manifest.json is not at the top", () => {
    expect(stripCommonFolder(["2023-04-02/manifest.json", "2023-04-02/A05.pdf"])).toEqual(["manifest.json", "A05.pdf"]);
    expect(stripCommonFolder(["manifest.json", "pages/A05.pdf"])).toEqual(["manifest.json", "pages/A05.pdf"]);
    expect(stripCommonFolder(["a/manifest.json", "b/A05.pdf"])).toEqual(["a/manifest.json", "b/A05.pdf"]);
  });

  it("refuses an upload with a path-traversal or absolute name, and one with a name twice", () => {
    const data = Buffer.from("x");
    for (const bad of ["../manifest.json", "2023-04-02/../../etc/passwd", "/tmp/manifest.json", "x\\..\\..\\y"]) {
      const error = (() => {
        try {
          uploadedSource([{ path: "2023-04-02/A05.pdf", data }, { path: bad, data }]);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error, bad).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_INPUT");
      expect((error as AppError).messageFor("zh-CN")).toContain("没有写入任何内容");
    }
    expect(() => uploadedSource([{ path: "f/a.pdf", data }, { path: "f/./a.pdf", data }])).toThrow(AppError);
  });

  it("finds the manifest's files under the chosen folder", async () => {
    const source = uploadedSource([
      { path: "2023-04-02/manifest.json", data: Buffer.from("{}") },
      { path: "2023-04-02/pages/A05.pdf", data: Buffer.from("%PDF-") },
    ]);
    expect((await source.read("manifest.json"))?.toString()).toBe("{}");
    expect((await source.read("pages/A05.pdf"))?.toString()).toBe("%PDF-");
    expect(await source.read("2023-04-02/manifest.json")).toBeUndefined();
  });
});

describe("importEditionUpload", () => {
  let db: Db;
  let storage: DiskStorage;
  let newsroom: Newsroom;

  const written = async () => ({
    editions: await db.edition.count(),
    articles: await db.article.count(),
    assets: await db.asset.count(),
    imports: await db.auditLog.count({ where: { action: "edition.import" } }),
  });
  const nothing = { editions: 0, articles: 0, assets: 0, imports: 0 };

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    newsroom = await seedNewsroom(db);
  });

  beforeEach(() => vi.mocked(revalidateTag).mockClear());

  it("refuses a reporter without reading the upload, audits the refusal, and writes nothing", async () => {
    const { body, contentType } = upload(await a05Folder("2023-03-13"));
    const error = await caught(importEditionUpload({ db, storage, actor: newsroom.reporter, body, contentType }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: newsroom.reporter.id } })).toBe(1);
    expect(await written()).toEqual(nothing);
  });

  it("refuses a bad manifest with its line and field, and writes nothing", async () => {
    const entries = await a05Folder("2023-03-13", (manifest) => (manifest.pages[0]!.stories[1]!.headline = " "));
    const text = entries[0]!.data.toString();
    const line = text.split("\n").findIndex((row) => row.includes('"headline": " "')) + 1;
    const { body, contentType } = upload(entries);
    const error = await caught(importEditionUpload({ db, storage, actor: newsroom.editor, body, contentType }));
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).problems[0]).toMatch(new RegExp(`^第 ${line} 行 pages\\[0\\]\\.stories\\[1\\]\\.headline: 标题不能为空`));
    // The dashboard in English shows them in English.
    expect((error as ManifestError).problemsFor("en")[0]).toBe(`line ${line} pages[0].stories[1].headline: a headline is required`);
    expect(await written()).toEqual(nothing);
  });

  it("refuses a manifest naming a file outside the folder, and writes nothing", async () => {
    const entries = await a05Folder("2023-03-13", (manifest) => ((manifest.pages[0] as Record<string, unknown>).pdf = "../A05.pdf"));
    const { body, contentType } = upload(entries);
    const error = await caught(importEditionUpload({ db, storage, actor: newsroom.editor, body, contentType }));
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as ManifestError).problems.join("\n")).toContain("pages[0].pdf");
    expect((error as ManifestError).problemsFor("en")).toEqual(["pages[0].pdf: files must be inside the manifest's folder (../A05.pdf)"]);
    expect(await written()).toEqual(nothing);
  });

  it("refuses uploaded path-traversal names whole, and writes nothing", async () => {
    const entries = await a05Folder("2023-03-13");
    const { body, contentType } = upload([...entries, { path: "2023-03-13/../../../etc/cron.d/x", data: Buffer.from("x") }]);
    const error = await caught(importEditionUpload({ db, storage, actor: newsroom.editor, body, contentType }));
    expect((error as AppError).code).toBe("INVALID_INPUT");
    expect(await written()).toEqual(nothing);
  });

  it("refuses an upload over the limit, declared or counted while it streams, and one that is not a form", async () => {
    const entries = await a05Folder("2023-03-13");
    const declared = upload(entries);
    expect(((await caught(importEditionUpload({ db, storage, actor: newsroom.editor, ...declared, declaredSize: 10_000_000, limit: 100_000 }))) as AppError).code).toBe("FILE_TOO_LARGE");
    const streamed = upload(entries);
    expect(((await caught(importEditionUpload({ db, storage, actor: newsroom.editor, ...streamed, limit: 100_000 }))) as AppError).code).toBe("FILE_TOO_LARGE");
    const notForm = new Request("http://localhost/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(((await caught(importEditionUpload({ db, storage, actor: newsroom.editor, body: notForm.body!, contentType: "application/json" }))) as AppError).code).toBe("INVALID_INPUT");
    expect(await written()).toEqual(nothing);
  });

  it("imports the folder as the command does: report, regions matched, pre-flight problems with links, audited", async () => {
    // A file the manifest does not name (the layout system's own) is ignored.
    const draft = (manifest: { pages: { stories: Record<string, unknown>[] }[] }) => (manifest.pages[0]!.stories[1]!.status = "草稿");
    const entries = [...(await a05Folder("2023-03-13", draft)), { path: "2023-03-13/layout.indd", data: Buffer.from("not imported") }];
    const { body, contentType } = upload(entries, true);
    const result = await importEditionUpload({ db, storage, actor: newsroom.editor, body, contentType });

    expect(result).toMatchObject({ date: "2023-03-13", pages: 1, articlesCreated: 6, articlesUpdated: 0, publishRequested: true, published: false, status: "PLANNING" });
    expect(result.regions).toEqual([expect.objectContaining({ number: "A05", found: 6, matched: 6, unmatched: 0 })]);
    // The manifest marks one story as a draft: pre-flight stops publishing, and each problem links to where it is fixed.
    expect(result.problems.map((problem) => problem.code)).toEqual(["story_not_ready"]);
    expect(result.problems.every((problem) => problem.href.startsWith("/admin/"))).toBe(true);
    expect(await db.article.groupBy({ by: ["status"], _count: true, orderBy: { status: "asc" } })).toEqual([
      { status: "DRAFT", _count: 1 },
      { status: "READY", _count: 5 },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "edition.import" } });
    expect(audit).toMatchObject({ actorId: newsroom.editor.id, entityId: result.editionId, data: expect.objectContaining({ via: "dashboard", articlesCreated: 6 }) });
    expect(await db.asset.count({ where: { originalName: "layout.indd" } })).toBe(0);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("publishes when asked and pre-flight passes, and revalidates the reader", async () => {
    // The demo page's stories have bylines and credited photos; the corrected manifest no longer marks one as a draft.
    const { body, contentType } = upload(await a05Folder("2023-03-13"), true);
    const result = await importEditionUpload({ db, storage, actor: newsroom.editor, body, contentType });

    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ articlesCreated: 0, articlesUpdated: 6, published: true, status: "PUBLISHED" });
    expect(await db.article.count({ where: { status: "PUBLISHED" } })).toBe(6);
    expect(await db.auditLog.count({ where: { action: "edition.publish", entityId: result.editionId } })).toBe(1);
    expect(revalidateTag).toHaveBeenCalledWith(`publication:${newsroom.publicationId}`, { expire: 0 });
  });
});
