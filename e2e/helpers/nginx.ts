import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, untilHealthy } from "./local-process";

// Debian's nginx with the shipped deploy/nginx.conf, its upstreams pointed at
// the app instances and the S3-compatible store of the test and its port and
// files made the test's own.

export const NGINX = "/usr/sbin/nginx";
export const hasNginx = () => existsSync(NGINX);

/** The end-to-end run's store (scripts/e2e-server.ts leaves its settings in the data folder). */
export async function e2eStore(): Promise<{ endpoint: string; bucket: string }> {
  const dataDir = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), "newsroom-e2e");
  return JSON.parse(await readFile(path.join(dataDir, "s3.json"), "utf8")) as { endpoint: string; bucket: string };
}

export async function startNginx(upstreams: string[], store: { endpoint: string; bucket: string }): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-nginx-"));
  // nginx's workers (www-data when started by root) keep the reader cache in it.
  await chmod(folder, 0o755);
  await mkdir(path.join(folder, "cache"), { mode: 0o777 });
  await chmod(path.join(folder, "cache"), 0o777);
  const port = await freePort();
  const shipped = await readFile(path.resolve("deploy", "nginx.conf"), "utf8");
  const servers = upstreams.map((upstream) => `    server ${upstream} max_fails=2 fail_timeout=5s;`).join("\n");
  const config = shipped
    .replace(/^pid .*;$/m, `pid ${folder}/nginx.pid;`)
    .replace(/(upstream newsroom_app \{\n)(?:\s*server .*;\n)+/, `$1${servers}\n`)
    .replace(/(upstream newsroom_store \{\n\s*server )\S+/, `$1${new URL(store.endpoint).host}`)
    .replace(/(map \$host \$store_host \{\n\s*default )[^;]+/, `$1${new URL(store.endpoint).host}`)
    .replaceAll("http://newsroom_store/newsroom/", `http://newsroom_store/${store.bucket}/`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/proxy_cache_path \S+/, `proxy_cache_path ${folder}/cache`)
    .replace(/^http \{$/m, `http {\n  access_log ${folder}/access.log;\n  client_body_temp_path ${folder}/body;\n  proxy_temp_path ${folder}/proxy;`);
  const rewritten = config.includes(`127.0.0.1:${port}`) && upstreams.every((upstream) => config.includes(`server ${upstream} `)) && config.includes(`server ${new URL(store.endpoint).host} `) && config.includes(`default ${new URL(store.endpoint).host};`) && !config.includes("/newsroom/reader/");
  if (!rewritten) throw new Error("deploy/nginx.conf no longer has the shape this helper rewrites");
  const file = path.join(folder, "nginx.conf");
  await writeFile(file, config);
  const child = spawn(NGINX, ["-c", file, "-e", path.join(folder, "error.log"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  return untilHealthy({ child, baseURL: `http://127.0.0.1:${port}`, folder, signal: "SIGQUIT", whyStopped: async () => `nginx stopped: ${await readFile(path.join(folder, "error.log"), "utf8").catch(() => "")}` });
}
