import { expect, test } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { startSecondInstance } from "../helpers/second-instance";
import { signIn } from "../helpers/sign-in";

// 撤版 of one page of the published demo edition, and back. Runs in the
// publishing project, after the reader specs that read 2023-03-13. A second
// app instance on the same database, with a cache of its own, must follow
// within a second.

let second: Awaited<ReturnType<typeof startSecondInstance>>;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  second = await startSecondInstance();
});
test.afterAll(async () => second?.stop());

test("an editor withdraws one page of a published edition: readers lose only that page, on every instance; republished, it is back", async ({ page, request }) => {
  const pageStatus = async () => (await request.get("/2023-03-13/A06")).status();
  const onSecond = async () => (await request.get(`${second.baseURL}/2023-03-13/A06`)).status();
  const onSecondTraditional = async () => (await request.get(`${second.baseURL}/zh-hant/2023-03-13/A06`)).status();
  expect(await pageStatus()).toBe(200);
  // The second instance has the page in its own cache.
  expect(await onSecond()).toBe(200);
  expect(await onSecondTraditional()).toBe(200);
  await signIn(page, demoEditor);
  await page.goto("/admin/editions/2023-03-13");
  const section = page.getByRole("region", { name: "单版撤版与重新发布" });
  const row = section.getByRole("row", { name: /A06/ });
  await expect(row.getByRole("cell").first()).toHaveText("已发布");

  // A reason is required.
  await row.getByRole("button", { name: "撤下第A06版" }).click();
  await expect(row.getByRole("status")).toHaveText("请填写撤版原因。");
  await row.getByLabel("第A06版撤版原因").fill("图片授权有误");
  await row.getByRole("button", { name: "撤下第A06版" }).click();
  await expect(row.getByRole("status")).toHaveText("第A06版已撤下，读者不再能看到。");
  await expect(row.getByRole("cell").first()).toHaveText("已撤版");
  await expect(page.getByRole("heading", { level: 3, name: /A06/ })).toContainText("已撤版");
  await expectNoAxeViolations(page);

  await expect.poll(pageStatus, { timeout: 5_000 }).toBe(404);
  await expect.poll(onSecond, { timeout: 1_500, intervals: [100] }).toBe(404);
  await expect.poll(onSecondTraditional, { timeout: 1_500, intervals: [100] }).toBe(404);
  const neighbour = await (await request.get("/2023-03-13/A05")).text();
  expect(neighbour).toContain("/2023-03-13/A07");
  expect(neighbour).not.toContain("/2023-03-13/A06");

  await row.getByRole("button", { name: "重新发布第A06版" }).click();
  await expect(row.getByRole("status")).toHaveText("第A06版已重新发布。");
  await expect(row.getByRole("cell").first()).toHaveText("已发布");
  await expect.poll(pageStatus, { timeout: 5_000 }).toBe(200);
  await expect.poll(onSecond, { timeout: 1_500, intervals: [100] }).toBe(200);
});
