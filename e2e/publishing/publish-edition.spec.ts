import { expect, test } from "@playwright/test";
import { demoEditor, demoReporter } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { signIn } from "../helpers/sign-in";

// Runs after the reader specs (playwright.config.ts: project "publishing"):
// it changes which edition is the latest. One test after the other: they
// publish the same edition.
test.describe.configure({ mode: "serial" });

test("an editor publishes tomorrow's paper and readers see it at once; a withdrawal takes it away", async ({ page, request }) => {
  expect((await request.get("/2023-03-14/A01")).status()).toBe(404);
  expect(await (await request.get("/archive/2023/03")).text()).not.toContain("侨都春耕忙 田间绘新景");

  await signIn(page, demoEditor);
  // Preview first: the whole edition as readers will see it (its files, rendered as publishing will), still unpublished.
  await page.goto("/admin/editions/2023-03-14/preview");
  await expect(page).toHaveURL(/\/admin\/editions\/2023-03-14\/preview\/A01$/);
  await expect(page.getByRole("note")).toContainText("尚未发布");
  await page.getByRole("link", { name: "侨都春耕忙 田间绘新景" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "侨都春耕忙 田间绘新景" })).toBeVisible();
  expect((await request.get("/2023-03-14/A01")).status()).toBe(404);

  // The preview is the published files themselves; its banner leads back to the dashboard.
  await page.getByRole("note").getByRole("link", { name: "报纸" }).click();
  await expect(page.getByRole("heading", { name: "报纸" })).toBeVisible();
  await expectNoAxeViolations(page);

  // Pre-flight stops the first try (the planned pages have no page images yet) and lists why.
  await page.getByRole("button", { name: "发布 2023-03-14", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: /发布前检查发现 \d+ 个问题/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /还没有版面图/ }).first()).toBeVisible();
  await page.getByLabel("2023-03-14 仍要发布的原因").fill("版面图稍后补传");
  await page.getByRole("button", { name: "仍要发布 2023-03-14" }).click();
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
  // 往期 lists it too (the archive is cached under the same tag).
  expect(await (await request.get("/archive/2023/03")).text()).toContain("侨都春耕忙 田间绘新景");

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
  expect(await (await request.get("/archive/2023/03")).text()).not.toContain("侨都春耕忙 田间绘新景");
});

test("a scheduled edition appears on the reader site after its time, without anyone present", async ({ page, request }) => {
  test.setTimeout(150_000);
  expect((await request.get("/2023-03-14/A01")).status()).toBe(404);
  await signIn(page, demoEditor);
  await page.goto("/admin/editions");
  // The next whole minute, Beijing time (the form's time zone).
  const at = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16);
  await page.getByLabel("2023-03-14 定时发布时间（北京时间）").fill(local);
  await page.getByRole("button", { name: "定时发布 2023-03-14" }).click();
  await expect(page.getByRole("status").filter({ hasText: /发布前检查发现/ })).toBeVisible();
  await page.getByLabel("2023-03-14 仍要发布的原因").fill("版面图稍后补传");
  await page.getByRole("button", { name: "定时发布 2023-03-14" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已安排定时发布" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/将于 .* 发布/)).toBeVisible();
  expect((await request.get("/2023-03-14/A01")).status()).toBe(404);

  await expect
    .poll(async () => (await request.get("/2023-03-14/A01")).status(), { timeout: 110_000, intervals: [2_000] })
    .toBe(200);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
});

test("a reporter cannot publish", async ({ page }) => {
  await signIn(page, demoReporter);
  await page.goto("/admin/editions");
  await expect(page.getByRole("heading", { name: "报纸" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^发布/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^撤版/ })).toHaveCount(0);
});
