import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// One evening on the night desk, through the UI only: a story is filed for
// tomorrow's 江海新闻 page, the editor creates the edition, places the story,
// uploads the printed page, checks the regions found, corrects one by hand,
// makes the story the system did not have from its region's text, runs
// pre-flight, previews and publishes; then a reader opens it. The date lies
// before the demo editions, so it never becomes the reader's latest edition.

const date = "2023-03-06";
const pagePdf = path.join(import.meta.dirname, "..", "..", "prisma", "demo", "editions", "2023-03-13", "A05.pdf");
const filed = "吹响推进高质量发展奋进号角";

const saved = (page: Page) => expect(page.getByRole("complementary", { name: "稿件信息" }).getByRole("status").first()).toHaveText(/^已保存/, { timeout: 15_000 });

/** Gives a story a printed byline and takes it through the desk to 待发. */
async function bylineAndApprove(page: Page, name: string) {
  await page.getByRole("button", { name: "添加署名" }).click();
  await page.getByRole("listitem", { name: "第 1 个署名" }).getByLabel("姓名").fill(name);
  await saved(page);
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await page.getByRole("button", { name: "开始编辑" }).click();
  await page.getByRole("button", { name: "签发（待发）" }).click();
  await expect(page.getByText("待发", { exact: true })).toBeVisible();
}

test("the night desk makes an edition from printed pages and publishes it; a reader reads it", async ({ page, request }) => {
  test.setTimeout(240_000);
  await signIn(page, demoEditor);

  // A story filed for the date and page (the printed page has six; the system knows this one).
  await page.goto("/admin/stories");
  await page.getByRole("button", { name: "写新稿" }).first().click();
  await expect(page).toHaveURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  await page.getByLabel("引题").fill("江海区积极打造招商引资“强磁场”");
  await page.getByLabel("标题", { exact: true }).fill(filed);
  await page.getByRole("textbox", { name: "正文" }).click();
  await page.keyboard.type("江海区召开高质量发展大会，全力以赴拼经济、抓项目、促发展。");
  await page.getByLabel("拟见报日期").fill(date);
  await page.getByLabel("拟用版面").selectOption({ label: "江海新闻" });
  await bylineAndApprove(page, "何榕");

  // 新建一期: only the 江海新闻 page tonight.
  await page.goto("/admin/editions/new");
  await page.getByLabel("报纸日期").fill(date);
  for (const box of await page.getByRole("main").getByRole("checkbox").all()) await box.setChecked(false);
  await page.getByRole("checkbox", { name: /江海新闻/ }).check();
  await page.getByRole("button", { name: "创建这一期" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${date} 版面规划` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3 })).toHaveText(["A05 江海新闻"]);

  // The filed story waits among the unplaced ones, suggested for A05; place it.
  await page.getByRole("button", { name: `“${filed}”上版` }).click();
  await expect(page.getByRole("list", { name: "A05 版的稿件" })).toContainText(filed);

  // The printed page: upload, wait for the page image, see the regions found.
  await page.getByRole("link", { name: "A05 江海新闻" }).click();
  await page.getByLabel("选择 PDF").setInputFiles(pagePdf);
  await expect(page.getByRole("status").filter({ hasText: "版面图已生成" })).toBeVisible({ timeout: 90_000 });
  const regions = page.getByRole("group", { name: /^热区 \d+/ });
  await expect(regions).toHaveCount(6);
  const matched = page.getByRole("group", { name: new RegExp(`^热区 \\d+ · 《${filed}》`) });
  await expect(matched).toHaveCount(1);
  await expect(matched.getByRole("combobox", { name: "对应稿件" }).locator("option:checked")).toContainText(filed);
  await expect(matched).toContainText(/自动识别 · 匹配可信度 \d+%/);
  await expect(page.getByRole("group", { name: /^热区 \d+ · 未指定/ })).toHaveCount(5);

  // Correct the matched region by hand: its top edge, by the keyboard inputs.
  const top = matched.getByLabel("上边距 (%)");
  const corrected = String(Math.round((Number(await top.inputValue()) + 1) * 10) / 10);
  await top.fill(corrected);
  await page.getByRole("button", { name: "保存热区" }).click();
  await expect(page.getByRole("status").filter({ hasText: "热区已保存。" })).toBeVisible();

  // The 招聘夜市 story is not in the system: make it from its region's text, then finish it.
  const missing = regions.filter({ hasText: "招聘夜市" });
  await missing.getByRole("button", { name: "用此文本新建稿件" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已新建稿件并放到本版。" })).toBeVisible();
  await page.reload();
  const linked = page.getByRole("group", { name: /^热区 \d+ · 《/ });
  await expect(linked).toHaveCount(2);
  await expect(linked.filter({ has: page.locator("option:checked", { hasText: "招聘夜市" }) })).toHaveCount(1);
  await expect(linked.filter({ has: page.locator("option:checked", { hasText: filed }) }).getByLabel("上边距 (%)")).toHaveValue(corrected);

  await page.goto(`/admin/editions/${date}`);
  const tile = page.getByRole("list", { name: "A05 版的稿件" });
  await expect(tile).toContainText("招聘夜市");
  await tile.getByRole("link", { name: /招聘夜市/ }).click();
  await expect(page.getByLabel("标题", { exact: true })).toHaveValue(/招聘夜市/);
  await bylineAndApprove(page, "蔡可心");

  // Pre-flight passes; the preview shows the page as readers will see it.
  await page.goto(`/admin/editions/${date}/preflight`);
  await expect(page.getByRole("status")).toHaveText("检查全部通过，可以发布。");
  await page.goto(`/admin/editions/${date}/preview`);
  await expect(page).toHaveURL(new RegExp(`/admin/editions/${date}/preview/A05$`));
  await expect(page.getByRole("note")).toContainText("尚未发布");
  await expect(page.getByRole("link", { name: filed }).first()).toBeVisible();
  expect((await request.get(`/${date}/A05`)).status()).toBe(404);

  // Publish from the editions list.
  await page.goto("/admin/editions");
  await page.getByRole("button", { name: `发布 ${date}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A reader: the page with both stories, the region links, and the corrected story's text.
  await expect.poll(async () => (await request.get(`/${date}/A05`)).status(), { timeout: 5_000 }).toBe(200);
  await page.context().clearCookies();
  await page.goto(`/${date}/A05`);
  await expect(page.getByRole("heading", { level: 1, name: "第A05版:江海新闻" })).toBeVisible();
  const list = page.getByRole("region", { name: "本版文章" });
  await expect(list.getByRole("link", { name: filed })).toBeVisible();
  await expect(list.getByRole("link", { name: /招聘夜市/ })).toBeVisible();
  await list.getByRole("link", { name: filed }).click();
  await expect(page.getByRole("heading", { level: 1, name: filed })).toBeVisible();
  await expect(page.getByText("江海区召开高质量发展大会")).toBeVisible();
  await expect(page.getByText("何榕")).toBeVisible();
});
