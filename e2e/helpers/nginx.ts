import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

// Debian's nginx with the shipped deploy/nginx.conf, its upstream pointed at
// the app instances of the test and its port and files made the test's own.

export const NGINX = "/usr/sbin/nginx";
export const hasNginx = () => existsSync(NGINX);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startNginx(upstreams: string[]): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-nginx-"));
  const port = await freePort();
  const shipped = await readFile(path.resolve("deploy", "nginx.conf"), "utf8");
  const servers = upstreams.map((upstream) => `    server ${upstream} max_fails=2 fail_timeout=5s;`).join("\n");
  const config = shipped
    .replace(/^pid .*;$/m, `pid ${folder}/nginx.pid;`)
    .replace(/(upstream newsroom_app \{\n)(?:\s*server .*;\n)+/, `$1${servers}\n`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/^http \{$/m, `http {\n  access_log ${folder}/access.log;\n  client_body_temp_path ${folder}/body;\n  proxy_temp_path ${folder}/proxy;`);
  if (!config.includes(`127.0.0.1:${port}`) || !upstreams.every((upstream) => config.includes(`server ${upstream} `))) throw new Error("deploy/nginx.conf no longer has the shape this helper rewrites");
  const file = path.join(folder, "nginx.conf");
  await writeFile(file, config);
  const child: ChildProcess = spawn(NGINX, ["-c", file, "-e", path.join(folder, "error.log"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  const baseURL = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 50; tries += 1) {
    if (await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false)) break;
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${await readFile(path.join(folder, "error.log"), "utf8").catch(() => "")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseURL,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
