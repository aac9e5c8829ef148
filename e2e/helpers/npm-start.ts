import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { e2eAdmin } from "../../playwright.config";
import { freePort } from "./local-process";

// `npm start` (scripts/start.mjs) on a data folder of a spec's own, with the
// build the tests run (E2E_DIST_DIR), its files in the folder (no S3), on a
// port of its own. It shares the build's runtime cache folder with the test
// server; each start empties it, as any restart does.

const distDir = process.env.E2E_DIST_DIR ?? ".next-test";

export interface StartedApp {
  baseURL: string;
  output: () => string;
  stop: () => Promise<void>;
}

export async function npmStart(dataDir: string): Promise<StartedApp> {
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.resolve("scripts/start.mjs")], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      NEXT_DIST_DIR: distDir,
      NEXT_SKIP_TYPECHECK: "1",
      SEED_DEMO: "1",
      ADMIN_EMAIL: e2eAdmin.email,
      ADMIN_PASSWORD: e2eAdmin.password,
      DATABASE_URL: "",
      NEXTAUTH_SECRET: "",
      NEXTAUTH_URL: "",
      STORAGE_DIR: "",
      S3_BUCKET: "",
      S3_ENDPOINT: "",
      S3_ACCESS_KEY_ID: "",
      S3_SECRET_ACCESS_KEY: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  };
  const deadline = Date.now() + 180_000;
  while (!(await fetch(`${baseURL}/api/health`).then((response) => response.ok, () => false))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`npm start on ${dataDir} did not become healthy:\n${output.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, output: () => output, stop };
}
