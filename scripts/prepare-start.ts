// The preparing half of `npm start` (scripts/start.mjs runs it, then becomes
// the server): validates the environment, builds when the sources changed,
// empties the server's runtime cache, and starts an embedded PostgreSQL under
// .data/ unless DATABASE_URL is set, in a session of its own so that it
// outlives this process. Writes what the server needs as JSON to file
// descriptor 3 and exits, taking the build's and TypeScript's memory with it.
import { createWriteStream } from "node:fs";
import { clearRuntimeCache, ensureBuild } from "./lib/build";
import { assertPortFree, log, readEnvOrExit, startLocalServices } from "./lib/local-services";

export interface PreparedStart {
  serverJs: string;
  env: Record<string, string | undefined>;
  /** How the server stops the embedded PostgreSQL as it exits. */
  stopDatabase?: { file: string; args: string[]; uid?: number; gid?: number };
}

const config = readEnvOrExit();
await assertPortFree(config.PORT);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const serverJs = await ensureBuild({ distDir, skipTypecheck: process.env.NEXT_SKIP_TYPECHECK === "1", log });
await clearRuntimeCache(distDir);
const services = await startLocalServices(
  config,
  {
    NODE_ENV: "production",
    // All interfaces: with a specific address, Next.js takes the proxy's internal
    // rewrites (lib/reader/routing.ts) for external ones and fails them.
    HOSTNAME: "0.0.0.0",
  },
  { detachedFor: process.ppid },
);
const prepared: PreparedStart = { serverJs, env: services.env, stopDatabase: services.database?.stopCommand };
const out = createWriteStream("", { fd: 3 });
out.end(JSON.stringify(prepared), () => process.exit(0));
