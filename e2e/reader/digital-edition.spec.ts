import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";

const fixture = JSON.parse(readFileSync(new URL("../../tests/fixtures/jmrb-2023-03-13-A05.json", import.meta.url), "utf8")) as {
  publication: { name: string; footer: Record<string, string> };
  edition: { pages: { articles: { headline: string; kicker?: string; byline?: { display: string }; photos?: { caption: string; credit: string }[] }[] }[] };
};
const seedArticles = fixture.edition.pages[0]!.articles;
const seedArticle = seedArticles[3]!;

async function openA05(page: Page) {
  await page.goto("/");
  await expect(page).toHaveURL(/\/2023-03-13\/A01$/);
  await page.getByRole("navigation", { name: "版面导航" }).getByRole("link", { name: /A05\s*江海新闻/ }).click();
  await expect(page).toHaveURL(/\/2023-03-13\/A05$/);
}

test("a reader reads page A05 and its lead story as the seed page shows them, and better", async ({ page, isMobile }) => {
  await openA05(page);

  await expect(page.getByRole("heading", { level: 1, name: "第A05版:江海新闻" })).toBeVisible();
  // In the header (Next's route announcer may read the page title out too).
  await expect(page.getByRole("banner").getByText("2023年3月13日 星期一")).toBeVisible();
  for (const turner of [page.getByRole("navigation", { name: "翻版", exact: true }), page.getByRole("navigation", { name: "版面翻页" })]) {
    await expect(turner.getByRole("link", { name: "上一版" })).toHaveAttribute("href", "/2023-03-13/A04");
    await expect(turner.getByRole("link", { name: "下一版" })).toHaveAttribute("href", "/2023-03-13/A06");
  }
  await expect(page.getByRole("region", { name: "本版文章" }).getByRole("link")).toHaveText(seedArticles.map((article) => article.headline));
  await expect(page.getByRole("link", { name: "上一期" })).toHaveAttribute("href", "/2023-03-12");
  await expect(page.getByRole("region", { name: /往期/ }).getByRole("link", { name: "3月12日" })).toBeVisible();
  for (const line of [fixture.publication.footer.copyright, fixture.publication.footer.icp]) {
    await expect(page.getByRole("contentinfo")).toContainText(line!);
  }
  await expectNoAxeViolations(page);

  // The page image's regions are links named by headline, in page order.
  const image = page.getByRole("figure");
  await expect(image.getByRole("link")).toHaveCount(6);
  const region = image.getByRole("link", { name: seedArticle.headline });
  if (isMobile) await region.scrollIntoViewIfNeeded();
  await region.click();
  await expect(page).toHaveURL(/\/2023-03-13\/A05\/4$/);

  const article = page.getByRole("article");
  await expect(article.getByText(seedArticle.kicker!)).toBeVisible();
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(seedArticle.headline);
  await expect(article.getByText(seedArticle.byline!.display)).toBeVisible();
  const photo = article.getByRole("figure");
  await expect(photo).toContainText(seedArticle.photos![0]!.caption);
  await expect(photo).toContainText(seedArticle.photos![0]!.credit);
  const img = photo.getByRole("img");
  await expect(img).toHaveAttribute("alt", /.+/);
  await expect(img).toHaveAttribute("width", /\d+/);
  await expect(img).toHaveAttribute("srcset", /\dw/);
  await expect(article.getByRole("heading", { level: 2, name: "投资江海 商机无限" })).toBeVisible();
  await expect(page.getByRole("link", { name: "第A05版:江海新闻" })).toHaveAttribute("href", "/2023-03-13/A05");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "NewsArticle", headline: seedArticle.headline, printPage: "A05", printSection: "江海新闻", author: [{ "@type": "Person", name: "何榕" }] });
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/2023-03-13\/A05\/4$/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveCount(1);
  await expectNoAxeViolations(page);

  // 上一篇 / 下一篇 follow the page order.
  await page.getByRole("navigation", { name: "文章导航" }).first().getByRole("link", { name: /下一篇/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedArticles[4]!.headline);
  await page.getByRole("navigation", { name: "文章导航" }).first().getByRole("link", { name: /上一篇/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(seedArticle.headline);
});

test("on a phone the page comes first: its image above the article list, its regions outlined to tap, pages turned by buttons or a swipe, 查看大图 zooms with the regions still tappable", async ({ page, isMobile }) => {
  test.skip(!isMobile, "the phone's layout");
  await page.goto("/2023-03-13/A05");
  const image = page.getByRole("figure", { name: "第A05版:江海新闻 版面图" });
  const list = page.getByRole("heading", { level: 2, name: "本版文章" });
  expect((await image.boundingBox())!.y).toBeLessThan((await list.boundingBox())!.y);
  // Nothing hovers on a touch screen: the regions show without it.
  const region = image.getByRole("link", { name: seedArticle.headline });
  expect(await region.evaluate((link) => getComputedStyle(link).outlineStyle)).toBe("solid");

  // Buttons beside the image, and a swipe to the left, turn to the next page.
  const turner = page.getByRole("navigation", { name: "版面翻页" });
  expect((await turner.getByRole("link", { name: "下一版" }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await turner.getByRole("link", { name: "下一版" }).click();
  await expect(page).toHaveURL(/\/2023-03-13\/A06$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/2023-03-13\/A05$/);
  await page.locator(".page-map").first().evaluate((figure) => {
    const touch = (x: number) => new Touch({ identifier: 1, target: figure, clientX: x, clientY: 300 });
    figure.dispatchEvent(new TouchEvent("touchstart", { touches: [touch(300)], changedTouches: [touch(300)], bubbles: true }));
    figure.dispatchEvent(new TouchEvent("touchend", { touches: [], changedTouches: [touch(120)], bubbles: true }));
  });
  await expect(page).toHaveURL(/\/2023-03-13\/A06$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/2023-03-13\/A05$/);

  // 查看大图: the page at full size over the site, its regions links; closed by a link.
  await page.getByRole("link", { name: "查看大图" }).click();
  const zoom = page.getByRole("dialog", { name: "大图" });
  await expect(zoom).toBeVisible();
  expect((await zoom.getByRole("img").boundingBox())!.width).toBeGreaterThan(page.viewportSize()!.width * 1.5);
  await expectNoAxeViolations(page);
  await zoom.getByRole("link", { name: "关闭大图" }).click();
  await expect(zoom).toBeHidden();
  await page.getByRole("link", { name: "查看大图" }).click();
  const zoomedRegion = zoom.getByRole("link", { name: seedArticle.headline });
  await zoomedRegion.scrollIntoViewIfNeeded();
  await zoomedRegion.click();
  await expect(page).toHaveURL(/\/2023-03-13\/A05\/4$/);
});

test("the font size is kept from one article to the next and across visits", async ({ page }) => {
  await page.goto("/2023-03-13/A05/4");
  const text = page.locator(".article-text");
  const before = await text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  await page.getByRole("button", { name: "放大" }).click();
  await page.getByRole("button", { name: "放大" }).click();
  const larger = await text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(larger).toBeGreaterThan(before);

  await page.getByRole("navigation", { name: "文章导航" }).first().getByRole("link", { name: /下一篇/ }).click();
  await expect(page).toHaveURL(/\/A05\/5$/);
  expect(await text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBe(larger);
  await page.reload();
  expect(await text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBe(larger);

  await page.getByRole("button", { name: "默认" }).click();
  expect(await text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBe(before);
});

test("简/繁: a plain link to the page's own Traditional URL, the whole site in Traditional from there, and back", async ({ page, request }) => {
  await page.goto("/2023-03-13/A05/4");
  await page.getByRole("link", { name: "繁" }).click();
  await expect(page).toHaveURL(/\/zh-hant\/2023-03-13\/A05\/4$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("吹響推進高質量發展奮進號角");
  await expectNoAxeViolations(page);

  // Each script names itself canonical and the other as its language twin.
  const origin = new URL(page.url()).origin;
  const alternates = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) => links.map((link) => [link.getAttribute("hreflang"), new URL(link.getAttribute("href")!).pathname]));
  expect(alternates).toEqual(expect.arrayContaining([["zh-CN", "/2023-03-13/A05/4"], ["zh-Hant", "/zh-hant/2023-03-13/A05/4"]]));
  expect(new URL((await page.locator('link[rel="canonical"]').getAttribute("href"))!, origin).pathname).toBe("/zh-hant/2023-03-13/A05/4");

  // Links on a Traditional page stay in Traditional.
  await page.getByRole("link", { name: "第A05版:江海新聞" }).click();
  await expect(page).toHaveURL(/\/zh-hant\/2023-03-13\/A05$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第A05版:江海新聞");

  // The choice is remembered for the front door only: / opens in Traditional, a shared link in the script it names.
  await page.goto("/");
  await expect(page).toHaveURL(/\/zh-hant\/\d{4}-\d{2}-\d{2}\/[A-Z]\d+$/);
  await page.goto("/2023-03-13/A05");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.goto("/zh-hant/2023-03-13/A05");
  await page.getByRole("link", { name: "简" }).click();
  await expect(page).toHaveURL(/\/2023-03-13\/A05$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第A05版:江海新闻");

  // A 繁 link from before each script had its URLs still leads there.
  const old = await request.get(`/api/reader-script?to=hant&next=${encodeURIComponent("/2023-03-13/A05/4")}`, { maxRedirects: 0 });
  expect(old.status()).toBe(303);
  expect(old.headers()["location"]).toBe("/zh-hant/2023-03-13/A05/4");
});

test("the page PDF downloads", async ({ page }) => {
  await page.goto("/2023-03-13/A05");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /下载本版 PDF/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("jmrb-2023-03-13-A05.pdf");
  const response = await page.request.get((await page.getByRole("link", { name: /下载本版 PDF/ }).getAttribute("href"))!);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("a page without a printed PDF still works as a list of its articles", async ({ page }) => {
  await page.goto("/2023-03-13/A01");
  await expect(page.getByText("本版暂无版面图")).toBeVisible();
  await expect(page.getByRole("region", { name: "本版文章" }).getByRole("link")).not.toHaveCount(0);
  await expect(page.getByText(/转第A03版/)).toBeVisible();
});

for (const path of ["/2023-03-14", "/2023-03-14/A05", "/2023-03-13/A99", "/2023-03-13/A05/99", "/2023-02-30/A01", "/not-a-date", "/2023-03-13/A05/4/extra", "/p/no-such-paper/2023-03-13/A05"]) {
  test(`${path} is a helpful 404`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "找不到这一页" })).toBeVisible();
    await expect(page.getByRole("link", { name: "阅读最新一期" })).toHaveAttribute("href", "/");
  });
}

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
