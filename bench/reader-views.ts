// Reader page and article views under load, against the same HTML served as a
// static file by a plain Node.js server on this machine, in the same run.
//   npm run bench:reader [-- --seconds 10 --connections 50]
// Prints requests/s and latency for each, and the ratio app/static.
import { spawn } from "node:child_process";
import { createReadStream } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { findFreePort } from "../lib/db/embedded-postgres";
import { ensureBuild } from "../scripts/lib/build";
import { waitUntilHealthy } from "../scripts/lib/local-services";
import { fromRoot } from "../scripts/lib/project";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "50" } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);
const views = [
  { name: "page view (/2023-03-13/A05)", path: "/2023-03-13/A05" },
  { name: "article view (/2023-03-13/A05/4)", path: "/2023-03-13/A05/4" },
];

await ensureBuild({ distDir: ".next", log: console.log });
const parent = await mkdtemp(path.join(tmpdir(), "newsroom-bench-"));
await chmod(parent, 0o755);
const appPort = await findFreePort();
const app = spawn(process.execPath, ["--import", "tsx", fromRoot("scripts/start.ts")], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, PORT: String(appPort), DATA_DIR: path.join(parent, "data"), DATABASE_URL: "", SEED_DEMO: "1" },
});

try {
  if (!(await waitUntilHealthy(appPort))) throw new Error("The app did not become healthy");
  const staticDir = path.join(parent, "static");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(staticDir);
  for (const [index, view] of views.entries()) {
    // The first request renders and caches the page; the file is its exact HTML.
    const html = await (await fetch(`http://127.0.0.1:${appPort}${view.path}`)).text();
    await writeFile(path.join(staticDir, `${index}.html`), html);
  }
  const staticServer = http.createServer((request, response) => {
    const index = views.findIndex((view) => view.path === request.url);
    if (index < 0) return void response.writeHead(404).end();
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    createReadStream(path.join(staticDir, `${index}.html`)).pipe(response);
  });
  const staticPort = await findFreePort();
  await new Promise<void>((resolve) => staticServer.listen(staticPort, "127.0.0.1", resolve));

  console.log(`\n${duration} s per run, ${connections} connections, node ${process.version}, ${new Date().toISOString()}\n`);
  console.log("| view | static req/s | app req/s | app/static | static p50 / p99 ms | app p50 / p99 ms |");
  console.log("|---|---|---|---|---|---|");
  for (const view of views) {
    const baseline = await load(`http://127.0.0.1:${staticPort}${view.path}`);
    const measured = await load(`http://127.0.0.1:${appPort}${view.path}`);
    console.log(
      `| ${view.name} | ${baseline.rps.toFixed(0)} | ${measured.rps.toFixed(0)} | ${(measured.rps / baseline.rps).toFixed(2)} | ${baseline.p50} / ${baseline.p99} | ${measured.p50} / ${measured.p99} |`,
    );
  }
  staticServer.close();
} finally {
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await rm(parent, { recursive: true, force: true });
}

async function load(url: string) {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}
