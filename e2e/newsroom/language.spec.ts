import { expect, test } from "@playwright/test";
import { demoPhotographer } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";

test("the dashboard speaks Chinese by default and English on choice, remembered for the account", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByRole("navigation", { name: "语言" }).getByRole("button", { name: "English" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Sign in to the newsroom" })).toBeVisible();
  await page.getByLabel("Email").fill(demoPhotographer.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("The email or password is not right. Try again.");
  await page.getByLabel("Password").fill(demoPhotographer.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("region", { name: "My stories" })).toContainText("Published");
  await expect(page.getByText(`${demoPhotographer.name}（Photographer）`)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();

  // A choice made while signed in is kept on the account: without the cookie
  // (another browser) the dashboard is still in that language.
  await page.getByRole("navigation", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await page.context().clearCookies({ name: "dashboard-locale" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.getByRole("navigation", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
});
