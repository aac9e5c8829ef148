// `npm start`: the whole app on one machine. A short-lived TypeScript process
// (scripts/prepare-start.ts) builds when the sources changed and starts an
// embedded PostgreSQL under .data/ unless DATABASE_URL is set; then this
// process becomes the standalone production server, which applies migrations
// and loads the demo newsroom into an empty database before serving
// (instrumentation.ts). Nothing stays loaded beside the server but npm itself
// (docs/PERFORMANCE.md, "npm start's own processes").
//
// Plain JavaScript on purpose: no TypeScript loader in the server's process.
// The end-to-end tests and the reader bench run it too, with DATA_DIR, PORT
// and NEXT_DIST_DIR of their own.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const log = (line) => console.log(`[start] ${line}`);

/** @returns {Promise<import("./prepare-start").PreparedStart>} */
function prepare() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "prepare-start.ts")], {
      stdio: ["inherit", "inherit", "inherit", "pipe"],
    });
    let json = "";
    child.stdio[3].setEncoding("utf8").on("data", (chunk) => (json += chunk));
    child.on("exit", (code, signal) => {
      // The preparing process has said why (a bad variable, a busy port, a failed build).
      if (code !== 0 || !json) process.exit(code || (signal ? 1 : 0));
      resolve(JSON.parse(json));
    });
  });
}

const prepared = await prepare();
Object.assign(process.env, prepared.env);

const stop = prepared.stopDatabase;
if (stop) {
  // The server exits on SIGTERM/SIGINT (scripts/standalone-server.mjs), on a
  // crash, or here on a hang-up; PostgreSQL stops with it. A server killed
  // outright leaves PostgreSQL running: the next start stops it.
  process.on("exit", () => {
    log("Stopping PostgreSQL…");
    try {
      execFileSync(stop.file, stop.args, { uid: stop.uid, gid: stop.gid, stdio: "ignore" });
    } catch {
      log("PostgreSQL did not stop cleanly; the next start will stop it.");
    }
  });
  process.on("SIGHUP", () => process.exit(0));
}

await import(pathToFileURL(prepared.serverJs).href);
const port = process.env.PORT;
for (let tries = 0; tries < 400; tries += 1) {
  const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false);
  if (healthy) {
    log(`Serving at http://localhost:${port}  (dashboard: http://localhost:${port}/admin)`);
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}
