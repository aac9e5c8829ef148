import { expect, test } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { e2eStore, hasNginx, startNginx } from "../helpers/nginx";
import { startSecondInstance } from "../helpers/second-instance";

// The shipped deploy/nginx.conf in front of two app instances (the one the
// tests run against and a second one on the same database and files) and the
// S3-compatible store, with Debian's nginx, which `npm test` installs when it
// runs as root.

test.skip(!hasNginx(), "nginx is not installed (apt-get install nginx)");

let second: Awaited<ReturnType<typeof startSecondInstance>>;
let nginx: Awaited<ReturnType<typeof startNginx>>;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  second = await startSecondInstance();
  nginx = await startNginx([new URL(baseURL!).host, new URL(second.baseURL).host], await e2eStore());
});
test.afterAll(async () => {
  await nginx?.stop();
  await second?.stop();
});

test("readers and staff are served through nginx by either instance, compressed, with the CDN's keys; one instance stopping loses no request", async ({ page, request, baseURL }) => {
  test.setTimeout(90_000);
  const through = (path: string, headers: Record<string, string> = {}) => request.get(`${nginx.baseURL}${path}`, { headers });

  const article = await through("/2023-03-13/A05/4", { "Accept-Encoding": "gzip" });
  expect(article.status()).toBe(200);
  expect(article.headers()["content-encoding"]).toBe("gzip");
  expect(article.headers()["surrogate-key"]).toBe("reader edition-2023-03-13 page-2023-03-13-A05 article-2023-03-13-A05-4");
  expect(await article.text()).toContain("吹响推进高质量发展奋进号角");
  expect(await (await through("/zh-hant/2023-03-13/A05/4")).text()).toContain("吹響推進高質量發展奮進號角");
  expect((await through(`/search?q=${encodeURIComponent("招商引资")}`)).status()).toBe(200);
  const image = (await (await through("/2023-03-13/A05")).text()).match(/\/media\/page-images\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp/)![0];
  const media = await through(image);
  expect(media.status()).toBe(200);
  expect(media.headers()["content-type"]).toBe("image/webp");

  // Published pages come straight from the store, with the headers the app would send.
  // The other publishing specs run beside this one and may re-render these pages
  // (a new edition changes the archive and the calendars): nginx keeps a page up
  // to its cache's lifetime, so the two agree again within two seconds.
  for (const path of ["/2023-03-13/A05", "/zh-hant/2023-03-13/A05/4", "/archive/2023/03", "/zh-hant/archive"]) {
    for (const encoding of ["br", "gzip", "identity"]) {
      await expect(async () => {
        const fromStore = await through(path, { "Accept-Encoding": encoding });
        const fromApp = await request.get(`${baseURL}${path}`, { headers: { "Accept-Encoding": encoding } });
        expect(fromStore.headers()["x-origin"], path).toBe("store");
        expect(await fromStore.text(), `${path} ${encoding}`).toBe(await fromApp.text());
        for (const header of ["content-type", "content-encoding", "cache-control", "vary", "surrogate-key", "cache-tag", "x-content-type-options", "referrer-policy", "x-frame-options", "content-security-policy", "permissions-policy"]) {
          expect(fromStore.headers()[header], `${path} ${encoding} ${header}`).toBe(fromApp.headers()[header]);
        }
      }).toPass({ intervals: [250, 500, 1000], timeout: 5_000 });
    }
  }
  // What the store has not got (a date without its page, a page that does not exist) the instances answer.
  expect((await request.get(`${nginx.baseURL}/2023-03-13`, { maxRedirects: 0 })).headers()["location"]).toBe("/2023-03-13/A01");
  const missing = await through("/2023-03-13/Z99");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain("找不到这一页");

  // A staff session made through nginx holds on whichever instance answers.
  await page.goto(`${nginx.baseURL}/admin/sign-in`);
  await page.getByLabel("邮箱").fill(demoEditor.email);
  await page.getByLabel("密码").fill(demoEditor.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  for (let index = 0; index < 4; index += 1) {
    await page.goto(`${nginx.baseURL}/admin/stories`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(page.url()).toBe(`${nginx.baseURL}/admin/stories`);
  }

  // The second instance goes away: nginx sends every request to the first.
  await second.stop();
  const statuses = await Promise.all(Array.from({ length: 12 }, () => through("/2023-03-13/A05").then((response) => response.status())));
  expect(statuses).toEqual(Array(12).fill(200));
});
