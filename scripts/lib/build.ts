import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fromRoot, projectRoot } from "./project";
import { writeReaderStylesheet } from "./reader-stylesheet";
import { hashSources } from "./source-hash";

/** Everything the production build depends on. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "prisma/schema.prisma",
  // Copied into the standalone server (next.config.js outputFileTracingIncludes).
  "prisma/migrations",
  "prisma/demo",
  "proxy.ts",
  "instrumentation.ts",
  "scripts/standalone-server.mjs",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * `prisma generate` without the schema-engine binary it would download: the
 * client generator only needs Prisma's WASM parser (docs/ARCHITECTURE.md).
 * Skipped when the schema has not changed since the last run.
 */
export async function generatePrismaClient(): Promise<void> {
  const stamp = fromRoot("lib/db/generated/.schema-hash");
  const hash = await hashSources(projectRoot, ["prisma/schema.prisma", "package-lock.json"]);
  if (existsSync(stamp) && (await readFile(stamp, "utf8")) === hash) return;
  await run(process.execPath, [fromRoot("node_modules/prisma/build/index.js"), "generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: fromRoot("scripts/offline-schema-engine"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
  await writeFile(stamp, hash);
}

/**
 * Empties the standalone server's runtime caches (data cache and rendered
 * pages). They live on disk beside the server and would otherwise outlive it:
 * after a restore, an import done while the server was stopped, or a fresh test
 * database, pages would come from the old data, and revalidation (tagged by
 * row ids) would never reach them. The cache refills on the first requests.
 */
export async function clearRuntimeCache(distDir: string): Promise<void> {
  const runtime = path.join(fromRoot(distDir), "standalone", distDir);
  await rm(path.join(runtime, "cache"), { recursive: true, force: true });
  await rm(path.join(runtime, "server", "route-cache"), { recursive: true, force: true });
}

/**
 * Builds the standalone production server into `distDir` unless the sources are
 * unchanged since the last build. Returns the path of its server (newsroom-server.mjs).
 */
export async function ensureBuild(options: { distDir: string; skipTypecheck?: boolean; log: (line: string) => void }) {
  await generatePrismaClient();
  const dist = fromRoot(options.distDir);
  // Next's server.js behind the reader files' fast path (scripts/standalone-server.mjs).
  const server = path.join(dist, "standalone", "newsroom-server.mjs");
  const stamp = path.join(dist, "source-hash");
  const hash = await hashSources(projectRoot, BUILD_INPUTS, options.distDir);
  if (existsSync(server) && existsSync(stamp) && (await readFile(stamp, "utf8")) === hash) {
    options.log("The build is up to date.");
    return server;
  }
  options.log("Building the app (first start, or the sources changed)…");
  await rm(stamp, { force: true });
  await run(process.execPath, [fromRoot("node_modules/next/dist/bin/next"), "build"], {
    NEXT_DIST_DIR: options.distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_SKIP_TYPECHECK: options.skipTypecheck ? "1" : "",
    NODE_ENV: "production",
  });
  // The standalone server serves these only when copied beside it.
  await cp(path.join(dist, "static"), path.join(dist, "standalone", options.distDir, "static"), { recursive: true });
  if (existsSync(fromRoot("public"))) await cp(fromRoot("public"), path.join(dist, "standalone", "public"), { recursive: true });
  await writeFile(server, (await readFile(fromRoot("scripts/standalone-server.mjs"), "utf8")).replace("__DIST_DIR__", options.distDir));
  await writeReaderStylesheet(path.join(dist, "standalone", "reader.css"));
  // `next build` may rewrite inputs (tsconfig.json), so stamp what it left.
  await writeFile(stamp, await hashSources(projectRoot, BUILD_INPUTS, options.distDir));
  return server;
}
