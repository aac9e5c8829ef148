import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { converterFor } from "../../lib/reader/script";
import { e2eAdmin } from "../../playwright.config";
import { demoEditor } from "../helpers/accounts";
import { expectNoAxeViolations } from "../helpers/axe";
import { freezeDatabase, stopDatabase } from "../helpers/database-outage";
import { e2eStore, hasNginx, startNginx } from "../helpers/nginx";
import { startSecondInstance } from "../helpers/second-instance";

// The production topology in one test: two app instances (A, the one the
// tests run against, and B) sharing PostgreSQL and the S3-compatible store,
// behind the shipped deploy/nginx.conf. Runs last (playwright.config.ts:
// project "instances"): it stops PostgreSQL.

test.skip(!hasNginx(), "nginx is not installed (apt-get install nginx)");
test.describe.configure({ mode: "serial" });

let second: Awaited<ReturnType<typeof startSecondInstance>>;
let nginx: Awaited<ReturnType<typeof startNginx>>;
let instanceA: string;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  instanceA = baseURL!;
  second = await startSecondInstance();
  nginx = await startNginx([new URL(baseURL!).host, new URL(second.baseURL).host], await e2eStore());
});
test.afterAll(async () => {
  await nginx?.stop();
  await second?.stop();
});

const DATE = "2023-03-14";

/** Every way a reader reaches the site: nginx, and each instance directly. */
function servers() {
  // The instances first: each server is timed when its poll ends.
  return { A: instanceA, B: second.baseURL, nginx: nginx.baseURL };
}

/**
 * nginx keeps each answer from the store "1s" (deploy/nginx.conf), counted in
 * whole seconds of its clock: an answer lives more than one second and at
 * most two.
 */
const NGINX_CACHE_MS = 2_000;
/** What a poll every 50 ms and a loaded test machine add. */
const SLACK_MS = 500;

/** Polls every server until `check` holds for the path: the instances within a second of `since`, nginx within its cache's lifetime. */
async function reachesEveryServer(request: APIRequestContext, path: string, since: number, check: (status: number, text: string) => boolean) {
  for (const [name, base] of Object.entries(servers())) {
    await expect
      .poll(
        async () => {
          const response = await request.get(`${base}${path}`, { maxRedirects: 0 });
          return check(response.status(), await response.text());
        },
        { message: `${path} through ${name}`, timeout: 4_000, intervals: [50] },
      )
      .toBe(true);
    const bound = name === "nginx" ? NGINX_CACHE_MS : 1_000;
    expect(Date.now() - since, `${path} reached ${name}`).toBeLessThan(bound + SLACK_MS);
  }
}

async function signInAt(page: Page, base: string) {
  await page.goto(`${base}/admin/sign-in`);
  await page.getByLabel("邮箱").fill(demoEditor.email);
  await page.getByLabel("密码").fill(demoEditor.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
}

async function withdraw(page: Page) {
  await page.goto(`${instanceA}/admin/editions`);
  await page.getByLabel(`${DATE} 撤版原因`).fill("多实例测试");
  await page.getByRole("button", { name: `撤版 ${DATE}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "已撤版" })).toBeVisible();
}

test("published through A, corrected through B, withdrawn: the instances follow within a second, nginx within its cache's lifetime", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const editorA = await (await browser.newContext()).newPage();
  await signInAt(editorA, instanceA);
  // The publishing specs leave the edition published or not.
  if ((await request.get(`${instanceA}/${DATE}/A01`)).status() === 200) await withdraw(editorA);

  // Published through A.
  await editorA.goto(`${instanceA}/admin/editions`);
  await editorA.getByRole("button", { name: `发布 ${DATE}`, exact: true }).click();
  await expect(editorA.getByRole("status").filter({ hasText: /发布前检查发现 \d+ 个问题/ })).toBeVisible();
  await editorA.getByLabel(`${DATE} 仍要发布的原因`).fill("版面图稍后补传");
  await editorA.getByRole("button", { name: `仍要发布 ${DATE}` }).click();
  await expect(editorA.getByRole("status").filter({ hasText: "已发布" })).toBeVisible();
  const published = Date.now();
  const page = await request.get(`${instanceA}/${DATE}/A01`);
  const articlePath = (await page.text()).match(new RegExp(`href="(/${DATE}/A01/\\d+)"`))![1]!;
  const headline = "侨都春耕忙 田间绘新景";
  for (const path of [`/${DATE}/A01`, articlePath, `/zh-hant/${DATE}/A01`, `/zh-hant${articlePath}`, "/archive/2023/03"]) {
    await reachesEveryServer(request, path, published, (status, text) => status === 200 && text.includes(path.startsWith("/zh-hant") ? converterFor("hant")(headline) : headline));
  }
  await reachesEveryServer(request, "/zh-hant/archive/2023/03", published, (status) => status === 200);

  // Corrected through B, by an editor signed in there.
  const editorB = await (await browser.newContext()).newPage();
  await signInAt(editorB, second.baseURL);
  await editorB.goto(`${second.baseURL}/admin/stories?q=${encodeURIComponent("侨都春耕忙")}`);
  await editorB.getByRole("link", { name: headline }).first().click();
  const note = `第二段数字有误，已更正（${Date.now()}）`;
  await editorB.getByLabel("更正说明").fill(note);
  await editorB.getByRole("button", { name: "发布更正" }).click();
  await expect(editorB.getByText("更正已发布。")).toBeVisible();
  const corrected = Date.now();
  await reachesEveryServer(request, articlePath, corrected, (status, text) => status === 200 && text.includes(note));

  // Withdrawn through A: a 404 everywhere.
  await withdraw(editorA);
  const withdrawn = Date.now();
  for (const path of [`/${DATE}/A01`, articlePath, `/zh-hant/${DATE}/A01`]) await reachesEveryServer(request, path, withdrawn, (status) => status === 404);
});

test("a settings change through B renders every page again, its progress on the settings page; the new footer reaches every server", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await admin.goto(`${second.baseURL}/admin/sign-in`);
  await admin.getByLabel("邮箱").fill(e2eAdmin.email);
  await admin.getByLabel("密码").fill(e2eAdmin.password);
  await admin.getByRole("button", { name: "登录" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await admin.goto(`${second.baseURL}/admin/settings`);
  const footer = `本报地址：江门市蓬江区（${Date.now()}）`;
  await admin.getByLabel("主办单位").first().fill(footer);
  await admin.getByRole("button", { name: "保存设置" }).first().click();
  await expect(admin.getByRole("status").filter({ hasText: "设置已保存" })).toBeVisible();
  await admin.reload();
  await expect(admin.getByRole("status").filter({ hasText: /读者网站的全部页面(已于|：)/ })).toBeVisible();
  await expect(admin.getByRole("status").filter({ hasText: "读者网站的全部页面已于" })).toBeVisible({ timeout: 60_000 });
  await expectNoAxeViolations(admin);
  for (const [name, base] of Object.entries(servers())) {
    for (const path of ["/2023-03-13/A05", "/zh-hant/2023-03-13/A05/4", "/archive/2023"]) {
      await expect.poll(async () => (await (await request.get(`${base}${path}`)).text()).includes(path.startsWith("/zh-hant") ? converterFor("hant")(footer) : footer), { message: `${path} through ${name}`, timeout: 6_000 }).toBe(true);
    }
  }
});

test("with PostgreSQL frozen, health answers at once, the dashboard says the database cannot be reached, and all comes back when it thaws", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const editor = await (await browser.newContext()).newPage();
  await signInAt(editor, instanceA);
  const database = freezeDatabase();
  try {
    const started = Date.now();
    const health = await request.get(`${instanceA}/api/health`, { timeout: 10_000 });
    console.log(`/api/health with PostgreSQL frozen: ${health.status()} in ${Date.now() - started} ms`);
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ database: "unreachable" });
    expect(Date.now() - started).toBeLessThan(2_000);
    // Published pages are files: not even slowed down.
    expect((await request.get(`${instanceA}/2023-03-13/A05`, { timeout: 2_000 })).status()).toBe(200);
    await editor.goto(`${instanceA}/admin`, { timeout: 60_000 });
    await expect(editor.getByRole("heading", { level: 1, name: "暂时无法连接数据库" })).toBeVisible();
  } finally {
    database.thaw();
  }
  await expect.poll(async () => (await request.get(`${instanceA}/api/health`)).status(), { timeout: 30_000 }).toBe(200);
  await expect(async () => {
    await editor.goto(`${instanceA}/admin`);
    await expect(editor.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test("with PostgreSQL stopped, every published page is still served, search and the dashboard say why they cannot answer, and all comes back without a restart", async ({ browser, request }) => {
  test.setTimeout(180_000);
  const editor = await (await browser.newContext()).newPage();
  await signInAt(editor, instanceA);
  // The pages a reader can reach from an edition: its pages and articles, in both scripts, and the archive.
  const front = await (await request.get(`${instanceA}/2023-03-13/A01`)).text();
  const pages = [...new Set([...front.matchAll(/href="(\/2023-03-13\/A\d\d)"/g)].map((match) => match[1]!))];
  const articles: string[] = [];
  for (const path of pages) articles.push(...new Set([...(await (await request.get(`${instanceA}${path}`)).text()).matchAll(/href="(\/2023-03-13\/A\d\d\/\d+)"/g)].map((match) => match[1]!)));
  const paths = [...pages, ...articles].flatMap((path) => [path, `/zh-hant${path}`]).concat(["/archive", "/archive/2023", "/archive/2023/03"]);
  expect(pages.length).toBeGreaterThan(1);
  expect(articles.length).toBeGreaterThan(3);

  const database = await stopDatabase();
  try {
    // Longer than the route tables are held in memory: they are read again from the store.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    for (const [name, base] of Object.entries(servers())) {
      for (const path of paths) expect((await request.get(`${base}${path}`)).status(), `${path} through ${name}`).toBe(200);
      expect((await request.get(`${base}/`, { maxRedirects: 0 })).status(), `/ through ${name}`).toBe(307);
      const search = await request.get(`${base}/search?q=${encodeURIComponent("招商引资")}`);
      expect(search.status(), `search through ${name}`).toBeLessThan(500);
      expect(await search.text()).toContain("搜索暂时不可用");
    }
    await editor.goto(`${instanceA}/admin`);
    await expect(editor.getByRole("heading", { level: 1, name: "暂时无法连接数据库" })).toBeVisible();
  } finally {
    database.start();
  }

  // Back: the same processes answer from the database again.
  await expect
    .poll(async () => (await (await request.get(`${nginx.baseURL}/search?q=${encodeURIComponent("招商引资")}`)).text()).includes("搜索暂时不可用"), { timeout: 30_000 })
    .toBe(false);
  await expect(async () => {
    await editor.goto(`${instanceA}/admin`);
    await expect(editor.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});
