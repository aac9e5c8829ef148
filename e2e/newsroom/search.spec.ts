import { expect, test } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// The dashboard's search (全文搜索): an editor finds an unpublished draft, written
// through the story editor with a word no other test uses, that the reader's
// search does not show.

const stamp = Date.now().toString(36);
const word = `西江夜航调查${stamp}`;
const headline = `${word}：渔港夜市升温`;

test("an editor finds an unpublished draft in the dashboard search that readers' search does not show", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, demoEditor);
  await page.getByRole("button", { name: "写新稿" }).first().click();
  await expect(page).toHaveURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  const storyUrl = new URL(page.url()).pathname;
  await page.getByLabel("标题", { exact: true }).fill(headline);
  const body = page.getByRole("textbox", { name: "正文" });
  await body.click();
  await page.keyboard.type("入夜后的渔港灯火通明，夜市摊档前人头攒动。");
  await expect(page.getByRole("complementary", { name: "稿件信息" }).getByRole("status").first()).toHaveText(/^已保存/, { timeout: 15_000 });

  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/search$/);
  await expect(page.getByRole("heading", { level: 1, name: "全文搜索" })).toBeVisible();
  const form = page.getByRole("search", { name: "搜索与筛选" });
  await form.getByLabel("检索词").fill(word);
  await form.getByRole("button", { name: "搜索" }).click();

  const hit = page.getByRole("main").getByRole("article");
  await expect(hit).toHaveCount(1);
  await expect(hit.getByRole("heading", { level: 2 })).toHaveText(headline);
  await expect(hit.locator("mark").first()).toBeVisible();
  await expect(hit).toContainText("草稿");
  await expect(hit).toContainText("未上版");
  await expect(hit).toContainText("夜市");
  await expectNoAxeViolations(page);

  // The status filter: not among the published stories.
  await form.getByLabel("状态").selectOption("PUBLISHED");
  await form.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/status=PUBLISHED/);
  await expect(page.getByRole("main")).toContainText(`没有找到与“${word}”相关的稿件。`);
  await form.getByLabel("状态").selectOption("DRAFT");
  await form.getByRole("button", { name: "搜索" }).click();
  await hit.getByRole("link", { name: headline }).click();
  await expect(page).toHaveURL(new RegExp(`${storyUrl}$`));

  // Readers' search does not show it.
  const reader = await browser.newContext({ locale: "zh-CN" });
  const readerPage = await reader.newPage();
  await readerPage.goto(`/search?q=${encodeURIComponent(word)}`);
  await expect(readerPage.getByRole("main")).toContainText(`没有找到与“${word}”相关的文章。`);
  await expect(readerPage.getByRole("main")).not.toContainText(headline);
  await reader.close();
});

test("the dashboard search speaks English too", async ({ page, context, baseURL }) => {
  await signIn(page, demoEditor);
  // The cookie alone (not the language links): the account keeps its language for other tests.
  await context.addCookies([{ name: "dashboard-locale", value: "en", url: baseURL! }]);
  await page.goto(`/admin/search?q=${encodeURIComponent("招商引资")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(/\d+ stor(y|ies) found/);
  // The import spec files a draft copy of this story on another date: pick the published one.
  const seed = page
    .getByRole("main")
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { name: "吹响推进高质量发展奋进号角" }) })
    .filter({ hasText: "2023-03-13" });
  await expect(seed).toContainText("Published");
  await expect(seed).toContainText("2023-03-13 · A05 江海新闻");
  await expect(page.getByRole("search", { name: "Search and filters" }).getByLabel("Status")).toBeVisible();
  await expectNoAxeViolations(page);
});
