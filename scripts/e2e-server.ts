// The server the end-to-end tests run against: `npm start` on a fresh,
// throw-away data folder (DATA_DIR), removed again when it stops.
import { rmSync } from "node:fs";

const dataDir = process.env.DATA_DIR;
if (!dataDir || !/newsroom-e2e/.test(dataDir)) {
  console.error("e2e-server: DATA_DIR must be a throw-away folder whose name contains newsroom-e2e.");
  process.exit(2);
}
rmSync(dataDir, { recursive: true, force: true });
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
await import("./start");
