import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoEditor, demoReporter } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// Planning an edition through the UI: an editor creates the edition of a new
// date from the standing page list, renames and reorders pages, and places a
// story planned for that date with the keyboard controls, then drags it to
// another page with the mouse; a reporter is refused. The date is far from the demo dates and other specs.

test.describe.configure({ mode: "serial" });

const date = "2031-05-12";
const headline = `侨乡文旅周末活动${Date.now().toString(36)}`;

async function as(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

test("an editor plans a new edition: creates it, renames and reorders pages, places a planned story with the keyboard and drags it to another page", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await as(browser, demoEditor);

  // A story planned for the date and page, written through the story editor (autosaves).
  await page.goto("/admin/stories");
  await page.getByRole("button", { name: "写新稿" }).first().click();
  await expect(page).toHaveURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  await page.getByLabel("标题", { exact: true }).fill(headline);
  await page.getByLabel("拟见报日期").fill(date);
  await page.getByLabel("拟用版面").selectOption({ label: "侨乡" });
  await expect(page.getByRole("complementary", { name: "稿件信息" }).getByRole("status").first()).toHaveText(/^已保存/, { timeout: 15_000 });

  // 新建一期 from the editions list.
  await page.goto("/admin/editions");
  await page.getByRole("link", { name: "新建一期" }).click();
  await expect(page.getByRole("heading", { name: "新建一期" })).toBeVisible();
  await page.getByLabel("报纸日期").fill(date);
  await page.getByLabel("期号（总第几期）").fill("20001");
  await expect(page.getByRole("checkbox", { name: /要闻/ })).toBeChecked();
  await page.getByRole("button", { name: "创建这一期" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/editions/${date}$`));
  await expect(page.getByRole("heading", { level: 1, name: `${date} 版面规划` })).toBeVisible();
  await expect(page.getByText("总第 20001 期")).toBeVisible();
  const tiles = page.getByRole("heading", { level: 3 });
  await expect(tiles).toHaveText(["A01 要闻", "A03 综合", "A04 江门新闻", "A05 江海新闻", "A06 蓬江新闻", "A07 侨乡", "A08 体育"]);
  await expect(page.getByRole("link", { name: "A05 江海新闻" })).toHaveAttribute("href", `/admin/editions/${date}/pages/A05`);

  // The same date again is refused with a clear message.
  await page.goto("/admin/editions/new");
  await page.getByLabel("报纸日期").fill(date);
  await page.getByRole("button", { name: "创建这一期" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(`${date} 这一期已经存在，不能重复创建。`);
  await page.goto(`/admin/editions/${date}`);

  // Rename A08, then move it above A07 (numbers stay).
  await page.getByLabel("A08 版版名").fill("体育·健康");
  await page.getByRole("button", { name: "保存 A08 版的版名和版号" }).click();
  await expect(page.getByRole("status").filter({ hasText: "版面已保存。" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "A08 体育·健康" })).toBeVisible();
  await page.getByRole("button", { name: "A08 版上移" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^(正在保存…|版面已保存。)$/ })).toHaveText("版面已保存。");
  await expect(tiles).toHaveText(["A01 要闻", "A03 综合", "A04 江门新闻", "A05 江海新闻", "A06 蓬江新闻", "A08 体育·健康", "A07 侨乡"]);
  await page.reload();
  await expect(tiles.nth(5)).toHaveText("A08 体育·健康");

  // The planned story waits in the unplaced list, offered for its planned page; place it with the keyboard only.
  const unplaced = page.getByRole("region", { name: "本日拟用、尚未上版的稿件" });
  await expect(unplaced.getByText(headline)).toBeVisible();
  const select = page.getByLabel(`把“${headline}”放到哪一版`);
  await expect(select).toHaveValue(/[0-9a-f-]{36}/);
  await select.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `“${headline}”上版` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `“${headline}”已放在 A07 版第 1 条。` })).toBeVisible();

  const tile = page.getByRole("region", { name: "A07 侨乡" });
  await expect(tile.getByRole("list", { name: "A07 版的稿件" }).getByRole("listitem").filter({ hasText: headline })).toContainText("草稿");
  await expect(tile.getByText(`稿件未签发（待发）：${headline}`)).toBeVisible();
  await expect(unplaced.getByText(headline)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "A07 侨乡" }).getByRole("link", { name: headline })).toBeVisible();

  // Dragged by its handle with the mouse onto the empty A08 list, in steps as a hand moves.
  const handle = page.getByRole("button", { name: `拖动“${headline}”` });
  const target = page.getByRole("list", { name: "A08 版的稿件" });
  // Both tiles on screen at once, as on an editor's large display.
  await page.setViewportSize({ width: 1600, height: 1400 });
  await page.getByRole("region", { name: "A08 体育·健康" }).scrollIntoViewIfNeeded();
  const from = (await handle.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.up();
  await expect(page.getByRole("status").filter({ hasText: `“${headline}”已放在 A08 版第 1 条。` })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "A08 体育·健康" }).getByRole("link", { name: headline })).toBeVisible();
  await expect(page.getByRole("region", { name: "A07 侨乡" }).getByRole("link", { name: headline })).toHaveCount(0);

  await expectNoAxeViolations(page);
});

test("a reporter cannot plan editions", async ({ browser }) => {
  const page = await as(browser, demoReporter);
  await page.goto("/admin/editions/new");
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("只有编辑和管理员可以策划版面。");
  await expect(page.getByLabel("报纸日期")).toHaveCount(0);
  await page.goto(`/admin/editions/${date}`);
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
});
