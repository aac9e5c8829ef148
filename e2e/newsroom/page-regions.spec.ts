import path from "node:path";
import { expect, test } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// The planned demo edition 2023-03-14 has pages A01 and A02, without PDFs.
// The demo's only page PDF (2023-03-13 A05) stands in for A02's printed page.
const pagePdf = path.join(import.meta.dirname, "..", "..", "prisma", "demo", "editions", "2023-03-13", "A05.pdf");

test("an editor uploads a page PDF, waits for the page image, places a region with the keyboard, saves and undoes", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, demoEditor);
  await page.goto("/admin/editions/2023-03-14/pages/A02");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("A02");

  await page.getByLabel("选择 PDF").setInputFiles(pagePdf);
  const uploads = page.getByRole("list", { name: "上传列表" });
  await expect(uploads.getByRole("listitem").filter({ hasText: "A05.pdf" })).toContainText("已上传", { timeout: 30_000 });
  // The worker renders in the background; the page refreshes itself while it waits.
  await expect(page.getByRole("status").filter({ hasText: "版面图已生成" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("img", { name: "A02 版版面图" })).toBeVisible();

  // Whatever regions detection found are listed; add one more with the keyboard path.
  const regions = page.getByRole("group", { name: /^区域 \d+/ });
  const before = await regions.count();
  await page.getByRole("button", { name: "添加区域" }).click();
  await expect(regions).toHaveCount(before + 1);
  const added = regions.nth(before);
  await added.getByLabel("左边距 (%)").fill("12.5");
  await added.getByLabel("上边距 (%)").fill("30");
  await expect(page.getByText("有未保存的修改。")).toBeVisible();
  await page.getByRole("button", { name: "保存区域" }).click();
  await expect(page.getByRole("status").filter({ hasText: "区域已保存。" })).toBeVisible();

  await page.reload();
  const saved = page.getByRole("group", { name: /^区域 \d+/ }).nth(before);
  await expect(saved.getByLabel("左边距 (%)")).toHaveValue("12.5");
  await expect(saved.getByLabel("上边距 (%)")).toHaveValue("30");

  // Undo: a change, then Ctrl+Z puts the saved value back; the button does the same.
  await saved.getByLabel("左边距 (%)").fill("40");
  await expect(saved.getByLabel("左边距 (%)")).toHaveValue("40");
  await page.keyboard.press("Control+z");
  await expect(saved.getByLabel("左边距 (%)")).toHaveValue("12.5");
  await saved.getByRole("button", { name: /^删除区域/ }).click();
  await expect(page.getByRole("group", { name: /^区域 \d+/ })).toHaveCount(before);
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(page.getByRole("group", { name: /^区域 \d+/ })).toHaveCount(before + 1);

  await expectNoAxeViolations(page);
});

test("a file that is not a PDF is refused with a clear message", async ({ page }) => {
  await signIn(page, demoEditor);
  await page.goto("/admin/editions/2023-03-14/pages/A01");
  // A file that is not a PDF at all is refused by the server with a clear message.
  await page.getByLabel("选择 PDF").setInputFiles({ name: "A01.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf") });
  await expect(page.getByRole("list", { name: "上传列表" })).toContainText("这不是 PDF 文件");
});
