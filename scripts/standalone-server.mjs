// The production server: Next's standalone build behind a fast path for the
// published reader pages. Copied beside Next's own server.js by the build
// (scripts/lib/build.ts) and run in its place by `npm start` and Docker.
// `npm run dev` runs this file from scripts/ with --dev: `next dev` behind the
// same fast path.
//
// The fast path itself is bundled by Next with the app (lib/reader-files),
// and registered on globalThis when the server boots (instrumentation.ts):
// every request first goes to it, and what it does not answer (search, the
// dashboard, APIs, media, feeds) goes to Next's router.
import { readFileSync } from "node:fs";
import http from "node:http";
import module from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = module.createRequire(import.meta.url);
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT) || 3000;
const hostname = process.env.HOSTNAME || "0.0.0.0";

/** Next's options: the build's own config beside it, or the project for `next dev`. */
function nextOptions() {
  if (dev) return { dir: process.cwd(), dev: true, hostname, port };
  const dir = path.dirname(fileURLToPath(import.meta.url));
  process.env.NODE_ENV = "production";
  process.chdir(dir);
  // The build writes its distDir here when it copies this file.
  const distDir = "__DIST_DIR__";
  const { config } = JSON.parse(readFileSync(path.join(dir, distDir, "required-server-files.json"), "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
  return { dir, dev: false, hostname, port, conf: config };
}

const next = require("next");
const app = next(nextOptions());
await app.prepare();
const nextHandler = app.getRequestHandler();

/** @type {{ newsroomReaderFileServer?: { handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> } }} */
const registry = globalThis;

const server = http.createServer((request, response) => {
  // Who the peer is, for the client's address (lib/http/client-address.ts):
  // set here, whatever a client sent under the same name.
  request.headers["x-newsroom-peer"] = request.socket.remoteAddress ?? "";
  const files = registry.newsroomReaderFileServer;
  if (!files) return void nextHandler(request, response);
  files.handle(request, response).then(
    (handled) => {
      if (!handled) void nextHandler(request, response);
    },
    (error) => {
      console.error(`Reader file server: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) {
        response.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" });
        response.end("服务暂时不可用，请稍后再试。");
      } else response.destroy();
    },
  );
});
// Hot reloading's websocket.
if (dev) server.on("upgrade", app.getUpgradeHandler());
const keepAlive = Number(process.env.KEEP_ALIVE_TIMEOUT);
if (Number.isFinite(keepAlive) && keepAlive > 0) server.keepAliveTimeout = keepAlive;
server.listen(port, hostname, () => console.log(`Ready on http://${hostname}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.close(() => process.exit(0)));
