import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";

// The demo newsroom has published editions on 2023-03-12 and 2023-03-13; the
// edition of 2023-03-14 is still being planned and must not appear anywhere.

async function expectNoSidewaysScrolling(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
}

test("a reader opens 往期 from an edition page, goes to 2023, to March, and opens 13 March", async ({ page }) => {
  // Four pages and three accessibility scans: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await page.goto("/2023-03-13/A05");
  await page.getByRole("region", { name: /往期/ }).getByRole("link", { name: "全部往期" }).click();

  // The archive: every year with its count, the latest months.
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1, name: "往期" })).toBeVisible();
  await expect(page.getByText("2023年，共2期")).toBeVisible();
  await expect(page.getByRole("region", { name: "最近出版" }).getByRole("link", { name: "2023年3月" })).toHaveAttribute("href", "/archive/2023/03");
  const years = page.getByRole("region", { name: "按年份浏览" });
  await expect(years.getByRole("link", { name: "2023年3月，2期" })).toHaveAttribute("href", "/archive/2023/03");
  await expect(years.getByRole("link", { name: /2023年4月/ })).toHaveCount(0);
  await expectNoSidewaysScrolling(page);
  await expectNoAxeViolations(page);
  await years.getByRole("link", { name: "2023年", exact: true }).click();

  // The year: twelve month calendars, the published days linked.
  await expect(page).toHaveURL(/\/archive\/2023$/);
  await expect(page.getByRole("heading", { level: 1, name: "往期 · 2023年" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(12);
  const march = page.getByRole("region", { name: /^3月/ });
  await expect(march.getByRole("link", { name: "3月12日" })).toHaveAttribute("href", "/2023-03-12");
  await expect(march.getByRole("link", { name: "3月13日" })).toHaveAttribute("href", "/2023-03-13");
  await expect(march.getByRole("link", { name: "3月14日" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "年份导航" })).toContainText("没有更早的年份");
  await expectNoSidewaysScrolling(page);
  await expectNoAxeViolations(page);
  await march.getByRole("link", { name: "3月", exact: true }).click();

  // The month: a large calendar and the month's editions.
  await expect(page).toHaveURL(/\/archive\/2023\/03$/);
  await expect(page.getByRole("heading", { level: 1, name: "往期 · 2023年3月" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "当前位置" }).getByRole("link", { name: "2023年" })).toHaveAttribute("href", "/archive/2023");
  const editions = page.getByRole("region", { name: "本月各期" }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(editions).toHaveCount(2);
  await expect(editions.nth(0).getByRole("heading", { level: 3 })).toHaveText("3月12日 星期日");
  await expect(editions.nth(1)).toContainText("总第17890期 · 共8版 · A01 要闻");
  await expect(editions.nth(1).getByRole("link", { name: "江门代表委员：把两会精神转化为实干动力" })).toHaveAttribute("href", "/2023-03-13/A01/1");
  await expect(page.getByRole("main")).not.toContainText("3月14日 星期二");
  await expect(page.getByRole("navigation", { name: "月份导航" })).toContainText("没有更晚的月份");
  await expectNoSidewaysScrolling(page);
  await expectNoAxeViolations(page);
  await page.getByRole("region", { name: "出版日历" }).getByRole("link", { name: "3月13日" }).click();

  await expect(page).toHaveURL(/\/2023-03-13\/A01$/);
  await expect(page.getByRole("heading", { level: 1, name: "第A01版:要闻" })).toBeVisible();
});

test("the reader header links to 往期 on every page", async ({ page }) => {
  await page.goto("/2023-03-13/A05/4");
  await page.getByRole("banner").getByRole("link", { name: "往期", exact: true }).click();
  await expect(page).toHaveURL(/\/archive$/);
  await expect(page.getByRole("heading", { level: 1, name: "往期" })).toBeVisible();
});

test("the archive in Traditional Chinese", async ({ page }) => {
  await page.goto("/zh-hant/archive/2023/03");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByRole("heading", { level: 1, name: "往期 · 2023年3月" })).toBeVisible();
  await expect(page.getByRole("link", { name: "江門代表委員：把兩會精神轉化為實幹動力" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("總第17890期");
  await expect(page.getByRole("navigation", { name: "月份導航" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the default publication's archive has the short URLs only", async ({ request }) => {
  const response = await request.get("/p/jmrb/archive/2023", { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  // (Next sends the Location header twice here; both are the same.)
  const target = (location: string | undefined) => new URL(location!.split(",")[0]!.trim(), "http://reader.test").pathname;
  expect(target(response.headers()["location"])).toBe("/archive/2023");
  // In Traditional too, staying in Traditional.
  const traditional = await request.get("/zh-hant/p/jmrb/archive/2023", { maxRedirects: 0 });
  expect(traditional.status()).toBe(308);
  expect(target(traditional.headers()["location"])).toBe("/zh-hant/archive/2023");
});

test("the archive's pages are in the sitemaps", async ({ request }) => {
  expect(await (await request.get("/sitemap.xml")).text()).toContain("/sitemaps/jmrb-archive.xml</loc>");
  const xml = await (await request.get("/sitemaps/jmrb-archive.xml")).text();
  for (const path of ["/archive", "/archive/2023", "/archive/2023/03"]) expect(xml).toContain(`${path}</loc>`);
});

for (const path of ["/archive/2023/04", "/archive/2024", "/archive/2099/01", "/archive/2023/13", "/archive/2023/3", "/archive/abcd", "/archive/2023/03/13", "/p/no-such-paper/archive"]) {
  test(`${path} is the reader 404`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到这一页" })).toBeVisible();
  });
}
