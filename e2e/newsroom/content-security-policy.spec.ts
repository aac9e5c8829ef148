import { expect, test, type Page, type Response } from "@playwright/test";
import sharp from "sharp";
import { demoEditor, demoPhotographer } from "../helpers/accounts";
import { signIn } from "../helpers/sign-in";

// The CSP in a real browser: published reader pages (scripts by hash), search
// and the dashboard (Next's inline scripts by a per-request nonce, its files from 'self') work as they did
// and report no violation, and a script injected into any of them is refused.

declare global {
  interface Window {
    __cspViolations?: string[];
    __injected?: boolean;
  }
}

/** Collects every CSP violation of the page, from the browser's console and from `securitypolicyviolation` events. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  // Playwright's own script, not the page's: the policy does not apply to it.
  void page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return violations;
}

/** The response's one CSP (a second header would be enforced too). */
async function onePolicy(response: Response | null): Promise<string> {
  const policies = (await response!.headersArray()).filter((header) => header.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  return policies[0]!.value;
}

const eventsOf = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

/** An inline script added to the page as an attacker's injected markup would be: it must not run, and the browser says why. */
async function expectInjectedScriptRefused(page: Page, violations: string[]) {
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
  });
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect.poll(() => eventsOf(page)).toEqual([expect.stringMatching(/^script-src(-elem)? inline/)]);
  violations.length = 0;
}

test("published pages, an article and search run their scripts under the CSP, and refuse an injected one", async ({ page }) => {
  const violations = watchViolations(page);

  // A page view with its image (the swipe and region-highlight scripts).
  const pageView = await page.goto("/2023-03-13/A05");
  const policy = await onePolicy(pageView);
  expect(policy).toMatch(/script-src 'sha256-[^;]+;/);
  expect(policy).not.toMatch(/unsafe-inline'[^;]*;\s*style|unsafe-eval|nonce-/);
  await expect(page.getByRole("figure")).toBeVisible();
  const region = page.getByRole("figure").getByRole("link").first();
  const position = (await region.getAttribute("href"))!.split("/").pop();
  expect(position).toMatch(/^\d+$/);
  // The region highlight runs: following a result's #region- link names the article.
  await page.goto(`/2023-03-13/A05#region-${await page.locator(".article-entry").first().getAttribute("data-article-id")}`);
  await expect(page.locator(".article-entry").first()).toHaveAttribute("data-highlighted", "true");
  expect(violations).toEqual([]);
  expect(await eventsOf(page)).toEqual([]);
  await expectInjectedScriptRefused(page, violations);

  // An article: 放大 runs its inline script and the head script applies the size on the next page.
  await page.goto(`/2023-03-13/A05/${position}`);
  await page.getByRole("button", { name: "放大" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "1");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "1");
  await page.getByRole("button", { name: "默认" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-font-size", "0");
  expect(violations).toEqual([]);
  expect(await eventsOf(page)).toEqual([]);

  // Search, rendered by Next per request: its scripts carry this request's nonce.
  const search = await page.goto(`/search?q=${encodeURIComponent("江门")}`);
  const searchPolicy = await onePolicy(search);
  const nonce = /'nonce-([^']+)'/.exec(searchPolicy)?.[1];
  expect(nonce).toBeTruthy();
  expect(searchPolicy).toContain("frame-ancestors 'self'");
  expect(await page.locator("script[src]").count()).toBeGreaterThan(0);
  expect(await page.locator("script[src]").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce))).toEqual(
    expect.arrayContaining([nonce]),
  );
  const again = await page.request.get(`/search?q=${encodeURIComponent("江门")}`);
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("江门");
  expect(violations).toEqual([]);
  expect(await eventsOf(page)).toEqual([]);
  await expectInjectedScriptRefused(page, violations);
  // No HSTS over plain http, whatever a client claims.
  expect((await page.request.get("/2023-03-13/A05", { headers: { "X-Forwarded-Proto": "https" } })).headers()["strict-transport-security"]).toBeUndefined();
});

test("sign-in, the story editor and its preview run under the dashboard's nonce CSP, and refuse an injected script", async ({ page }) => {
  const violations = watchViolations(page);
  const signInPage = await page.goto("/admin/sign-in");
  const policy = await onePolicy(signInPage);
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  await signIn(page, demoEditor);
  expect(violations).toEqual([]);

  // The editor: a client component whose chunks Next loads as the page needs them.
  await page.goto("/admin/stories");
  await page.getByRole("button", { name: "写新稿" }).first().click();
  await expect(page).toHaveURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  const body = page.locator('[contenteditable="true"]').first();
  await body.click();
  await page.keyboard.type("侨乡新貌");
  await expect(body).toContainText("侨乡新貌");
  expect(violations).toEqual([]);
  expect(await eventsOf(page)).toEqual([]);
  await expectInjectedScriptRefused(page, violations);

  // The preview is a reader page served from the dashboard: its inline scripts pass by their hashes.
  const preview = await page.goto("/admin/editions/2023-03-13/preview/A05");
  expect(preview!.status()).toBe(200);
  await expect(page.getByRole("figure")).toBeVisible();
  expect(violations).toEqual([]);
  expect(await eventsOf(page)).toEqual([]);
});

test("the photo upload previews and sends files under the CSP", async ({ page, baseURL }) => {
  const violations = watchViolations(page);
  await page.context().addCookies([{ name: "dashboard-locale", value: "zh-CN", url: baseURL! }]);
  await signIn(page, demoPhotographer);
  await page.goto("/admin/photos");
  const colour = { r: Math.floor(Math.random() * 255), g: 40, b: 90 };
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().toBuffer();
  await page.getByLabel("选择照片").setInputFiles([{ name: `csp-${Date.now()}.jpg`, mimeType: "image/jpeg", buffer: jpeg }]);
  await expect(page.getByRole("list", { name: "上传列表" }).getByRole("listitem").first()).toContainText("已上传", { timeout: 30_000 });
  expect(violations).toEqual([]);
  expect(await eventsOf(page)).toEqual([]);
});
