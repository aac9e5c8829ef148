// The server the end-to-end tests run against: `npm start` on a fresh,
// throw-away data folder (DATA_DIR), removed again when it stops. Its files go
// to an S3-compatible store (a local s3rver, as several instances in
// production share one), whose settings are left in DATA_DIR/s3.json for the
// specs that start a second instance beside it.
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startS3Server } from "../tests/helpers/s3-server";
import { fromRoot } from "./lib/project";

const dataDir = process.env.DATA_DIR;
if (!dataDir || !/newsroom-e2e/.test(dataDir)) {
  console.error("e2e-server: DATA_DIR must be a throw-away folder whose name contains newsroom-e2e.");
  process.exit(2);
}
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const s3 = await startS3Server("newsroom-e2e", path.join(dataDir, "s3"));
writeFileSync(path.join(dataDir, "s3.json"), JSON.stringify(s3.options));

const server = spawn(process.execPath, [fromRoot("scripts/start.mjs")], {
  stdio: "inherit",
  env: {
    ...process.env,
    S3_BUCKET: s3.options.bucket,
    S3_ENDPOINT: s3.options.endpoint,
    S3_ACCESS_KEY_ID: s3.options.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.options.secretAccessKey,
  },
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
// The folder goes once the server (and the PostgreSQL it stops as it exits) is gone.
server.on("exit", (code, signal) => {
  void s3.close().finally(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(code ?? (signal ? 1 : 0));
  });
});
