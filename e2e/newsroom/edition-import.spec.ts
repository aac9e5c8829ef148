import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoEditor, demoReporter } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// 导入整期 in the dashboard: an editor uploads an edition folder (manifest.json,
// page PDF, photo) and sees the same report as `npm run import`; a bad manifest
// is refused with its line and field; a reporter is refused. The folder is the
// demo's import folder for 13 March 2023 (the shared fixture, kept in the repo),
// cut to page A05 and moved to a date of its own, 2023-04-02, with its story ids
// changed, so it creates new stories instead of updating the demo edition's.

const date = "2023-04-02";
const demoFolder = path.join(import.meta.dirname, "..", "..", "prisma", "demo", "editions", "2023-03-13");

type Manifest = { date: string; pages: { number: string; stories: { id?: string; headline: string; status?: string }[] }[] };

/** A copy of the demo folder's page A05 for `date`, its manifest changed by `edit`. */
async function editionFolder(edit: (manifest: Manifest) => void = () => {}): Promise<string> {
  const source = demoFolder;
  const manifest = JSON.parse(await readFile(path.join(source, "manifest.json"), "utf8")) as Manifest;
  manifest.pages = manifest.pages.filter((page) => page.number === "A05");
  manifest.date = date;
  for (const story of manifest.pages.flatMap((page) => page.stories)) {
    if (story.id) story.id = story.id.replace("20230313", date.replaceAll("-", ""));
  }
  edit(manifest);
  const folder = path.join(await mkdtemp(path.join(tmpdir(), "edition-import-")), date);
  await mkdir(folder);
  await writeFile(path.join(folder, "manifest.json"), JSON.stringify(manifest, null, 2));
  for (const file of ["A05.pdf", "a05-4-1.jpg"]) await copyFile(path.join(source, file), path.join(folder, file));
  return folder;
}

async function as(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

test("an editor imports an edition folder and sees what it created, the regions matched and what needs an editor", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await as(browser, demoEditor);
  await page.goto("/admin/editions");
  await page.getByRole("link", { name: "导入整期" }).click();
  await expect(page).toHaveURL(/\/admin\/editions\/import$/);
  await expect(page.getByRole("heading", { level: 1, name: "导入整期" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A bad manifest: refused with the line and field, nothing written.
  await page.getByLabel("选择文件夹").setInputFiles(await editionFolder((manifest) => (manifest.date = "2023-02-30")));
  await expect(page.getByText(/将上传 3 个文件/)).toBeVisible();
  await page.getByRole("button", { name: "开始导入" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "导入失败" });
  await expect(refusal).toContainText("没有写入任何内容");
  await expect(refusal).toContainText(/第 \d+ 行 date: 不是有效的日期/);
  await page.goto("/admin/editions");
  await expect(page.getByRole("link", { name: "2023-02-30" })).toHaveCount(0);

  // A good folder whose lead story the manifest still marks as a draft (草稿),
  // with "publish when pre-flight passes" ticked: imported, but not published.
  const lead = "吹响推进高质量发展奋进号角";
  await page.goto("/admin/editions/import");
  await page.getByLabel("选择文件夹").setInputFiles(
    await editionFolder((manifest) => {
      for (const story of manifest.pages.flatMap((entry) => entry.stories)) if (story.headline === lead) story.status = "草稿";
    }),
  );
  await expect(page.getByText(`已选择“${date}”：将上传 3 个文件`)).toBeVisible();
  await page.getByLabel("发布前检查通过后直接发布").check();
  await page.getByRole("button", { name: "开始导入" }).click();

  const report = page.getByRole("region", { name: `导入完成：${date}` });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report).toContainText("1 个版面；新建稿件 6 篇，更新 0 篇。");
  const a05 = report.getByRole("row", { name: /第A05版/ });
  await expect(a05.getByRole("cell")).toHaveText(["6", "6", "0", "0"]);
  // The other stories are ready copy (待发); pre-flight lists the draft, as a link to fix it, and nothing is published.
  await expect(report.getByText(/发现 \d+ 个问题，需要编辑处理/)).toBeVisible();
  await expect(report.getByRole("link", { name: `《${lead}》还不是“待发”状态。` })).toHaveAttribute("href", /^\/admin\/stories\/[0-9a-f-]{36}$/);
  await expect(report).toContainText("未发布：请先处理以上问题");
  await expectNoAxeViolations(page);

  // The edition is there, in planning, with its page and stories.
  await report.getByRole("link", { name: `打开 ${date} 版面规划` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${date} 版面规划` })).toBeVisible();
  await expect(page.getByText(lead).first()).toBeVisible();
});

test("a reporter is refused: no link, no form, and the upload itself is refused", async ({ browser }) => {
  const page = await as(browser, demoReporter);
  await page.goto("/admin/editions");
  await expect(page.getByRole("heading", { level: 1, name: "报纸" })).toBeVisible();
  await expect(page.getByRole("link", { name: "导入整期" })).toHaveCount(0);

  await page.goto("/admin/editions/import");
  await expect(page.getByRole("heading", { level: 1, name: "没有权限" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("只有编辑和管理员可以策划版面。");
  await expect(page.getByLabel("选择文件夹")).toHaveCount(0);
  await expectNoAxeViolations(page);

  const folder = await editionFolder();
  // From the dashboard's own origin: the refusal is the permission's.
  const response = await page.request.post("/api/editions/import", {
    headers: { Origin: new URL(page.url()).origin },
    multipart: { path: `${date}/manifest.json`, file: { name: "manifest.json", mimeType: "application/json", buffer: await readFile(path.join(folder, "manifest.json")) } },
  });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toBe("您没有执行此操作的权限。");
});
