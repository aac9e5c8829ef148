import { expect, test } from "@playwright/test";
import { pixelFloodPng, testJpeg } from "../../lib/media/photos/test-images";
import { demoEditor, demoPhotographer } from "../helpers/accounts";
import { attemptSignIn, contentSnapshot, e2eQuery } from "../helpers/security";

// Files only for those who may see them, sessions that end when signing out,
// and uploads that hold under load and against a pixel flood.

/** What a browser sends with an upload from the dashboard's own page. */
const sameOrigin = () => ({ "Sec-Fetch-Site": "same-origin" });

test("a signed-out session cookie is refused by pages and actions alike", async ({ playwright, baseURL }) => {
  const staff = await playwright.request.newContext({ baseURL });
  expect(await attemptSignIn(staff, demoEditor)).toBe("signed-in");
  const { cookies } = await staff.storageState();
  const session = cookies.find((cookie) => cookie.name.endsWith("newsroom.session"))!;
  expect((await staff.get("/admin/stories", { maxRedirects: 0 })).status()).toBe(200);
  const { csrfToken } = (await (await staff.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await staff.post("/api/auth/signout", { form: { csrfToken, json: "true" }, maxRedirects: 0 });
  await staff.dispose();

  // The old cookie, kept by whoever copied it, replayed as it was.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Cookie: `${session.name}=${session.value}` } });
  const pageAnswer = await replay.get("/admin/stories");
  expect(new URL(pageAnswer.url()).pathname).toBe("/admin/sign-in");
  await replay.dispose();
  console.log("signed-out cookie replayed: refused (sent to sign-in)");
});

test("anonymous requests for every file not yet published get 404 and no-store; published ones stay public and immutable", async ({ playwright, baseURL, request }) => {
  test.setTimeout(120_000);
  // A photo of nobody's story yet: certainly unpublished.
  const staff = await playwright.request.newContext({ baseURL });
  expect(await attemptSignIn(staff, demoPhotographer)).toBe("signed-in");
  const upload = await staff.post("/api/photos", { data: await testJpeg({ width: 640, height: 480, seed: 4242 }), headers: { ...sameOrigin(), "Content-Type": "image/jpeg", "X-File-Name": "unpublished.jpg" } });
  expect(upload.ok()).toBe(true);

  const rows = await e2eQuery<{ key: string; public: boolean }>(`
    WITH published_pages AS (
      SELECT p.id, p.pdf_asset_id, p.image_asset_id FROM pages p JOIN editions e ON e.id = p.edition_id
      WHERE p.status = 'PUBLISHED' AND e.status = 'PUBLISHED'
    ), public_assets AS (
      SELECT pdf_asset_id AS id FROM published_pages
      UNION SELECT image_asset_id FROM published_pages
      UNION SELECT logo_asset_id FROM publications
      UNION SELECT ph.asset_id FROM photos ph
        JOIN article_photos ap ON ap.photo_id = ph.id
        JOIN articles a ON a.id = ap.article_id AND a.status = 'PUBLISHED'
        JOIN placements pl ON pl.article_id = a.id
        JOIN published_pages pp ON pp.id = pl.page_id
    )
    SELECT a.storage_key AS key, a.id IN (SELECT id FROM public_assets WHERE id IS NOT NULL) AS public FROM assets a
    UNION ALL
    SELECT d.storage_key, d.asset_id IN (SELECT id FROM public_assets WHERE id IS NOT NULL) FROM asset_derivatives d`);
  const hidden = rows.filter((row) => !row.public);
  const shown = rows.filter((row) => row.public);
  expect(hidden.length).toBeGreaterThan(0);
  const leaks: string[] = [];
  for (const { key } of hidden) {
    const answer = await request.get(`/media/${key}`, { headers: { Cookie: "" } });
    if (answer.status() !== 404 || answer.headers()["cache-control"] !== "no-store") leaks.push(`${key}: ${answer.status()} ${answer.headers()["cache-control"]}`);
  }
  // Staff see them, privately.
  const staffAnswer = await staff.get(`/media/${hidden[0]!.key}`);
  expect(staffAnswer.status()).toBe(200);
  expect(staffAnswer.headers()["cache-control"]).toBe("private, no-store");
  await staff.dispose();
  const sample = shown.slice(0, 20);
  for (const { key } of sample) {
    const answer = await request.get(`/media/${key}`);
    expect(answer.status(), key).toBe(200);
    expect(answer.headers()["cache-control"]).toContain("immutable");
  }
  console.log(`files: ${hidden.length} unpublished files asked for anonymously, ${leaks.length} served; ${sample.length} published files checked public`);
  expect(leaks).toEqual([]);
});

test("30 parallel uploads of one image give 30 clean answers; a pixel flood is refused with a clear message and leaves nothing", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const staff = await playwright.request.newContext({ baseURL });
  expect(await attemptSignIn(staff, demoPhotographer)).toBe("signed-in");
  const jpeg = await testJpeg({ width: 1600, height: 1200, seed: 3030 });
  const post = (data: Buffer, name: string) => staff.post("/api/photos", { data, headers: { ...sameOrigin(), "Content-Type": name.endsWith(".png") ? "image/png" : "image/jpeg", "X-File-Name": name } });
  const answers = await Promise.all(Array.from({ length: 30 }, () => post(jpeg, "same.jpg")));
  const statuses = answers.map((answer) => answer.status());
  const photoIds = new Set(await Promise.all(answers.map(async (answer) => ((await answer.json()) as { photo: { id: string } }).photo.id)));
  console.log(`uploads: 30 of one image at once → ${statuses.filter((status) => status === 201).length}×201, ${statuses.filter((status) => status === 200).length}×200 (duplicate), ${statuses.filter((status) => status >= 500).length}×5xx; ${photoIds.size} photo`);
  expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
  expect(photoIds.size).toBe(1);

  const before = await contentSnapshot();
  const flood = await pixelFloodPng(16_000, 16_000);
  const started = performance.now();
  const refusals = await Promise.all(Array.from({ length: 4 }, () => post(flood, "flood.png")));
  const elapsed = performance.now() - started;
  for (const refusal of refusals) {
    expect(refusal.status()).toBe(400);
    expect(((await refusal.json()) as { error: string }).error).toContain("图片尺寸过大（16000×16000");
  }
  console.log(`pixel flood: four ${flood.length}-byte PNGs declaring 16000×16000 refused in ${elapsed.toFixed(0)} ms`);
  expect(await contentSnapshot()).toEqual(before);
  await staff.dispose();
});
