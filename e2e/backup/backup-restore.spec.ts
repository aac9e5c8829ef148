import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { e2eAdmin } from "../../playwright.config";
import { npmStart, type StartedApp } from "../helpers/npm-start";

// An operator's backup and restore, end to end: the demo newsroom under
// `npm start`, `npm run backup` while it serves, `npm run restore` into a
// fresh folder, `npm start` on that: the reader site, its files and staff
// sessions are all there. Runs last (playwright.config.ts, project "backup"):
// two servers of its own beside the test server.

const run = promisify(execFile);
const tsx = path.resolve("node_modules", ".bin", "tsx");
const PAGE = "/2023-03-13/A05";
const HEADLINE = "共建科研平台最高可获5000万元补助";

let work: string;
const started: StartedApp[] = [];

test.beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "newsroom-backup-e2e-"));
  await chmod(work, 0o755); // PostgreSQL runs as "postgres" when we are root.
});
test.afterAll(async () => {
  for (const app of started) await app.stop();
  await rm(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 500 });
});

/** Runs an npm script as an operator would (DATA_DIR, no DATABASE_URL or S3); never throws. */
async function command(script: "backup" | "restore", args: string[], dataDir: string): Promise<{ code: number; output: string }> {
  // The build the servers run: the restore renders the reader files as that build's version, so the server keeps them.
  const env = { ...process.env, NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-test", DATA_DIR: dataDir, DATABASE_URL: "", NEXTAUTH_SECRET: "", STORAGE_DIR: "", S3_BUCKET: "", S3_ENDPOINT: "", S3_ACCESS_KEY_ID: "", S3_SECRET_ACCESS_KEY: "" };
  try {
    const { stdout, stderr } = await run(tsx, [`scripts/${script}.ts`, ...args], { env, timeout: 120_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

test("npm run backup while npm start serves, npm run restore into a fresh folder, npm start on it: pages, files and sign-in work", async ({ browser }) => {
  test.setTimeout(300_000);
  const source = path.join(work, "source");
  const restored = path.join(work, "restored");

  const original = await npmStart(source);
  started.push(original);
  // A staff session made before the backup survives it (the secret and its staff_sessions row are restored).
  const staff = await browser.newContext({ baseURL: original.baseURL });
  const staffPage = await staff.newPage();
  await staffPage.goto("/admin/sign-in");
  await staffPage.getByLabel("邮箱").fill(e2eAdmin.email);
  await staffPage.getByLabel("密码").fill(e2eAdmin.password);
  await staffPage.getByRole("button", { name: "登录" }).click();
  await expect(staffPage).toHaveURL(/\/admin$/);

  const backup = await command("backup", ["--out", path.join(work, "archives") + "/"], source);
  expect(backup.output).toContain("备份完成 (backup written)");
  expect(backup.code).toBe(0);
  const [archiveName] = await readdir(path.join(work, "archives"));
  const archive = path.join(work, "archives", archiveName!);

  // A damaged copy is refused in one line and changes nothing (lib/backup/backup.test.ts checks each refusal).
  const damaged = path.join(work, "damaged.tar.gz");
  const bytes = await readFile(archive);
  bytes[Math.floor(bytes.length / 3)]! ^= 0x01;
  await writeFile(damaged, bytes);
  const fromDamaged = await command("restore", [damaged, "--data-dir", restored], source);
  expect(fromDamaged.code).toBe(1);
  expect(fromDamaged.output).toMatch(/恢复失败 \(restore failed\): .*(is damaged or not a backup archive|Checksum mismatch in) .*nothing was changed\./);
  expect((await readdir(work)).sort()).toEqual(["archives", "damaged.tar.gz", "source"]);

  await original.stop();
  const restore = await command("restore", [archive, "--data-dir", restored], source);
  expect(restore.output).toContain("恢复完成 (restored)");
  expect(restore.code).toBe(0);

  const app = await npmStart(restored);
  started.push(app);
  // The restored database needed no seeding: the demo came back from the archive.
  expect(app.output()).not.toContain("Loaded the demo newsroom");

  const page = await fetch(`${app.baseURL}${PAGE}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(HEADLINE);
  const image = /\/media\/page-images\/[0-9a-f]{2}\/([0-9a-f]{64})\.webp/.exec(html);
  expect(image).not.toBeNull();
  const media = await fetch(`${app.baseURL}${image![0]}`);
  expect(media.status).toBe(200);
  const served = Buffer.from(await media.arrayBuffer());
  // Keys are content hashes; and the bytes are the original installation's.
  expect(createHash("sha256").update(served).digest("hex")).toBe(image![1]);
  expect(served.equals(await readFile(path.join(source, "storage", image![0].replace("/media/", ""))))).toBe(true);

  // The session from before the backup, on the restored installation.
  await staffPage.goto(`${app.baseURL}/admin`);
  await expect(staffPage).toHaveURL(`${app.baseURL}/admin`);
  await staff.close();

  // And a new sign-in.
  const fresh = await browser.newContext({ baseURL: app.baseURL });
  const freshPage = await fresh.newPage();
  await freshPage.goto("/admin");
  await expect(freshPage).toHaveURL(/\/admin\/sign-in/);
  await freshPage.getByLabel("邮箱").fill(e2eAdmin.email);
  await freshPage.getByLabel("密码").fill(e2eAdmin.password);
  await freshPage.getByRole("button", { name: "登录" }).click();
  await expect(freshPage).toHaveURL(/\/admin$/);
  await fresh.close();
});
