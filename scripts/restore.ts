// `npm run restore -- <archive> [--data-dir <dir>] [--force]`: puts an archive
// of `npm run backup` back into a data folder (lib/backup) and renders the
// reader site from it; then `npm start`. docs/OPERATIONS.md, "Backup and restore".
import path from "node:path";
import { BackupError } from "../lib/backup/backup-error";
import { restoreBackup } from "../lib/backup/restore-backup";
import { getDb } from "../lib/db/client";
import { storageFor } from "../lib/storage/get-storage";
import { readEnvOrExit } from "./lib/local-services";
import { fromRoot, projectRoot } from "./lib/project";

const usage = "用法 (usage): npm run restore -- <archive> [--data-dir <dir>] [--force]";
const args = process.argv.slice(2);
let archive: string | undefined;
let dataDirArg: string | undefined;
let force = false;
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i]!;
  if (arg === "--force") force = true;
  else if (arg === "--data-dir" && args[i + 1] && !args[i + 1]!.startsWith("--")) dataDirArg = args[(i += 1)];
  else if (!arg.startsWith("--") && !archive) archive = arg;
  else {
    console.error(usage);
    process.exit(64);
  }
}
if (!archive) {
  console.error(usage);
  process.exit(64);
}

const config = readEnvOrExit();
const dataDir = path.resolve(dataDirArg ?? (process.env.DATA_DIR || fromRoot(".data")));
let exitCode = 0;
try {
  const started = Date.now();
  const result = await restoreBackup({
    archive,
    dataDir,
    force,
    config,
    root: projectRoot,
    log: (line) => console.log(line),
    renderReaderSite: async (url) => {
      // The reader queries read through the process's one client.
      process.env.DATABASE_URL = url;
      // Loaded here: the renderer (React, Tailwind) takes seconds to load, and a refusal needs none of it.
      const { commandReaderRendering } = await import("./lib/reader-rendering");
      const { renderAllReaderFiles } = await import("../lib/reader-files/render-reader-files");
      const rendering = await commandReaderRendering(storageFor(config, path.join(dataDir, "storage")));
      await renderAllReaderFiles(rendering, ({ done, total }) => {
        if (done === total || done % 100 === 0) console.log(`  reader pages ${done}/${total}`);
      });
    },
  });
  console.log(`\n恢复完成 (restored) into ${dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.editions} edition(s), backup of ${result.manifest.createdAt}.`);
  if (result.movedAside) console.log(`  The folder that was there is now ${result.movedAside}.`);
  console.log(`  Next: ${dataDirArg ? `DATA_DIR=${dataDir} ` : ""}npm start`);
} catch (error) {
  console.error(`\n恢复失败 (restore failed): ${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  // Only the reader rendering opened the process's client (a refusal never gets that far).
  if (process.env.DATABASE_URL) await getDb().$disconnect().catch(() => {});
}
process.exit(exitCode);
