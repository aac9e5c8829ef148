import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { demoPhotographer } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

/** A JPEG unique to this run (its bytes decide its storage key). */
async function jpeg(seed: number): Promise<Buffer> {
  const width = 800;
  const height = 600;
  const circle = `<svg width="${width}" height="${height}"><circle cx="${(seed * 131 + Date.now()) % width}" cy="300" r="120" fill="white"/></svg>`;
  return sharp({ create: { width, height, channels: 3, background: { r: seed * 60, g: 90, b: 140 } } })
    .composite([{ input: Buffer.from(circle) }])
    .jpeg()
    .toBuffer();
}

test("a photographer uploads two photos at once, edits one and finds it again; an SVG is refused", async ({ page, request, baseURL }) => {
  const caption = `江门滨江公园花开正盛，市民赏花。（e2e ${Date.now()}）`;
  // This browser's own choice of language: language.spec.ts switches the same account to English meanwhile.
  await page.context().addCookies([{ name: "dashboard-locale", value: "zh-CN", url: baseURL! }]);
  await signIn(page, demoPhotographer);
  await page.goto("/admin/photos");
  await expect(page.getByRole("heading", { level: 1, name: "图片库" })).toBeVisible();

  await page.getByLabel("选择照片").setInputFiles([
    { name: "花开-1.jpg", mimeType: "image/jpeg", buffer: await jpeg(1) },
    { name: "花开-2.jpg", mimeType: "image/jpeg", buffer: await jpeg(2) },
  ]);
  const uploads = page.getByRole("list", { name: "上传列表" });
  await expect(uploads.getByRole("listitem").filter({ hasText: "花开-1.jpg" })).toContainText("已上传", { timeout: 30_000 });
  await expect(uploads.getByRole("listitem").filter({ hasText: "花开-2.jpg" })).toContainText("已上传", { timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "已上传 2 张" })).toHaveText("已上传 2 张，共 2 张；失败 0 张。");
  // The library grid shows them after the upload (the page refreshes its data).
  await expect(page.getByRole("link", { name: /^编辑/ })).not.toHaveCount(0);
  await expectNoAxeViolations(page);

  await uploads.getByRole("link", { name: "编辑 花开-1.jpg" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑图片" })).toBeVisible();
  await page.getByLabel("图片说明", { exact: true }).fill(caption);
  await page.getByLabel("署名", { exact: true }).fill("邱昱 摄");
  await page.getByLabel("替代文字").fill("盛开的花与赏花的市民");
  // The keyboard way to set the focal point.
  await page.getByLabel("焦点横向位置").fill("0.3");
  await page.getByLabel("焦点纵向位置").fill("0.6");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已保存" })).toHaveText("已保存。");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "返回图片库" }).click();
  await page.getByRole("searchbox", { name: /关键词/ }).fill("滨江公园花开正盛");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/q=/);
  const results = page.getByRole("region", { name: /^图片/ }).getByRole("listitem");
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText(caption);
  await expect(results.first()).toContainText("邱昱 摄");
  await expect(results.first().getByRole("img", { name: "盛开的花与赏花的市民" })).toBeVisible();

  // In no published story yet: staff see it (never kept by a cache), anyone else finds nothing.
  const src = (await results.first().getByRole("img", { name: "盛开的花与赏花的市民" }).getAttribute("src"))!;
  const mediaPath = decodeURIComponent(/\/media\/[^&"]+/.exec(src)![0]);
  const asStaff = await page.request.get(mediaPath);
  expect(asStaff.status()).toBe(200);
  expect(asStaff.headers()["cache-control"]).toBe("private, no-store");
  const anonymous = await request.get(mediaPath);
  expect(anonymous.status()).toBe(404);
  expect(anonymous.headers()["cache-control"]).toBe("no-store");

  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
  await page.getByLabel("选择照片").setInputFiles([{ name: "logo.svg", mimeType: "image/svg+xml", buffer: svg }]);
  const refused = page.getByRole("list", { name: "上传列表" }).getByRole("listitem").filter({ hasText: "logo.svg" });
  await expect(refused).toContainText("上传失败");
  await expect(refused).toContainText("只能上传 JPEG、PNG、WebP 或 HEIC 照片");
});
