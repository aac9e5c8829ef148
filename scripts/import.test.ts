import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { editionDate } from "@/lib/time/edition-date";
import { findArticleView } from "@/lib/reader/find-article-view";
import { findEditionView } from "@/lib/reader/find-edition-view";
import { searchArticles } from "@/lib/search/search-articles";
import { createMigratedDatabase, demoDir, projectRoot } from "@/tests/helpers/database";

// `npm run import` as an operator runs it: a separate process on the app's database.

const run = promisify(execFile);
let url: string;
let db: Db;
let dataDir: string;

let publicationId: string;

beforeAll(async () => {
  ({ url, db } = await createMigratedDatabase());
  // The reader's queries (in this process) read the same database.
  process.env.DATABASE_URL = url;
  // The paper exists (the manifest names it); SEED_DEMO=0 keeps the demo out.
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
  dataDir = await mkdtemp(path.join(tmpdir(), "newsroom-import-"));
});

type Manifest = { date: string; pages: { number: string; stories: Record<string, unknown>[] }[] };

/**
 * A complete one-page edition for `date`: the demo's page A05 (its PDF, in which
 * every story's region is found, and its credited photo), its stories with
 * their own ids, and the manifest changed by `edit`.
 */
async function a05Edition(date: string, edit: (manifest: Manifest) => void = () => {}): Promise<string> {
  const demo = path.join(demoDir, "editions", "2023-03-13");
  const folder = await mkdtemp(path.join(tmpdir(), `newsroom-import-${date}-`));
  await cp(demo, folder, { recursive: true });
  const manifest = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8")) as Manifest;
  manifest.date = date;
  manifest.pages = manifest.pages.filter((page) => page.number === "A05");
  for (const story of manifest.pages[0]!.stories) story.id = String(story.id).replace("20230313", date.replaceAll("-", ""));
  edit(manifest);
  await writeFile(path.join(folder, "manifest.json"), JSON.stringify(manifest, null, 2));
  return folder;
}

const editionOf = (date: string) => db.edition.findFirstOrThrow({ where: { date: editionDate(date) } });
const storiesOf = (date: string) =>
  db.article.findMany({ where: { placements: { some: { page: { edition: { date: editionDate(date) } } } } }, orderBy: { externalId: "asc" }, include: { revisions: { orderBy: { version: "asc" } } } });

async function importCommand(...args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: "0", ADMIN_EMAIL: "admin@import.test", ADMIN_PASSWORD: "import-admin-password" };
  try {
    const { stdout, stderr } = await run(path.join(projectRoot, "node_modules", ".bin", "tsx"), ["scripts/import.ts", ...args], { cwd: projectRoot, env, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("npm run import", () => {
  const folder = path.join(demoDir, "editions", "2023-03-13");

  it("imports a folder, finds regions, reports what needs an editor, and a second run changes nothing", async () => {
    const first = await importCommand(folder);
    expect(first.code).toBe(0);
    expect(first.output).toContain("导入完成");
    expect(first.output).toMatch(/第A05版 热区：找到 \d+，匹配 \d+/);
    expect(first.output).toContain("需要编辑处理");
    const counts = async () => ({ articles: await db.article.count(), regions: await db.region.count(), revisions: await db.revision.count(), pages: await db.page.count() });
    const before = await counts();

    const second = await importCommand(folder);
    expect(second.code).toBe(0);
    expect(second.output).toContain("新建稿件 0 篇");
    expect(await counts()).toEqual(before);
  }, 240_000);

  it("with --publish, does not publish an edition that fails pre-flight and says why", async () => {
    // The demo folder has one page PDF (A05): the other seven pages have no image and their stories no region.
    const result = await importCommand(folder, "--publish");
    expect(result.code).toBe(2);
    expect(result.output).toContain("第A01版还没有版面图");
    expect(result.output).toContain("未发布");
    expect(result.output).not.toContain("还不是“待发”状态");
    expect((await editionOf("2023-03-13")).status).toBe("PLANNING");
  }, 120_000);

  it("with --publish, publishes a complete edition: its stories are ready copy, a brief needs no byline, readers see it", async () => {
    const date = "2023-03-20";
    const brief = await a05Edition(date, (manifest) => {
      const story = manifest.pages[0]!.stories[1]!;
      story.bylines = [];
      story.noByline = true;
    });
    const result = await importCommand(brief, "--publish");
    expect(result.output).toContain("发布前检查通过");
    expect(result.output).toContain(`已发布 (published): ${date}`);
    expect(result.code).toBe(0);

    expect((await editionOf(date)).status).toBe("PUBLISHED");
    const stories = await storiesOf(date);
    expect(stories).toHaveLength(6);
    expect(stories.every((story) => story.status === "PUBLISHED" && story.publishedAt)).toBe(true);
    expect(stories.filter((story) => story.noByline).map((story) => story.headline)).toEqual(["全力推动经济运行加速向好"]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "edition.publish", entityId: (await editionOf(date)).id } });
    expect(audit.data).toMatchObject({ via: "import", articlesPublished: 6 });

    const view = await findEditionView(publicationId, date);
    expect(view!.pages.map((page) => [page.number, page.articles.length, page.regions.length])).toEqual([["A05", 6, 6]]);
    const found = await searchArticles({ db, audience: { kind: "reader", publicationId }, q: "全力推动经济运行加速向好" });
    expect(found.hits.map((hit) => hit.articleId)).toContain(stories.find((story) => story.noByline)!.id);
    // The command rendered the edition's reader files into the store, as the server would.
    const routes = JSON.parse(await readFile(path.join(dataDir, "storage", "reader", "routes", "jmrb", `${date}.json`), "utf8")) as { first: string; files: Record<string, unknown> };
    expect(routes.first).toBe("A05");
    expect(Object.keys(routes.files).sort()).toEqual(["A05", "A05/1", "A05/2", "A05/3", "A05/4", "A05/5", "A05/6"]);
  }, 240_000);

  it("re-imports a published edition with changed text: it stays published, the text is updated as a new version", async () => {
    const date = "2023-03-20";
    const before = await storiesOf(date);
    const corrected = await a05Edition(date, (manifest) => {
      const [first, second] = manifest.pages[0]!.stories;
      first!.body = [{ type: "paragraph", text: "印刷版的最终文本：共建科研平台。" }];
      second!.bylines = [];
      second!.noByline = true;
      second!.headline = "全力推动经济运行加速向好！";
    });
    const result = await importCommand(corrected, "--publish");
    expect(result.output).toContain("此前已发布");
    expect(result.code).toBe(0);

    expect((await editionOf(date)).status).toBe("PUBLISHED");
    const after = await storiesOf(date);
    expect(after.map((story) => story.status)).toEqual(before.map(() => "PUBLISHED"));
    expect(after.map((story) => story.publishedAt)).toEqual(before.map((story) => story.publishedAt));
    const [first, second] = after;
    expect(first!.version).toBe(before[0]!.version + 1);
    expect(first!.revisions.at(-1)).toMatchObject({ note: "import", snapshot: expect.objectContaining({ body: { type: "doc", content: [expect.objectContaining({ type: "paragraph" })] } }) });
    expect(second!.headline).toBe("全力推动经济运行加速向好！");
    expect(after.slice(2).map((story) => story.version)).toEqual(before.slice(2).map((story) => story.version));
    expect(await db.auditLog.count({ where: { action: "edition.publish", entityId: (await editionOf(date)).id } })).toBe(1);

    const article = await findArticleView(publicationId, first!.id);
    expect(JSON.stringify(article)).toContain("印刷版的最终文本");
    const found = await searchArticles({ db, audience: { kind: "reader", publicationId }, q: "最终文本" });
    expect(found.hits.map((hit) => hit.articleId)).toEqual([first!.id]);
  }, 240_000);

  it("with --publish, refuses an edition with a story the manifest marks as a draft, and one without a byline", async () => {
    const date = "2023-03-21";
    const folder = await a05Edition(date, (manifest) => {
      manifest.pages[0]!.stories[0]!.status = "draft";
      manifest.pages[0]!.stories[2]!.bylines = [];
    });
    const result = await importCommand(folder, "--publish");
    expect(result.code).toBe(2);
    expect(result.output).toContain("《共建科研平台最高可获5000万元补助》还不是“待发”状态。");
    expect(result.output).toContain("《协同育人 引才聚才 共建共享》没有署名。");
    expect(result.output).toContain("未发布");
    expect((await editionOf(date)).status).toBe("PLANNING");
    expect((await storiesOf(date)).map((story) => story.status)).toEqual(["DRAFT", "READY", "READY", "READY", "READY", "READY"]);
  }, 240_000);

  it("refuses a manifest that marks a story with bylines as printed without one, naming the field", async () => {
    const folder = await a05Edition("2023-03-22", (manifest) => (manifest.pages[0]!.stories[3]!.noByline = true));
    const result = await importCommand(folder);
    expect(result.code).toBe(65);
    expect(result.output).toMatch(/第 \d+ 行 pages\[0\]\.stories\[3\]\.noByline: 标为不署名（noByline）的稿件不能有署名/);
    expect(await db.edition.count({ where: { date: editionDate("2023-03-22") } })).toBe(0);
  }, 120_000);

  it("refuses a bad manifest with its line and field, writing nothing", async () => {
    const bad = await mkdtemp(path.join(tmpdir(), "newsroom-import-bad-"));
    await cp(folder, bad, { recursive: true });
    const manifest = JSON.parse(await readFile(path.join(bad, "manifest.json"), "utf8"));
    manifest.date = "2023-02-30";
    await writeFile(path.join(bad, "manifest.json"), JSON.stringify(manifest, null, 2));
    const editions = await db.edition.count();
    const result = await importCommand(bad);
    expect(result.code).toBe(65);
    expect(result.output).toMatch(/第 \d+ 行 date/);
    expect(result.output).toContain("没有写入任何内容");
    expect(await db.edition.count()).toBe(editions);
  }, 120_000);
});

describe("npm run render -- --all", () => {
  it("renders every published reader page again, with a progress bar", async () => {
    const env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: "0" };
    const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
    const { stdout, stderr } = await run(tsx, ["scripts/render.ts", "--all"], { cwd: projectRoot, env, timeout: 120_000 });
    expect(stdout).toContain("every reader page rendered");
    expect(stderr).toMatch(/\[#+\] \d+\/\d+/);
    const site = JSON.parse(await readFile(path.join(dataDir, "storage", "reader", "routes", "site.json"), "utf8")) as { defaultSlug: string; version: string };
    expect(site.defaultSlug).toBe("jmrb");
    expect(site.version).toBeTruthy();
    const published = await db.edition.findMany({ where: { status: "PUBLISHED" }, select: { date: true } });
    expect(published.length).toBeGreaterThan(0);
    for (const { date } of published) {
      const day = date.toISOString().slice(0, 10);
      await expect(readFile(path.join(dataDir, "storage", "reader", "routes", "jmrb", `${day}.json`), "utf8"), day).resolves.toContain('"files"');
    }
    await expect(run(tsx, ["scripts/render.ts"], { cwd: projectRoot, env })).rejects.toMatchObject({ code: 64 });
  }, 180_000);
});
