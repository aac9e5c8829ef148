import { defineConfig, devices } from "@playwright/test";
import { tmpdir } from "node:os";
import path from "node:path";

// End-to-end tests drive the real production build (`npm start`'s own path) in
// Debian's Chromium, against a fresh database of their own and their own port,
// so they can run beside a developer's `npm start`. `npm test` sets the
// variables below; the fallbacks let `npx playwright test` run on its own.

const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), "newsroom-e2e");

export const e2eAdmin = { email: "admin@e2e.test", password: "e2e-admin-password" };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /(publishing|page-replacement|instances|security|backup)\// },
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /reader\/.*\.spec\.ts/ },
    // Changes which edition is the latest: runs after everything else.
    { name: "publishing", use: { ...devices["Desktop Chrome"] }, testMatch: /publishing\/.*\.spec\.ts/, dependencies: ["desktop", "phone"] },
    // Two instances behind nginx, and PostgreSQL stopped and started again: after publishing.
    // A new PDF for a published page, through nginx too: on its own, as it renders three real pages.
    { name: "page-replacement", use: { ...devices["Desktop Chrome"] }, testMatch: /page-replacement\/.*\.spec\.ts/, dependencies: ["publishing"] },
    { name: "instances", use: { ...devices["Desktop Chrome"] }, testMatch: /instances\/.*\.spec\.ts/, dependencies: ["page-replacement"] },
    // Attacks (`npm run test:security` runs these alone): after the rest, since they leave
    // sign-in waits behind; the brute-force attempts once nobody else signs in.
    { name: "security", use: { ...devices["Desktop Chrome"] }, testMatch: /security\/.*\.spec\.ts/, testIgnore: /sign-in-attacks/, dependencies: process.env.E2E_SECURITY_ONLY ? [] : ["instances"] },
    { name: "security-sign-in", use: { ...devices["Desktop Chrome"] }, testMatch: /security\/sign-in-attacks\.spec\.ts/, dependencies: ["security"] },
    // npm run backup and restore with npm start on data folders of their own (the same build): last of all.
    { name: "backup", use: { ...devices["Desktop Chrome"] }, testMatch: /backup\/.*\.spec\.ts/, dependencies: ["security-sign-in"] },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      // A helper or second checkout may build elsewhere (E2E_DIST_DIR) to run specs in parallel.
      NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-test",
      NEXT_SKIP_TYPECHECK: "1",
      ADMIN_EMAIL: e2eAdmin.email,
      ADMIN_PASSWORD: e2eAdmin.password,
      SEED_DEMO: "1",
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: "",
    },
  },
});
