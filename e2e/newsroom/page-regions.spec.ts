import path from "node:path";
import { expect, test } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// The planned demo edition 2023-03-14 has pages A01 and A02, without PDFs.
// The demo's only page PDF (2023-03-13 A05) stands in for A02's printed page.
const pagePdf = path.join(import.meta.dirname, "..", "..", "prisma", "demo", "editions", "2023-03-13", "A05.pdf");

test("an editor uploads a page PDF, waits for the page image, places a numbered region with the keyboard, saves and undoes", async ({ page }) => {
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

  // Whatever regions detection found are listed by number, each drawn with its number on the page image.
  const story = "市图书馆推出“春日阅读季”系列活动";
  const regions = page.getByRole("group", { name: /^热区 \d+/ });
  const listNumbers = () => page.locator("li[data-region-number]").evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.regionNumber)));
  const drawnNumbers = () => page.locator("[data-region-badge]").allTextContents();
  const detected = await listNumbers();
  expect(detected).toEqual([...detected].sort((a, b) => a - b));
  expect(await drawnNumbers()).toEqual(detected.map(String));
  for (const name of await regions.evaluateAll((groups) => groups.map((group) => group.querySelector("legend")?.textContent ?? ""))) {
    expect(name).toMatch(/^热区 \d+ · (《.+》|未指定稿件|未指定 · 识别标题：.+)/);
  }

  // A new region (keyboard path) shows the number the save will give it, drawn on the image too.
  const next = Math.max(0, ...detected) + 1;
  await page.getByRole("button", { name: "添加热区" }).click();
  const added = page.getByRole("group", { name: `热区 ${next}（未保存，编号暂定） · 未指定稿件` });
  await expect(added).toBeVisible();
  await expect(page.locator(`[data-region-badge="${next}"]`)).toHaveText(String(next));
  await added.getByLabel("对应稿件").selectOption({ index: 1 });
  const assigned = page.getByRole("group", { name: `热区 ${next}（未保存，编号暂定） · 《${story}》` });
  await expect(assigned).toBeVisible();
  await assigned.getByLabel("左边距 (%)").fill("12.5");
  await assigned.getByLabel("上边距 (%)").fill("30");
  await expect(page.getByText("有未保存的修改。")).toBeVisible();
  await page.getByRole("button", { name: "保存热区" }).click();
  await expect(page.getByRole("status").filter({ hasText: "热区已保存。" })).toBeVisible();

  // After the save and a reload: the same numbers, in the list and on the image, and the story's headline.
  await page.reload();
  const saved = page.getByRole("group", { name: `热区 ${next} · 《${story}》` });
  await expect(saved.getByLabel("左边距 (%)")).toHaveValue("12.5");
  await expect(saved.getByLabel("上边距 (%)")).toHaveValue("30");
  expect(await listNumbers()).toEqual([...detected, next]);
  expect(await drawnNumbers()).toEqual([...detected, next].map(String));

  // Deleting a region and saving leaves the other numbers as they were.
  if (detected.length > 0) {
    await page.getByRole("button", { name: `删除热区 ${detected[0]}` }).click();
    await page.getByRole("button", { name: "保存热区" }).click();
    await expect(page.getByRole("status").filter({ hasText: "热区已保存。" })).toBeVisible();
    await page.reload();
    await expect(saved).toBeVisible();
    expect(await listNumbers()).toEqual([...detected.slice(1), next]);
    expect(await drawnNumbers()).toEqual([...detected.slice(1), next].map(String));
  }
  const count = await regions.count();

  // Undo: a change, then Ctrl+Z puts the saved value back; the button does the same.
  await saved.getByLabel("左边距 (%)").fill("40");
  await expect(saved.getByLabel("左边距 (%)")).toHaveValue("40");
  await page.keyboard.press("Control+z");
  await expect(saved.getByLabel("左边距 (%)")).toHaveValue("12.5");
  await saved.getByRole("button", { name: `删除热区 ${next}` }).click();
  await expect(regions).toHaveCount(count - 1);
  await page.getByRole("button", { name: "撤销" }).click();
  await expect(regions).toHaveCount(count);

  await expectNoAxeViolations(page);
});

test("a file that is not a PDF is refused with a clear message", async ({ page }) => {
  await signIn(page, demoEditor);
  await page.goto("/admin/editions/2023-03-14/pages/A01");
  // A file that is not a PDF at all is refused by the server with a clear message.
  await page.getByLabel("选择 PDF").setInputFiles({ name: "A01.pdf", mimeType: "application/pdf", buffer: Buffer.from("not a pdf") });
  await expect(page.getByRole("list", { name: "上传列表" })).toContainText("这不是 PDF 文件");
});
