import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";

// The reader's search (issue #6): the form in the header of every reader page,
// the results page (/search) with its filters, and the link from a result to
// its page with the article's region outlined. Reads only the demo newsroom.

const SEED = "吹响推进高质量发展奋进号角";
const SEED_HANT = "吹響推進高質量發展奮進號角";

async function searchFromHeader(page: Page, q: string, label = "搜索本报文章", button = "搜索") {
  const header = page.getByRole("banner");
  await header.getByRole("searchbox", { name: label }).fill(q);
  await header.getByRole("button", { name: button, exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
}

const results = (page: Page) => page.getByRole("main").getByRole("article");

test("a reader searches 招商引资 from the header, finds the seed article first with the word marked, filters by date and opens its page", async ({ page, isMobile }) => {
  // Four pages and three accessibility scans on a busy machine.
  test.setTimeout(90_000);
  await page.goto("/2023-03-12/A01");
  await searchFromHeader(page, "招商引资");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“招商引资”的搜索结果");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("main").getByText(/^找到 \d+ 条结果/)).toBeVisible();
  const first = results(page).first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText(SEED);
  await expect(first.locator("mark", { hasText: "招商引资" }).first()).toBeVisible();
  await expect(first).toContainText("2023年3月13日 星期一");
  await expect(first).toContainText("第A05版:江海新闻");
  await expect(first).toContainText("何榕");
  await expect(first.getByRole("link", { name: SEED, exact: true })).toHaveAttribute("href", "/2023-03-13/A05/4");
  // The query stays in both search boxes.
  await expect(page.getByRole("banner").getByRole("searchbox")).toHaveValue("招商引资");
  await expectNoAxeViolations(page);

  // A date range that ends the day before the seed's edition leaves it out.
  const form = page.getByRole("search", { name: "搜索与筛选" });
  await form.getByLabel("截止日期").fill("2023-03-12");
  await form.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/[?&]to=2023-03-12/);
  await expect(page.getByRole("main")).not.toContainText(SEED);
  await expect(page.getByRole("main")).toContainText("没有找到与“招商引资”相关的文章。");
  await expect(page.getByRole("heading", { name: "搜索提示" })).toBeVisible();

  // Without the filter it is back; its 版面 link opens page A05 with its region outlined.
  await page.getByRole("link", { name: "去掉筛选条件再搜索" }).click();
  await expect(page).not.toHaveURL(/to=/);
  const seed = results(page).filter({ has: page.getByRole("heading", { name: SEED }) });
  await seed.getByRole("link", { name: /^查看版面/ }).click();
  await expect(page).toHaveURL(/\/2023-03-13\/A05#region-[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "第A05版:江海新闻" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`已标出：《${SEED}》`);
  const region = page.getByRole("figure").getByRole("link", { name: SEED });
  await expect(region).toHaveAttribute("data-highlighted", "true");
  await expect(page.getByRole("figure").locator("[data-highlighted]")).toHaveCount(await page.getByRole("figure").getByRole("link", { name: SEED }).count());
  await expect(page.getByRole("region", { name: "本版文章" }).getByRole("link", { name: SEED })).toHaveAttribute("data-highlighted", "true");
  if (!isMobile) await expect(region).toBeInViewport();
  await expectNoAxeViolations(page);
});

test("searching 招商引資 in Traditional finds it too, and the Traditional site shows results in Traditional", async ({ page }) => {
  await page.goto("/2023-03-13/A05");
  await searchFromHeader(page, "招商引資");
  await expect(results(page).first().getByRole("heading", { level: 2 })).toHaveText(SEED);
  await expect(results(page).first().locator("mark", { hasText: "招商引资" }).first()).toBeVisible();

  await page.goto("/zh-hant/archive");
  await searchFromHeader(page, "招商引資", "搜索本報文章", "搜索");
  await expect(page).toHaveURL(/\/zh-hant\/search\?/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("“招商引資”的搜索結果");
  const first = results(page).first();
  await expect(first.getByRole("heading", { level: 2 })).toHaveText(SEED_HANT);
  await expect(first.locator("mark", { hasText: "招商引資" }).first()).toBeVisible();
  await expect(first).toContainText("第A05版:江海新聞");
  await expectNoAxeViolations(page);
});

test("an empty query gets tips, a query with nothing to search for and one with no results get a friendly answer", async ({ page }) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "搜索" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("请输入要搜索的词语。");
  await expect(page.getByRole("heading", { name: "搜索提示" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/search?q=${encodeURIComponent("😀 ！？&|")}`);
  await expect(page.getByRole("main")).toContainText("中没有可以搜索的字词");

  await page.goto(`/search?q=${encodeURIComponent("火星殖民地招聘宇航员")}&page=7`);
  await expect(page.getByRole("main")).toContainText("没有找到与“火星殖民地招聘宇航员”相关的文章。");

  // 400 characters (a 10,000-character query does not fit in a URL; the core's tests cover it).
  const long = await page.goto(`/search?q=${encodeURIComponent("招商引资".repeat(100))}`);
  expect(long?.status()).toBe(200);
  await expect(page.getByRole("main")).toContainText("检索词太长，只按前100个字搜索。");
});

test("results page through 上一页/下一页 with page numbers, every filter in the URL", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("江门")}`);
  const pager = page.getByRole("navigation", { name: "搜索结果分页" });
  if ((await pager.count()) === 0) {
    // Fewer than 21 matches in the demo: one page, no pager.
    await expect(results(page).first()).toBeVisible();
    return;
  }
  await expect(pager.getByRole("link", { name: "第1页" })).toHaveAttribute("aria-current", "page");
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole("navigation", { name: "搜索结果分页" }).getByRole("link", { name: "第2页" })).toHaveAttribute("aria-current", "page");
});

test("the filters offer the paper's page names and bylines", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("招商引资")}`);
  const form = page.getByRole("search", { name: "搜索与筛选" });
  await form.getByLabel("版面").selectOption("江海新闻");
  await form.getByLabel("作者").selectOption({ label: "何榕" });
  await form.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/pageName=/);
  await expect(page).toHaveURL(/personId=[0-9a-f-]{36}/);
  await expect(results(page).first().getByRole("heading", { level: 2 })).toHaveText(SEED);
  await form.getByLabel("版面").selectOption("体育");
  await form.getByRole("button", { name: "搜索" }).click();
  await expect(page.getByRole("main")).toContainText("没有找到");
  // The planned edition of 2023-03-14 is not offered.
  await expect(form.getByLabel("作者").locator("option", { hasText: "李雪" })).toHaveCount(0);
});

test("the default publication's search has the short URL only, with its query", async ({ request }) => {
  const response = await request.get(`/p/jmrb/search?q=${encodeURIComponent("招商引资")}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers()["location"]).toBe(`/search?q=${encodeURIComponent("招商引资")}`);
});
