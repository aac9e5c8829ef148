// `npm test`: every check CI runs, in order, stopping at the first failure.
// typecheck → lint → unit and integration tests (Vitest, on a throw-away
// embedded PostgreSQL) → end-to-end tests (Playwright in Debian's Chromium,
// against the production build on its own database and port).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../lib/db/embedded-postgres";
import { ensureBuild, generatePrismaClient, run } from "./lib/build";
import { fromRoot } from "./lib/project";

const started = Date.now();
const step = (name: string) => console.log(`\n▶ ${name}  (${Math.round((Date.now() - started) / 1000)} s)`);
const bin = (name: string) => fromRoot("node_modules", ".bin", name);

try {
  step("Generating the Prisma client and route types");
  await generatePrismaClient();
  await run(bin("next"), ["typegen"], { NEXT_TELEMETRY_DISABLED: "1" });

  step("Type-checking");
  await run(bin("tsc"), ["--noEmit"]);

  step("Linting");
  await run(bin("eslint"), ["--max-warnings=0", "."]);

  step("Unit and integration tests");
  await run(bin("vitest"), ["run"]);

  step("Checking the browser for end-to-end tests");
  ensureChromium();

  step("Building the app for end-to-end tests");
  await ensureBuild({ distDir: ".next-test", skipTypecheck: true, log: console.log });

  step("End-to-end tests");
  const dataParent = await mkdtemp(path.join(tmpdir(), "newsroom-e2e-"));
  await chmod(dataParent, 0o755); // PostgreSQL runs as "postgres" when we are root.
  try {
    await run(bin("playwright"), ["test"], {
      E2E_PORT: String(await findFreePort()),
      E2E_DATA_DIR: path.join(dataParent, "newsroom-e2e"),
    });
  } finally {
    // The test server may still be shutting PostgreSQL down: retry, and never
    // fail a green run over a temporary folder.
    await rm(dataParent, { recursive: true, force: true, maxRetries: 20, retryDelay: 500 }).catch((error: Error) =>
      console.warn(`Could not remove ${dataParent}: ${error.message}`),
    );
  }

  console.log(`\n✔ All checks passed in ${Math.round((Date.now() - started) / 1000)} s.`);
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/**
 * Debian's Chromium and CJK fonts (needed), and nginx (the spec of the
 * shipped nginx config; skipped without it): installed when running as root,
 * else named.
 */
function ensureChromium(): void {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const hasFonts = () => {
    try {
      return execFileSync("fc-list", [":lang=zh"], { encoding: "utf8" }).includes("CJK");
    } catch {
      return false;
    }
  };
  const hasNginx = existsSync("/usr/sbin/nginx");
  const needed = [...(existsSync(chromium) ? [] : ["chromium"]), ...(hasFonts() ? [] : ["fonts-noto-cjk"])];
  if (needed.length === 0 && hasNginx) return;
  if (process.getuid?.() !== 0) {
    if (!hasNginx) console.log("nginx is not installed (apt-get install nginx): the end-to-end spec behind nginx is skipped.");
    if (needed.length === 0) return;
    throw new Error(
      `End-to-end tests need Chromium at ${chromium} and Chinese fonts. Install them with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${needed.join(" ")}\n` +
        "or set CHROMIUM_PATH to another Chromium.",
    );
  }
  const install = (packages: string[]) => {
    console.log(`Installing ${packages.join(" ")} with apt-get…`);
    execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  if (needed.length > 0) install(needed);
  if (!hasNginx) {
    // Wanted, not needed: a machine where it cannot be installed skips the spec behind nginx.
    try {
      install(["nginx"]);
    } catch (error) {
      console.log(`nginx could not be installed (${error instanceof Error ? error.message : String(error)}): the end-to-end spec behind nginx is skipped.`);
    }
  }
}
