import { expect, test } from "@playwright/test";

test("the RSS feed of the latest edition lists its articles with their stable URLs", async ({ request }) => {
  const response = await request.get("/feed.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await response.text();
  expect(xml).toContain("<title>江门日报 最新一期</title>");
  expect(xml).toMatch(/<link>http[^<]+\/2023-03-13\/A05\/4<\/link>/);
  expect(xml).toContain("吹响推进高质量发展奋进号角");
  expect(xml).not.toContain("2023-03-12/");
});

test("each page name has its own feed", async ({ request }) => {
  const xml = await (await request.get(`/feeds/${encodeURIComponent("江海新闻")}.xml`)).text();
  expect(xml).toContain("江门日报 · 江海新闻");
  expect(xml).toContain("共建科研平台最高可获5000万元补助");
  expect((await request.get(`/feeds/${encodeURIComponent("不存在的版")}.xml`)).status()).toBe(404);
});

test("sitemaps list every published page and article; robots.txt points at them", async ({ request }) => {
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  const monthUrl = /<loc>(http[^<]+jmrb-2023-03\.xml)<\/loc>/.exec(index)?.[1];
  expect(monthUrl).toBeTruthy();
  const month = await (await request.get(new URL(monthUrl!).pathname)).text();
  expect(month).toContain("/2023-03-13/A05</loc>");
  expect(month).toContain("/2023-03-13/A05/4</loc>");
  expect(month).toContain("/2023-03-12/A01/1</loc>");
  const news = await request.get("/news-sitemap.xml");
  expect(news.status()).toBe(200);
  expect(await news.text()).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain("Sitemap:");
  expect(robots).toContain("Disallow: /admin");
});

test("reader pages fit a 360 px wide phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/2023-03-13/A05", "/2023-03-13/A05/4"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
});

test("every reader response names its surrogate keys for a CDN (the article, its page and edition, in both scripts); staff pages none", async ({ request }) => {
  for (const path of ["/2023-03-13/A05/4", "/zh-hant/2023-03-13/A05/4"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["surrogate-key"], path).toBe("reader edition-2023-03-13 page-2023-03-13-A05 article-2023-03-13-A05-4");
    expect(headers["cache-tag"], path).toBe("reader,edition-2023-03-13,page-2023-03-13-A05,article-2023-03-13-A05-4");
  }
  expect((await request.get("/archive")).headers()["surrogate-key"]).toBe("reader");
  expect((await request.get("/feed.xml")).headers()["surrogate-key"]).toBe("reader");
  expect((await request.get("/admin/sign-in")).headers()["surrogate-key"]).toBeUndefined();
});
