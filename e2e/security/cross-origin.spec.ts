import { expect, test } from "@playwright/test";
import { demoEditor } from "../helpers/accounts";
import { signIn } from "../helpers/sign-in";

// Cross-site request forgery: a signed-in editor's browser, sent by another
// site (or a sibling subdomain) to every route handler that changes something,
// changes nothing.

const PAGE_ID = "00000000-0000-7000-8000-000000000000";
const routes: { path: string; data: Buffer | string; headers: Record<string, string> }[] = [
  { path: "/api/photos", data: Buffer.from("not really a photo"), headers: { "Content-Type": "image/jpeg", "X-File-Name": "x.jpg" } },
  { path: `/api/pages/${PAGE_ID}/pdf`, data: Buffer.from("%PDF-1.4"), headers: { "Content-Type": "application/pdf", "X-File-Name": "x.pdf" } },
  { path: "/api/editions/import", data: Buffer.from("{}"), headers: { "Content-Type": "application/json" } },
  { path: "/api/dashboard-locale", data: "to=en&next=%2Fadmin", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
];
const strangers: Record<string, string>[] = [
  { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
  { "Sec-Fetch-Site": "same-site", Origin: "https://uploads.example.com" },
  { Origin: "https://evil.example" },
  {},
];

test("state-changing route handlers refuse requests from other sites, and the language switch changes nothing on a GET", async ({ page }) => {
  await signIn(page, demoEditor);
  let refused = 0;
  for (const route of routes) {
    for (const stranger of strangers) {
      const response = await page.request.post(route.path, { data: route.data, headers: { ...route.headers, ...stranger } });
      expect(response.status(), `${route.path} ${JSON.stringify(stranger)}`).toBe(403);
      refused += 1;
    }
  }
  console.log(`cross-origin POSTs refused: ${refused} of ${routes.length * strangers.length}`);
  expect((await page.context().cookies()).some((cookie) => cookie.name === "dashboard-locale")).toBe(false);
  expect((await page.request.get("/api/dashboard-locale?to=en&next=%2Fadmin", { maxRedirects: 0 })).status()).toBe(405);
  expect((await page.context().cookies()).some((cookie) => cookie.name === "dashboard-locale")).toBe(false);
});
