import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../helpers/axe";

const fixture = JSON.parse(readFileSync(new URL("../../tests/fixtures/jmrb-2023-03-13-A05.json", import.meta.url), "utf8")) as {
  publication: { name: string; footer: { icp: string; copyright: string } };
  edition: { pages: { articles: { headline: string }[] }[] };
};

test("a reader opens the site and finds today's edition with the seed page's stories", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(`${fixture.publication.name} 数字报`);
  await expect(page.getByText("2023年3月13日 星期一")).toBeVisible();

  const a05 = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "第A05版:江海新闻" }) });
  await expect(a05.getByRole("listitem")).toHaveText(fixture.edition.pages[0]!.articles.map((article) => article.headline));

  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText(fixture.publication.footer.copyright);
  await expect(footer).toContainText(fixture.publication.footer.icp);
  await expectNoAxeViolations(page);
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
