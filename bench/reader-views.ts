// The reader's page view and article view, served three ways in one run and
// compared with the floor: nginx sending the same bytes from a folder
// (gzip_static), as its own process.
//   npm run bench:reader [-- --seconds 10 --connections 50 --skip-publish]
// 1. `npm start` alone (its fast path, lib/reader-files/reader-file-server.ts);
// 2. the shipped deploy/nginx.conf in front of it;
// 3. the baseline: nginx with a plain config and the page's files in a folder.
// Every request asks for gzip (as nearly every browser does); each server sends
// the stored gzip bytes. Then, in Chromium: JS bytes, HTML bytes (raw and
// gzip) and requests per view. Then the time to publish a generated edition of
// 24 pages and 150 articles, in both scripts (render, compress, store, switch).
// Load comes from wrk when installed (apt-get install wrk), else autocannon.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import { findFreePort, runningEmbeddedUrl } from "../lib/db/embedded-postgres";
import { hasNginx, NGINX, startNginx } from "../e2e/helpers/nginx";
import { ensureBuild } from "../scripts/lib/build";
import { waitUntilHealthy } from "../scripts/lib/local-services";
import { fromRoot } from "../scripts/lib/project";
import { startS3Server } from "../tests/helpers/s3-server";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "10" }, connections: { type: "string", default: "50" }, "skip-publish": { type: "boolean", default: false } } });
const duration = Number(values.seconds);
const connections = Number(values.connections);
/**
 * wrk (C, one thread) when installed: autocannon (Node) tops out near 10,000
 * requests/s on one core, below what nginx serves, and would flatten the ratios.
 */
const WRK = "/usr/bin/wrk";
const loadGenerator = existsSync(WRK) ? "wrk, 1 thread" : "autocannon (apt-get install wrk for a load generator faster than the servers)";

const views = [
  { name: "page view", path: "/2023-03-13/A05" },
  { name: "article view", path: "/2023-03-13/A05/4" },
];
if (!hasNginx()) {
  console.error("nginx is not installed (apt-get install nginx): it is the baseline.");
  process.exit(2);
}

await ensureBuild({ distDir: ".next", log: console.log });
const parent = await mkdtemp(path.join(tmpdir(), "newsroom-bench-"));
await chmod(parent, 0o755);
const dataDir = path.join(parent, "data");
const appPort = await findFreePort();
// The store nginx reads the pages from, as in production (a local s3rver).
const store = await startS3Server("newsroom-bench", path.join(parent, "s3"));
const app = spawn(process.execPath, [fromRoot("scripts/start.mjs")], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PORT: String(appPort),
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    SEED_DEMO: "1",
    S3_BUCKET: store.options.bucket,
    S3_ENDPOINT: store.options.endpoint,
    S3_ACCESS_KEY_ID: store.options.accessKeyId,
    S3_SECRET_ACCESS_KEY: store.options.secretAccessKey,
  },
});
const stops: (() => Promise<void>)[] = [];

try {
  if (!(await waitUntilHealthy(appPort))) throw new Error("The app did not become healthy");
  const appUrl = `http://127.0.0.1:${appPort}`;

  // The baseline's folder: the same HTML, and the same gzip bytes the app stored.
  const site = path.join(parent, "site");
  for (const view of views) {
    const folder = path.join(site, view.path);
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "index.html"), Buffer.from(await (await fetch(`${appUrl}${view.path}`, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer()));
    const gz = await fetch(`${appUrl}${view.path}`, { headers: { "Accept-Encoding": "gzip" }, decompress: false } as RequestInit);
    await writeFile(path.join(folder, "index.html.gz"), Buffer.from(await gz.arrayBuffer()));
  }
  await chmod(site, 0o755);
  const baseline = await startBaselineNginx(site);
  stops.push(baseline.stop);
  const front = await startNginx([`127.0.0.1:${appPort}`], { endpoint: store.options.endpoint!, bucket: store.options.bucket });
  stops.push(front.stop);
  for (const view of views) {
    const origin = (await fetch(`${front.baseURL}${view.path}`)).headers.get("x-origin");
    if (origin !== "store") throw new Error(`nginx answered ${view.path} from "${origin}", not from the store`);
  }

  console.log(`\n${duration} s per run, ${connections} connections, gzip, ${loadGenerator}, node ${process.version}, ${new Date().toISOString()}\n`);
  console.log("| view | nginx from a folder (baseline) req/s | through deploy/nginx.conf req/s | ratio | npm start alone req/s | ratio | p50 / p99 ms (baseline, nginx.conf, npm start) |");
  console.log("|---|---|---|---|---|---|---|");
  for (const view of views) {
    // Alternated, so that other work on the machine weighs on all three alike.
    const floor = await load(`${baseline.url}${view.path}`);
    const proxied = await load(`${front.baseURL}${view.path}`);
    const alone = await load(`${appUrl}${view.path}`);
    console.log(
      `| ${view.name} (${view.path}) | ${floor.rps.toFixed(0)} | ${proxied.rps.toFixed(0)} | ${(proxied.rps / floor.rps).toFixed(2)} | ${alone.rps.toFixed(0)} | ${(alone.rps / floor.rps).toFixed(2)} | ${floor.p50}/${floor.p99}, ${proxied.p50}/${proxied.p99}, ${alone.p50}/${alone.p99} |`,
    );
  }

  await measureInChromium(appUrl);
  if (!values["skip-publish"]) await timePublishing(dataDir);
} finally {
  for (const stop of stops.reverse()) await stop().catch(() => {});
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await store.close();
  await rm(parent, { recursive: true, force: true });
}

async function load(url: string) {
  if (!existsSync(WRK)) {
    const result = await autocannon({ url, connections, duration, pipelining: 1, headers: { "accept-encoding": "gzip" } });
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
    return { rps: result.requests.average, p50: String(result.latency.p50), p99: String(result.latency.p99) };
  }
  // Not execFileSync: the store (s3rver) runs in this process and must go on answering.
  const output = await new Promise<string>((resolve, reject) =>
    execFile(WRK, ["-t1", `-c${connections}`, `-d${duration}s`, "--latency", "-H", "Accept-Encoding: gzip", url], { encoding: "utf8" }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  if (/Non-2xx or 3xx responses|Socket errors/.test(output)) throw new Error(`${url}: ${output}`);
  const ms = (line: string) => {
    const [, value, unit] = new RegExp(`${line}\\s+([\\d.]+)(us|ms|s)`).exec(output)!;
    return (Number(value) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1)).toFixed(1);
  };
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)![1]), p50: ms("50%"), p99: ms("99%") };
}

/** nginx as a plain file server: the floor any server of these bytes is measured against. */
async function startBaselineNginx(root: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-baseline-"));
  await chmod(folder, 0o755);
  const port = await findFreePort();
  const config = `worker_processes auto;
pid ${folder}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log ${folder}/access.log;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip_static on;
    location / { try_files $uri/index.html =404; }
  }
}
`;
  await writeFile(path.join(folder, "nginx.conf"), config);
  const child: ChildProcess = spawn(NGINX, ["-c", path.join(folder, "nginx.conf"), "-e", path.join(folder, "error.log"), "-g", "daemon off;"], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 100; tries += 1) {
    if (await fetch(`${url}${views[0]!.path}`).then((response) => response.ok, () => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGQUIT");
      await new Promise((resolve) => child.once("exit", resolve));
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** What a reader's browser loads for each view: requests, script bytes, HTML bytes. */
async function measureInChromium(appUrl: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    console.log("\n| view | requests | JS bytes (inline + files) | HTML bytes | HTML gzip bytes |");
    console.log("|---|---|---|---|---|");
    for (const view of views) {
      const page = await browser.newPage();
      const requests: string[] = [];
      let scriptFileBytes = 0;
      page.on("request", (request) => requests.push(request.url()));
      page.on("response", async (response) => {
        if (response.request().resourceType() === "script") scriptFileBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.goto(`${appUrl}${view.path}`, { waitUntil: "networkidle" });
      const html = Buffer.from(await (await fetch(`${appUrl}${view.path}`, { headers: { "Accept-Encoding": "identity" } })).arrayBuffer());
      // Inline scripts as sent (one removes itself once it has run); JSON-LD is data, not code.
      const inline = [...html.toString("utf8").matchAll(/<script(?![^>]*(?:src=|application\/ld\+json))[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + Buffer.byteLength(match[1]!), 0);
      console.log(`| ${view.name} | ${requests.length} (${[...new Set(requests.map((url) => new URL(url).pathname.split("/")[1]))].join(", ")}) | ${inline + scriptFileBytes} | ${html.length} | ${gzipSync(html).length} |`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

/** A generated edition of 24 pages and 150 articles, published: its files in both scripts, rendered, compressed and stored. */
async function timePublishing(data: string) {
  const url = await runningEmbeddedUrl(path.join(data, "postgres"));
  if (!url) throw new Error("The app's database is not running");
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../lib/db/client");
  const { bodyFromBlocks } = await import("../lib/articles/body");
  const { editionDate } = await import("../lib/time/edition-date");
  const { DiskStorage } = await import("../lib/storage/storage");
  const { renderReaderChange } = await import("../lib/reader-files/render-reader-files");
  const { commandReaderRendering } = await import("../scripts/lib/reader-rendering");
  const db = getDb();
  const publication = await db.publication.findFirstOrThrow({ where: { isDefault: true } });
  const date = "2023-03-20";
  const edition = await db.edition.create({ data: { publicationId: publication.id, date: editionDate(date), status: "PUBLISHED", issueNumber: 20000 } });
  const paragraph = "市委、市政府高度重视侨乡文化保护与发展，近年来持续推进重点项目建设，推动城市品质提升，群众获得感不断增强。";
  let articles = 0;
  for (let index = 0; index < 24; index += 1) {
    const number = `A${String(index + 1).padStart(2, "0")}`;
    const page = await db.page.create({ data: { editionId: edition.id, number, section: "A", position: index + 1, name: index === 0 ? "要闻" : "江海新闻", status: "PUBLISHED" } });
    const onPage = index < 6 ? 7 : 6;
    for (let position = 1; position <= onPage && articles < 150; position += 1, articles += 1) {
      const article = await db.article.create({
        data: { publicationId: publication.id, headline: `第${number}版第${position}篇：江门推进高质量发展`, status: "PUBLISHED", publishedAt: new Date(), body: bodyFromBlocks(Array.from({ length: 8 }, () => ({ type: "paragraph" as const, text: paragraph.repeat(3) }))) },
      });
      await db.placement.create({ data: { pageId: page.id, articleId: article.id, position } });
    }
  }
  const rendering = await commandReaderRendering(new DiskStorage(path.join(data, "storage")));
  const started = performance.now();
  await renderReaderChange(rendering, { kind: "edition", publicationId: publication.id, date });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nPublishing a generated edition (24 pages, ${articles} articles; ${2 * (24 + articles)} page and article files in both scripts, plus the month's archive and the neighbours' page views): ${seconds.toFixed(1)} s (target ≤ 15 s)`);
  await db.$disconnect();
}
