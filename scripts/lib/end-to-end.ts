import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { findFreePort } from "../../lib/db/embedded-postgres";
import { ensureBuild, run } from "./build";
import { fromRoot } from "./project";

// What `npm test` and `npm run test:security` share: the browser, the build,
// and Playwright on a throw-away data folder and a free port.

/** Builds the app for the end-to-end tests (if its sources changed) and runs Playwright with `args`. */
export async function runEndToEnd(args: string[], env: Record<string, string> = {}): Promise<void> {
  ensureChromium();
  await ensureBuild({ distDir: ".next-test", skipTypecheck: true, log: console.log });
  const dataParent = await mkdtemp(path.join(tmpdir(), "newsroom-e2e-"));
  await chmod(dataParent, 0o755); // PostgreSQL runs as "postgres" when we are root.
  try {
    await run(fromRoot("node_modules", ".bin", "playwright"), ["test", ...args], {
      ...env,
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
