import { expect, test } from "@playwright/test";
import { demoEditor, demoReporter } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";

test.describe("staff sign-in", () => {
  test("an anonymous visit to the dashboard is sent to sign-in, and comes back after", async ({ page }) => {
    const response = await page.request.get("/admin", { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers()["location"]).toContain("/admin/sign-in");
    expect(response.headers()["cache-control"]).toBe("private, no-store");

    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in\?callbackUrl=%2Fadmin/);
    await expect(page.getByRole("heading", { name: "采编后台登录" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a wrong password gets a clear message and no session", async ({ page }) => {
    await page.goto("/admin/sign-in");
    await page.getByLabel("邮箱").fill(demoEditor.email);
    await page.getByLabel("密码").fill("not-the-password");
    await page.getByRole("button", { name: "登录" }).click();

    await expect(page.locator("form").getByRole("alert")).toHaveText("邮箱或密码不正确，请重试。");
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in/);
  });

  test("after six quick failed attempts an account must wait, told so plainly", async ({ page }) => {
    await page.goto("/admin/sign-in");
    await page.getByLabel("邮箱").fill("guessing@e2e.test");
    const alert = page.locator("form").getByRole("alert");
    // Five are free, the sixth is checked and makes the next wait a second, then two, four…
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await page.getByLabel("密码").fill(`guess-${attempt}`);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(alert).toHaveText("邮箱或密码不正确，请重试。");
      await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
    }
    // The waits double (1 s, 2 s, 4 s…): within a few more quick attempts one must wait,
    // however long each attempt takes on a loaded machine.
    let attempts = 6;
    for (; attempts < 11; attempts += 1) {
      await page.getByLabel("密码").fill(`guess-${attempts + 1}`);
      const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
      await page.getByRole("button", { name: "登录" }).click();
      await answered;
      await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
      if ((await alert.textContent()) === "登录尝试过于频繁，请稍等片刻再试。") break;
    }
    await expect(alert).toHaveText("登录尝试过于频繁，请稍等片刻再试。");
    expect(attempts).toBeLessThan(11);
  });

  test("the demo editor signs in, sees the dashboard's story queue, and signs out", async ({ page }) => {
    await page.goto("/admin/sign-in");
    await page.getByLabel("邮箱").fill(demoEditor.email);
    await page.getByLabel("密码").fill(demoEditor.password);
    await page.getByRole("button", { name: "登录" }).click();

    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "工作台" })).toBeVisible();
    await expect(page.getByText(`${demoEditor.name}（编辑）`)).toBeVisible();
    const queue = page.getByRole("region", { name: "稿件队列" });
    await expect(queue.getByText("已发布")).toBeVisible();
    await expectNoAxeViolations(page);

    const signedIn = await page.context().cookies();
    await page.getByRole("button", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/admin\/sign-in/);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin\/sign-in/);
    // The session ended on the server: the cookie from before signing out, replayed, is refused.
    await page.context().addCookies(signedIn);
    const replayed = await page.request.get("/admin", { maxRedirects: 0 });
    expect(replayed.status()).toBe(307);
    expect(replayed.headers()["location"]).toContain("/admin/sign-in");
  });

  test("a reporter sees only their own stories", async ({ page }) => {
    await page.goto("/admin/sign-in");
    await page.getByLabel("邮箱").fill(demoReporter.email);
    await page.getByLabel("密码").fill(demoReporter.password);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByRole("region", { name: "我的稿件" })).toBeVisible();
  });
});
