// `npm start`: the whole app on one machine. Builds when the sources changed,
// starts an embedded PostgreSQL under .data/ unless DATABASE_URL is set, then
// runs the standalone production server, which applies migrations and loads the
// demo newsroom into an empty database before serving (instrumentation.ts).
//
// The end-to-end tests run it too (scripts/e2e-server.ts), with DATA_DIR, PORT
// and NEXT_DIST_DIR of their own.
import { clearRuntimeCache, ensureBuild } from "./lib/build";
import {
  assertPortFree,
  log,
  readEnvOrExit,
  startLocalServices,
  superviseServer,
  waitUntilHealthy,
} from "./lib/local-services";

const config = readEnvOrExit();
await assertPortFree(config.PORT);
const distDir = process.env.NEXT_DIST_DIR || ".next";
const serverJs = await ensureBuild({ distDir, skipTypecheck: process.env.NEXT_SKIP_TYPECHECK === "1", log });
await clearRuntimeCache(distDir);
const services = await startLocalServices(config, {
  NODE_ENV: "production",
  // All interfaces: with a specific address, Next.js takes the proxy's internal
  // rewrites (lib/reader/routing.ts) for external ones and fails them.
  HOSTNAME: "0.0.0.0",
});
superviseServer(process.execPath, [serverJs], services);

if (await waitUntilHealthy(config.PORT)) {
  log(`Serving at http://localhost:${config.PORT}  (dashboard: http://localhost:${config.PORT}/admin)`);
}
