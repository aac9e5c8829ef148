import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import * as mupdf from "mupdf";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { e2eStore } from "../helpers/nginx";
import { signIn } from "../helpers/sign-in";

// A new PDF for a page of the published demo edition: refused while readers see
// the page, taken once the page is withdrawn, and before readers (the app and
// the store's copy nginx serves) when it is republished; a blank PDF is refused.
// Page A03, which no other publishing spec reads (they run beside this one).

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

test("an editor replaces the PDF of a published page: refused while readers see it; withdrawn, uploaded and republished, readers get the new image; a blank PDF is refused", async ({ page, request }) => {
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
  const readersSee = async (image: string | null | number) => {
    await expect.poll(reader, { timeout: 5_000, intervals: [100] }).toBe(image);
    await expect.poll(storeCopy, { timeout: 5_000, intervals: [100] }).toBe(image);
  };

  await signIn(page, demoEditor);
  const uploads = page.getByRole("list", { name: "上传列表" });
  const uploadOnPageEditor = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page.goto("/admin/editions/2023-03-13/pages/A03");
    await page.getByLabel("选择 PDF").setInputFiles(file);
  };
  const editorImage = page.getByRole("img", { name: "A03 版版面图" });
  const pageRows = async (edition: Page) => {
    await edition.goto("/admin/editions/2023-03-13");
    return edition.getByRole("region", { name: "单版撤版与重新发布" }).getByRole("row", { name: /A03/ });
  };
  const withdraw = async () => {
    const row = await pageRows(page);
    await row.getByLabel("第A03版撤版原因").fill("换上更正后的版面");
    await row.getByRole("button", { name: "撤下第A03版" }).click();
    await expect(row.getByRole("status")).toHaveText("第A03版已撤下，读者不再能看到。");
    await readersSee(404);
  };
  const republish = async () => {
    const row = await pageRows(page);
    await row.getByRole("button", { name: "重新发布第A03版" }).click();
    await expect(row.getByRole("status")).toHaveText("第A03版已重新发布。");
  };
  const refusedWhilePublished = async (file: typeof first, readersImage: string | null) => {
    await uploadOnPageEditor(file);
    await expect(uploads).toContainText("第A03版已发布，读者正在看它，不能直接替换它的 PDF。请先在本期页面撤下第A03版");
    await expect(page.getByText("不能直接替换它的 PDF").first()).toBeVisible();
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "正在生成版面图" })).toHaveCount(0);
    expect(await reader()).toBe(readersImage);
    expect(await storeCopy()).toBe(readersImage);
  };

  // The published page has no image yet: its new PDF is refused, and readers see no change.
  expect(await reader()).toBeNull();
  await refusedWhilePublished(first, null);

  // Withdrawn, the page takes the PDF; a blank one after it is refused and the image stays.
  await withdraw();
  await uploadOnPageEditor(first);
  await expect(page.getByText("不能直接替换它的 PDF")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "版面图已生成" })).toBeVisible({ timeout: 60_000 });
  await expect(editorImage).toBeVisible();
  const firstSrc = await editorImage.getAttribute("src");
  await uploadOnPageEditor({ name: "A03.pdf", mimeType: "application/pdf", buffer: blank() });
  await expect(uploads).toContainText("已上传，正在生成版面图", { timeout: 30_000 });
  const failed = page.getByRole("alert").filter({ hasText: "版面图生成失败" });
  await expect(failed).toContainText("这个 PDF 是空白页（版面图上什么都没有），不能用作版面。", { timeout: 60_000 });
  await expect(failed).toContainText("仍显示之前的版面图。");
  await expect(editorImage).toHaveAttribute("src", firstSrc!);
  await expectNoAxeViolations(page);
  await republish();
  await expect.poll(reader, { timeout: 5_000, intervals: [100] }).toMatch(pageImage);
  const firstImage = (await reader()) as string;
  await readersSee(firstImage);

  // Published with an image: another PDF is refused and readers keep the image;
  // withdrawn, replaced and republished, readers get the new one.
  await refusedWhilePublished(second, firstImage);
  await withdraw();
  await uploadOnPageEditor(second);
  await expect(uploads).toContainText("已上传，正在生成版面图", { timeout: 30_000 });
  // The new image first (the page said 版面图已生成 for the first one until then), then its regions.
  await expect(editorImage).not.toHaveAttribute("src", firstSrc!, { timeout: 60_000 });
  await expect(page.getByRole("status").filter({ hasText: "版面图已生成" })).toBeVisible({ timeout: 60_000 });
  await republish();
  await expect.poll(reader, { timeout: 5_000, intervals: [100] }).not.toBe(404);
  const secondImage = await reader();
  expect(secondImage).toMatch(pageImage);
  expect(secondImage).not.toBe(firstImage);
  await readersSee(secondImage);
});
