import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import * as mupdf from "mupdf";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { e2eStore } from "../helpers/nginx";
import { signIn } from "../helpers/sign-in";

// A new PDF for a page of the published demo edition waits beside the page
// until the editor applies it; then readers (the app and the store's copy nginx
// serves) get the new image. Page A03, which no other publishing spec reads
// (they run beside this one).

const demoPdf = path.join(import.meta.dirname, "..", "..", "prisma", "demo", "editions", "2023-03-13", "A05.pdf");
const pageImage = /\/media\/page-images\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp/;
/** The page's own image on its reader page (版面导航 shows the other pages' thumbnails too). */
const ownImage = /<img src="[^"]*?(\/media\/page-images\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp)"[^>]*alt="[^"]*版面图"/;

/** The page with a coloured box in a corner: other bytes, another page image. */
function marked(pdf: Buffer, colour: string): Buffer {
  const document = new mupdf.PDFDocument(pdf);
  const page = document.loadPage(0);
  const object = page.getObject();
  const contents = object.get("Contents");
  const array = document.newArray();
  if (contents.isArray()) for (let index = 0; index < contents.length; index += 1) array.push(contents.get(index));
  else array.push(contents);
  array.push(document.addStream(`q ${colour} rg 10 10 40 40 re f Q`, {}));
  object.put("Contents", array);
  return Buffer.from(document.saveToBuffer("").asUint8Array());
}

function blank(): Buffer {
  const document = new mupdf.PDFDocument();
  document.insertPage(-1, document.addPage([0, 0, 842, 1191], 0, {}, ""));
  return Buffer.from(document.saveToBuffer("").asUint8Array());
}

test("an editor replaces the PDF of a published page: it waits with its pre-flight while readers see the old page; applied, readers get the new image; discarded, nothing changes; a blank PDF is refused", async ({ page, request }) => {
  test.setTimeout(180_000);
  const store = await e2eStore();
  const printed = await readFile(demoPdf);
  const first = { name: "A03.pdf", mimeType: "application/pdf", buffer: marked(printed, "0.8 0.1 0.1") };
  const second = { name: "A03.pdf", mimeType: "application/pdf", buffer: marked(printed, "0.1 0.3 0.8") };

  /** The page image readers get from the app, and from the store's copy (null: none; a number: the status). */
  const imageOf = async (url: string) => {
    const response = await request.get(url);
    return response.status() === 200 ? ((await response.text()).match(ownImage)?.[1] ?? null) : response.status();
  };
  const reader = () => imageOf("/2023-03-13/A03");
  const storeCopy = () => imageOf(`${store.endpoint}/${store.bucket}/reader/site/2023-03-13/A03/index.html`);
  const readersSee = async (image: string | null) => {
    expect(await reader()).toBe(image);
    expect(await storeCopy()).toBe(image);
  };

  await signIn(page, demoEditor);
  await page.goto("/admin/editions/2023-03-13/pages/A03");
  const uploads = page.getByRole("list", { name: "上传列表" });
  const panel = page.getByRole("region", { name: "待替换的版面 PDF" });
  const upload = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.getByLabel("选择 PDF").setInputFiles(file);
    await expect(uploads.getByRole("listitem").first()).toContainText("已上传，正在生成版面图", { timeout: 30_000 });
  };
  const applyAndWait = async () => {
    await panel.getByRole("button", { name: "替换并重新发布" }).click();
    await expect(page.getByRole("status").filter({ hasText: "第A03版已替换为新 PDF，读者现在看到新版面。" })).toBeVisible();
    await expect(panel).toHaveCount(0);
    // Readers get it at once: the app within a second, the store's copy (nginx's) with it.
    await expect.poll(reader, { timeout: 1_000, intervals: [100] }).toMatch(pageImage);
    const image = (await reader()) as string;
    await expect.poll(storeCopy, { timeout: 5_000, intervals: [100] }).toBe(image);
    return image;
  };

  // A03 is published without a page image. A PDF for it waits, shown with its checks; readers see no change.
  expect(await reader()).toBeNull();
  await expect(page.getByText("新上传的 PDF 不会直接替换读者看到的版面")).toBeVisible();
  await upload(first);
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole("img", { name: "A03 版待替换的版面图" })).toBeVisible();
  await expect(panel.getByRole("list", { name: "替换前检查" })).toContainText("新 PDF 中找到");
  await expectNoAxeViolations(page);
  await readersSee(null);
  const firstImage = await applyAndWait();
  await expect(page.getByRole("img", { name: "A03 版版面图" })).toBeVisible();

  // A blank PDF is refused; readers keep the page.
  await upload({ name: "A03.pdf", mimeType: "application/pdf", buffer: blank() });
  const failed = page.getByRole("alert").filter({ hasText: "版面图生成失败" });
  await expect(failed).toContainText("这个 PDF 是空白页（版面图上什么都没有），不能用作版面。", { timeout: 60_000 });
  await expect(failed).toContainText("仍显示之前的版面图。");
  await expect(panel).toHaveCount(0);
  await readersSee(firstImage);

  // Discarded, nothing changes for readers.
  await upload(second);
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await readersSee(firstImage);
  await panel.getByRole("button", { name: "放弃" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已放弃第A03版待替换的 PDF。" })).toBeVisible();
  await expect(panel).toHaveCount(0);
  await readersSee(firstImage);

  // Uploaded again and applied: readers get the new image.
  await upload(second);
  await expect(panel).toBeVisible({ timeout: 60_000 });
  await readersSee(firstImage);
  const secondImage = await applyAndWait();
  expect(secondImage).not.toBe(firstImage);
});
