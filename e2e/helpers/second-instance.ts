import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runningEmbeddedUrl } from "../../lib/db/embedded-postgres";
import { freePort, untilHealthy } from "./local-process";

// A second app instance beside the one the tests run against: the same build,
// copied to a folder of its own (as on another machine: its own runtime cache),
// on the same database and S3-compatible store (scripts/e2e-server.ts), on a
// port of its own.

const dataDir = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), "newsroom-e2e");
const distDir = process.env.E2E_DIST_DIR ?? ".next-test";

export async function startSecondInstance(options: { env?: Record<string, string> } = {}): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const databaseUrl = await runningEmbeddedUrl(path.join(dataDir, "postgres"));
  if (!databaseUrl) throw new Error(`No running e2e database in ${dataDir}`);
  const secret = (await readFile(path.join(dataDir, "auth-secret"), "utf8")).trim();
  const s3 = JSON.parse(await readFile(path.join(dataDir, "s3.json"), "utf8")) as { bucket: string; endpoint: string; accessKeyId: string; secretAccessKey: string };
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-instance-b-"));
  const standalone = path.resolve(distDir, "standalone");
  // Everything but the first instance's runtime cache.
  await cp(standalone, folder, { recursive: true, verbatimSymlinks: true, filter: (source) => !source.startsWith(path.join(standalone, distDir, "cache")) });
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(folder, "newsroom-server.mjs")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "0.0.0.0",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: `http://localhost:${port}`,
      S3_BUCKET: s3.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      SEED_DEMO: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return untilHealthy({ child, baseURL: `http://127.0.0.1:${port}`, folder, signal: "SIGTERM", whyStopped: async () => `The second instance stopped (exit ${child.exitCode})` });
}
