import { expect, test, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { e2eAdmin } from "../../playwright.config";
import { demoEditor, demoReporter } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// The newsroom's day through the UI: a reporter files a story, an editor edits
// and approves it, a second editor's stale save meets a conflict, and a
// reporter is kept out of what is not theirs.

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const headline = `江门侨乡新貌调查${stamp}`;
let storyUrl = "";

async function as(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

/** A JPEG no other test uses (the library de-duplicates identical files). */
async function uniqueJpeg() {
  const colour = { r: Math.floor(Math.random() * 255), g: 120, b: 200 };
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** The editor's save status says everything typed is saved. */
const saved = (page: Page) => expect(page.getByRole("complementary", { name: "稿件信息" }).getByRole("status").first()).toHaveText(/^已保存/, { timeout: 15_000 });

test("a reporter writes a story with a kicker, two subheads and a captioned photo, sees it autosaved and submits it", async ({ browser }) => {
  // A whole writing session (typing, an upload, a reload, an axe check): 30 s is too tight on a busy machine.
  test.setTimeout(60_000);
  const page = await as(browser, demoReporter);
  await page.getByRole("button", { name: "写新稿" }).first().click();
  await expect(page).toHaveURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  storyUrl = new URL(page.url()).pathname;

  await page.getByLabel("引题").fill("“侨”见新变化");
  await page.getByLabel("标题", { exact: true }).fill(headline);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type("　　3月12日，记者走访了江门多个侨乡村落。");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "小标题" }).click();
  await page.keyboard.type("一、老屋焕新");
  await page.keyboard.press("Enter");
  await page.keyboard.type("碉楼修缮工作已完成八成。");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "小标题" }).click();
  await page.keyboard.type("二、乡村振兴");
  await page.keyboard.press("Enter");
  await page.keyboard.type("村里新开了三家民宿。");
  await expect(body.locator("h3")).toHaveText(["一、老屋焕新", "二、乡村振兴"]);

  await page.getByRole("button", { name: "从图片库选择或上传" }).click();
  await page.locator('input[type="file"]').setInputFiles({ name: "diaolou.jpg", mimeType: "image/jpeg", buffer: await uniqueJpeg() });
  await expect(page.getByText(/已上传 1 张/)).toBeVisible({ timeout: 20_000 });
  // The fresh upload is listed first.
  await page.getByRole("button", { name: /^使用图片/ }).first().click();
  const photo = page.getByRole("listitem", { name: "第 1 张图片" });
  await photo.getByLabel("图片库说明").fill("修缮后的碉楼。");
  await photo.getByLabel("署名", { exact: true }).fill("何榕 摄");
  await photo.getByLabel("替代文字").fill("一座修缮后的碉楼");
  await photo.getByRole("button", { name: "保存图片信息" }).click();
  await expect(photo.getByText("图片信息已保存。")).toBeVisible();

  // Autosave: no button pressed, and the saved version survives a reload.
  await saved(page);
  await expectNoAxeViolations(page);
  await page.reload();
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(headline);
  await expect(page.getByRole("textbox", { name: "正文" }).locator("h3")).toHaveCount(2);
  await expect(page.getByRole("listitem", { name: "第 1 张图片" }).getByLabel("署名", { exact: true })).toHaveValue("何榕 摄");

  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByText("已提交", { exact: true })).toBeVisible();
  // Submitted: the reporter can read it, not change it, and cannot approve it.
  await expect(page.getByText("您现在只能查看这篇稿件。")).toBeVisible();
  await expect(page.getByLabel("标题", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "签发（待发）" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "撤回提交" })).toBeVisible();
  await page.context().close();
});

test("an editor edits it, sees the differences from the reporter's version, and approves it", async ({ browser }) => {
  const page = await as(browser, demoEditor);
  await page.goto(`/admin/stories?status=SUBMITTED&q=${encodeURIComponent(headline)}`);
  await page.getByRole("link", { name: headline }).click();
  await expect(page).toHaveURL(new RegExp(`${storyUrl}$`));

  await page.getByLabel("副题", { exact: true }).fill("碉楼群修缮进展过半");
  // 不署名 is saved with the story; the reporter's byline stays and is still printed, as the editor says.
  await page.getByLabel("不署名（简讯、社论、图片新闻）").check();
  await expect(page.getByText("下面的署名仍会见报；不需要署名时请删除。")).toBeVisible();
  const body = page.getByRole("textbox", { name: "正文" });
  await body.getByText("村里新开了三家民宿。").click();
  await page.keyboard.press("End");
  await page.keyboard.type("游客明显增多。");
  await saved(page);

  await page.getByRole("link", { name: "修改记录" }).click();
  const diff = page.getByRole("region", { name: "对比" });
  await expect(diff.locator("ins").filter({ hasText: "游客明显增多" })).toBeVisible();
  await expect(diff.locator("ins").filter({ hasText: "碉楼群修缮进展过半" })).toBeVisible();
  await expect(diff.getByRole("term").filter({ hasText: /^不署名$/ })).toBeVisible();
  await expect(page.getByRole("table").getByText(demoReporter.name).first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goBack();
  await expect(page.getByLabel("不署名（简讯、社论、图片新闻）")).toBeChecked();
  await page.getByRole("button", { name: "签发（待发）" }).click();
  await expect(page.getByText("待发", { exact: true })).toBeVisible();
  await page.context().close();
});

test("a second editor's stale save meets the conflict and keeps both texts", async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await as(browser, demoEditor);
  const second = await as(browser, e2eAdmin);
  await first.goto(storyUrl);
  await second.goto(storyUrl);
  // Presence is reported every 15 s.
  await expect(second.getByText(new RegExp(`${demoEditor.name}.*也打开了这篇稿件`))).toBeVisible({ timeout: 20_000 });

  // The second editor's connection drops while they type; the first saves meanwhile.
  await second.context().setOffline(true);
  await second.getByLabel("标题", { exact: true }).fill(`${headline}（乙改）`);
  await expect(second.getByText(/无法连接服务器/)).toBeVisible();
  await first.getByLabel("标题", { exact: true }).fill(`${headline}（甲改）`);
  await saved(first);
  await second.context().setOffline(false);

  const conflict = second.getByRole("alertdialog", { name: "保存冲突" });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByText(`${headline}（甲改）`).first()).toBeVisible();
  await expect(conflict.getByText(`${headline}（乙改）`).first()).toBeVisible();
  await expectNoAxeViolations(second);

  await conflict.getByRole("button", { name: "在对方版本上合并" }).click();
  await expect(second.getByLabel("标题", { exact: true })).toHaveValue(`${headline}（甲改）`);
  await expect(second.getByRole("region", { name: "您的版本（供合并参考）" }).getByText(`${headline}（乙改）`)).toBeVisible();
  await second.getByLabel("标题", { exact: true }).fill(`${headline}（甲乙合并）`);
  await saved(second);
  await second.getByRole("button", { name: "合并完成，关闭参考" }).click();

  await first.reload();
  await expect(first.getByLabel("标题", { exact: true })).toHaveValue(`${headline}（甲乙合并）`);
  await first.context().close();
  await second.context().close();
});

test("a reporter cannot open another person's draft", async ({ browser }) => {
  const admin = await as(browser, e2eAdmin);
  await admin.getByRole("button", { name: "写新稿" }).first().click();
  await expect(admin).toHaveURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  const othersDraft = new URL(admin.url()).pathname;
  await admin.context().close();

  const reporter = await as(browser, demoReporter);
  await reporter.goto(othersDraft);
  await expect(reporter.getByRole("main").getByRole("alert")).toHaveText("这不是您的稿件，您不能打开或修改它。");
  await expect(reporter.getByLabel("标题", { exact: true })).toHaveCount(0);
  await reporter.goto(`${othersDraft}/history`);
  await expect(reporter.getByRole("main").getByRole("alert")).toHaveText("这不是您的稿件，您不能打开或修改它。");
  await reporter.context().close();
});
