import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase, createTestStorage, demoDir, storedFiles } from "@/tests/helpers/database";
import type { DiskStorage } from "@/lib/storage/storage";
import { findEditionView } from "@/lib/reader/find-edition-view";
import { searchArticles } from "@/lib/search/search-articles";
import { importEdition } from "./import-edition";
import { preflightEdition } from "./preflight";
import { publishEdition } from "./publish-edition";
import { ManifestError } from "./read-manifest";

const demoEdition = path.join(demoDir, "editions", "2023-03-13");

/** A copy of the demo edition folder (2023-03-13, or `from`) with its manifest changed by `edit`. */
async function editedFolder(edit: (manifest: Record<string, unknown> & { pages: Record<string, unknown>[] }) => void, from = demoEdition) {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-manifest-"));
  await cp(from, folder, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8"));
  edit(manifest);
  await writeFile(path.join(folder, "manifest.json"), JSON.stringify(manifest, null, 2));
  return folder;
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(ManifestError);
  return (error as ManifestError).problems;
}

describe("importEdition refuses a bad manifest whole", () => {
  let db: Db;
  let storage: DiskStorage;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
  });

  const cases: [string, (m: Record<string, unknown> & { pages: Record<string, unknown>[] }) => void, string][] = [
    ["an empty headline", (m) => ((m.pages[1]!.stories as Record<string, unknown>[])[0]!.headline = " "), "pages[1].stories[0].headline"],
    ["an impossible date", (m) => (m.date = "2023-02-30"), "date"],
    ["a duplicated page number", (m) => (m.pages[2]!.number = "A01"), "pages[2].number"],
    ["a missing file", (m) => (m.pages[4]!.pdf = "A99.pdf"), "pages[4].pdf"],
    ["a photo that is really a PDF", (m) => ((m.pages[4]!.stories as { photos: { file: string }[] }[])[3]!.photos[0]!.file = "A05.pdf"), "pages[4].stories[3].photos[0].file"],
    ["a file outside the folder", (m) => (m.pages[4]!.pdf = "../../etc/passwd"), "pages[4].pdf"],
    ["bylines on a story printed without one", (m) => ((m.pages[4]!.stories as Record<string, unknown>[])[0]!.noByline = true), "pages[4].stories[0].noByline"],
    ["a story status that is not draft or ready", (m) => ((m.pages[4]!.stories as Record<string, unknown>[])[0]!.status = "published"), "pages[4].stories[0].status"],
    ["a NUL in a headline", (m) => ((m.pages[1]!.stories as Record<string, unknown>[])[0]!.headline = "侨乡\u0000新闻"), "pages[1].stories[0].headline"],
    ["a lone surrogate in a caption", (m) => ((m.pages[4]!.stories as { photos: { caption: string }[] }[])[3]!.photos[0]!.caption = "图\ud800"), "pages[4].stories[3].photos[0].caption"],
    ["a 1 MB headline", (m) => ((m.pages[1]!.stories as Record<string, unknown>[])[0]!.headline = "长".repeat(1_000_000)), "pages[1].stories[0].headline"],
    ["a 100 KB page name", (m) => (m.pages[2]!.name = "版".repeat(100_000)), "pages[2].name"],
    // Refused inside the import's transaction, after its files were stored: they go again.
    ["a publication that does not exist", (m) => (m.publication = "no-such-paper"), "publication"],
  ];

  for (const [what, edit, field] of cases) {
    it(`names the field for ${what} and writes nothing`, async () => {
      const folder = await editedFolder(edit);
      const problems = await problemsOf(importEdition({ db, storage, folder }));
      expect(problems.join("\n")).toContain(field);
      expect(await db.edition.count()).toBe(0);
      expect(await db.article.count()).toBe(0);
      expect(await db.asset.count()).toBe(0);
      expect(await storedFiles(storage)).toEqual([]);
    });
  }

  it("refuses a page PDF that cannot be rendered, naming the page, and writes nothing", async () => {
    const folder = await editedFolder(() => {});
    await writeFile(path.join(folder, "A05.pdf"), Buffer.from("%PDF-1.7\n% broken, no objects\n"));
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems.join("\n")).toContain("pages[4].pdf");
    expect(await db.asset.count()).toBe(0);
    expect(await db.edition.count()).toBe(0);
  });

  it("refuses a photo that cannot be decoded, naming its field, before anything is stored", async () => {
    const folder = await editedFolder(() => {});
    const jpeg = await readFile(path.join(folder, "a05-4-1.jpg"));
    await writeFile(path.join(folder, "a05-4-1.jpg"), jpeg.subarray(0, 2000));
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems.join("\n")).toContain("pages[4].stories[3].photos[0].file");
    expect(await db.asset.count()).toBe(0);
    expect(await db.edition.count()).toBe(0);
  });

  it("names the line of the field that is wrong", async () => {
    const folder = await editedFolder((m) => ((m.pages[1]!.stories as Record<string, unknown>[])[0]!.headline = " "));
    const text = await readFile(path.join(folder, "manifest.json"), "utf8");
    const line = text.split("\n").findIndex((row) => row.includes('"headline": " "')) + 1;
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems[0]).toMatch(new RegExp(`^第 ${line} 行 pages\\[1\\]\\.stories\\[0\\]\\.headline: `));
  });

  it("refuses a manifest that is not JSON", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "newsroom-manifest-"));
    await writeFile(path.join(folder, "manifest.json"), '{\n  "date": "2023-03-13",\n  not json\n}');
    const problems = await problemsOf(importEdition({ db, storage, folder }));
    expect(problems[0]).toContain("manifest.json 第 3 行");
  });

  it("says what is wrong in English too, zod's own messages and the schema's included", async () => {
    const englishOf = async (edit: Parameters<typeof editedFolder>[0]) => {
      const error = await importEdition({ db, storage, folder: await editedFolder(edit) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ManifestError);
      expect((error as ManifestError).problems.every((line) => /[\u4e00-\u9fff]/.test(line))).toBe(true);
      return (error as ManifestError).problemsFor("en");
    };
    expect(await englishOf((m) => (m.issueNumber = "十七"))).toEqual([
      expect.stringMatching(/^line \d+ issueNumber: Invalid input: expected number, received string$/),
    ]);
    expect(await englishOf((m) => (m.pages[1]!.number = m.pages[0]!.number))).toEqual([
      expect.stringMatching(/^line \d+ pages\[1\]\.number: page number A\d+ is also pages\[0\]$/),
    ]);
    expect(await englishOf((m) => ((m.pages[0]!.stories as Record<string, unknown>[])[1]!.noByline = true))).toEqual([
      expect.stringMatching(/^line \d+ pages\[0\]\.stories\[1\]\.noByline: a story marked noByline cannot have bylines \(it has 2\)$/),
    ]);
  });
});

describe("importEdition", () => {
  it("imports an edition unpublished by default, and a second run changes nothing", async () => {
    const { db } = await createMigratedDatabase();
    const storage = await createTestStorage();
    await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });

    const first = await importEdition({ db, storage, folder: demoEdition });
    const rows = async () => ({
      articles: await db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true, updatedAt: true } }),
      revisions: await db.revision.count(),
      bylines: await db.byline.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await rows();
    const second = await importEdition({ db, storage, folder: demoEdition });

    expect(first.articlesCreated).toBeGreaterThan(20);
    expect(second.articlesCreated).toBe(0);
    expect(await rows()).toEqual(before);
    const edition = await db.edition.findFirstOrThrow({ include: { pages: true } });
    expect(edition.status).toBe("PLANNING");
    expect(edition.pages).toHaveLength(8);
    expect(await db.article.count({ where: { status: "PUBLISHED" } })).toBe(0);
    expect(await db.article.count()).toBe(first.articlesCreated);
    await db.$disconnect();
  });
});

describe("importEdition: statuses, 不署名 and re-imports", () => {
  const march12 = path.join(demoDir, "editions", "2023-03-12");
  type Manifest = Parameters<Parameters<typeof editedFolder>[0]>[0];
  const story = (m: Manifest, page: number, index: number) => (m.pages[page]!.stories as Record<string, unknown>[])[index]!;
  let db: Db;
  let storage: DiskStorage;
  let publicationId: string;
  const byExternalId = (id: string) =>
    db.article.findUniqueOrThrow({ where: { externalId: id }, include: { revisions: { orderBy: { version: "asc" } }, search: { select: { visible: true } } } });

  beforeAll(async () => {
    const created = await createMigratedDatabase();
    db = created.db;
    // The reader's queries use the app's client.
    process.env.DATABASE_URL = created.url;
    storage = await createTestStorage();
    publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
  });

  it("makes new stories ready copy (待发) unless the manifest says draft, keeps 不署名, and starts each story's history", async () => {
    const folder = await editedFolder((m) => {
      story(m, 0, 1).status = "draft";
      story(m, 0, 2).status = "草稿";
      story(m, 1, 0).status = "待发";
      story(m, 1, 1).bylines = [];
      story(m, 1, 1).noByline = true;
    }, march12);
    await importEdition({ db, storage, folder });

    expect((await byExternalId("jmrb-20230312-a01-1")).status).toBe("READY");
    expect((await byExternalId("jmrb-20230312-a01-2")).status).toBe("DRAFT");
    expect((await byExternalId("jmrb-20230312-a01-3")).status).toBe("DRAFT");
    expect((await byExternalId("jmrb-20230312-a02-1")).status).toBe("READY");
    const brief = await byExternalId("jmrb-20230312-a02-2");
    expect(brief).toMatchObject({ status: "READY", noByline: true, version: 1 });
    expect(brief.revisions).toEqual([expect.objectContaining({ version: 1, note: "import", snapshot: expect.objectContaining({ headline: brief.headline, noByline: true }) })]);

    const problems = await preflightEdition({ db, editionId: (await db.edition.findFirstOrThrow()).id });
    const bylineProblems = problems.filter((problem) => problem.code === "story_no_byline");
    expect(bylineProblems).toEqual([]);
    expect(problems.filter((problem) => problem.code === "story_not_ready").map((problem) => problem.articleId).sort()).toEqual(
      [(await byExternalId("jmrb-20230312-a01-2")).id, (await byExternalId("jmrb-20230312-a01-3")).id].sort(),
    );
  });

  it("on a re-import, follows the manifest for stories still as imported and keeps the newsroom's moves", async () => {
    const editing = await byExternalId("jmrb-20230312-a03-1");
    const killed = await byExternalId("jmrb-20230312-a03-2");
    await db.article.update({ where: { id: editing.id }, data: { status: "EDITING" } });
    await db.article.update({ where: { id: killed.id }, data: { status: "KILLED" } });
    // The corrected manifest: no drafts; one brief printed without a byline, saying so only now.
    const folder = await editedFolder((m) => {
      story(m, 1, 1).bylines = [];
      story(m, 1, 1).noByline = true;
      story(m, 3, 0).bylines = [];
    }, march12);
    await importEdition({ db, storage, folder });

    expect((await byExternalId("jmrb-20230312-a01-2")).status).toBe("READY");
    expect((await byExternalId("jmrb-20230312-a01-3")).status).toBe("READY");
    expect((await byExternalId("jmrb-20230312-a03-1")).status).toBe("EDITING");
    expect((await byExternalId("jmrb-20230312-a03-2")).status).toBe("KILLED");
    // Without the flag, a story without a byline is what pre-flight reports (没有署名).
    const problems = await preflightEdition({ db, editionId: (await db.edition.findFirstOrThrow()).id });
    const noByline = problems.filter((problem) => problem.code === "story_no_byline");
    expect(noByline).toEqual([expect.objectContaining({ articleId: (await byExternalId("jmrb-20230312-a04-1")).id, "zh-CN": "《市业余篮球联赛收官》没有署名。" })]);
    // A story whose bylines went away is a new version.
    expect((await byExternalId("jmrb-20230312-a04-1")).revisions.map((revision) => [revision.version, revision.note])).toEqual([
      [1, "import"],
      [2, "import"],
    ]);
  });

  it("keeps a published edition published: changed text is a new version, new stories and pages are published with it, readers and search follow", async () => {
    const edition = await db.edition.findFirstOrThrow();
    await db.article.updateMany({ where: { status: { in: ["EDITING", "KILLED"] } }, data: { status: "READY" } });
    const editor = await db.user.create({ data: { email: "e@import.test", name: "编辑", role: "EDITOR", passwordHash: "x" } });
    await publishEdition({ db, actor: editor, editionId: edition.id, override: "版面图稍后补上" });
    const published = await byExternalId("jmrb-20230312-a01-1");
    expect(published.status).toBe("PUBLISHED");

    const edited = (m: Manifest) => {
      story(m, 0, 0).headline = "侨乡各界热议全国两会精神";
      story(m, 0, 0).body = [{ type: "paragraph", text: "印刷版的最终文本。" }];
      (m.pages[0]!.stories as Record<string, unknown>[]).push({ id: "jmrb-20230312-a01-9", headline: "简讯：新会区举办春季招聘会", noByline: true, body: [{ type: "paragraph", text: "简讯正文。" }] });
      m.pages.push({ number: "A05", name: "五邑新闻", stories: [{ id: "jmrb-20230312-a05-1", headline: "台山海宴镇开渔", bylines: [{ name: "何榕", role: "记者", organisation: "江门日报" }] }] });
    };
    const folder = await editedFolder(edited, march12);
    await importEdition({ db, storage, folder, actorId: editor.id });

    expect((await db.edition.findUniqueOrThrow({ where: { id: edition.id } })).status).toBe("PUBLISHED");
    const updated = await byExternalId("jmrb-20230312-a01-1");
    expect(updated).toMatchObject({ status: "PUBLISHED", headline: "侨乡各界热议全国两会精神", version: published.version + 1, publishedAt: published.publishedAt, updatedById: editor.id });
    expect(updated.revisions.at(-1)).toMatchObject({ note: "import", createdById: editor.id, snapshot: expect.objectContaining({ headline: "侨乡各界热议全国两会精神" }) });
    const brief = await byExternalId("jmrb-20230312-a01-9");
    expect(brief).toMatchObject({ status: "PUBLISHED", noByline: true, search: { visible: true } });
    expect(brief.publishedAt).not.toBeNull();
    expect(await db.page.findFirstOrThrow({ where: { editionId: edition.id, number: "A05" } })).toMatchObject({ status: "PUBLISHED" });

    const view = await findEditionView(publicationId, "2023-03-12");
    const headlines = view!.pages.flatMap((page) => page.articles.map((article) => article.headline));
    expect(headlines).toEqual(expect.arrayContaining(["侨乡各界热议全国两会精神", "简讯：新会区举办春季招聘会", "台山海宴镇开渔"]));
    const found = await searchArticles({ db, audience: { kind: "reader", publicationId }, q: "最终文本" });
    expect(found.hits.map((hit) => hit.articleId)).toEqual([updated.id]);

    // The same folder again changes nothing.
    const rows = async () => ({
      articles: await db.article.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, status: true, updatedAt: true, publishedAt: true } }),
      revisions: await db.revision.count(),
    });
    const before = await rows();
    await importEdition({ db, storage, folder: await editedFolder(edited, march12), actorId: editor.id });
    expect(await rows()).toEqual(before);
  });
});
