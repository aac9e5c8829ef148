import { expect, test } from "@playwright/test";
import { demoEditor, demoReporter } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// Runs after the reader specs (playwright.config.ts: project "publishing"):
// it changes which edition is the latest.

test("an editor publishes tomorrow's paper and readers see it at once; a withdrawal takes it away", async ({ page, request }) => {
  expect((await request.get("/2023-03-14/A01")).status()).toBe(404);

  await signIn(page, demoEditor);
  await page.getByRole("navigation", { name: "后台导航" }).getByRole("link", { name: "报纸" }).click();
  await expect(page.getByRole("heading", { name: "报纸" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "发布 2023-03-14" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  const published = Date.now();
  await expect
    .poll(async () => (await request.get("/2023-03-14/A01")).status(), { timeout: 2_000, intervals: [100] })
    .toBe(200);
  expect(Date.now() - published).toBeLessThan(1_500);
  const reader = await request.get("/2023-03-14/A01");
  expect(await reader.text()).toContain("侨都春耕忙 田间绘新景");
  const latest = await request.get("/", { maxRedirects: 0 });
  expect(latest.headers()["location"]).toContain("/2023-03-14/A01");

  // 撤版 needs a reason.
  await page.getByRole("button", { name: "撤版 2023-03-14" }).click();
  await expect(page.getByRole("status").filter({ hasText: "请填写撤版原因。" })).toBeVisible();
  await page.getByLabel("2023-03-14 撤版原因").fill("误发");
  await page.getByRole("button", { name: "撤版 2023-03-14" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已撤版" })).toBeVisible();
  await expect
    .poll(async () => (await request.get("/2023-03-14/A01")).status(), { timeout: 2_000, intervals: [100] })
    .toBe(404);
  expect((await request.get("/", { maxRedirects: 0 })).headers()["location"]).toContain("/2023-03-13/A01");
});

test("a reporter cannot publish", async ({ page }) => {
  await signIn(page, demoReporter);
  await page.goto("/admin/editions");
  await expect(page.getByRole("heading", { name: "报纸" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^发布/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^撤版/ })).toHaveCount(0);
});
