import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase, demoDir, projectRoot } from "@/tests/helpers/database";

// `npm run import` as an operator runs it: a separate process on the app's database.

const run = promisify(execFile);
let url: string;
let db: Db;
let dataDir: string;

beforeAll(async () => {
  ({ url, db } = await createMigratedDatabase());
  // The paper exists (the manifest names it); SEED_DEMO=0 keeps the demo out.
  await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
  dataDir = await mkdtemp(path.join(tmpdir(), "newsroom-import-"));
});

async function importCommand(...args: string[]): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, SEED_DEMO: "0", ADMIN_EMAIL: "admin@import.test", ADMIN_PASSWORD: "import-admin-password", APP_URL: "" };
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
    const result = await importCommand(folder, "--publish");
    expect(result.code).toBe(2);
    expect(result.output).toContain("未发布");
    expect((await db.edition.findFirstOrThrow()).status).toBe("PLANNING");
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
