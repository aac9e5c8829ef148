// `npm run backup [-- --out <file-or-folder>]`: one archive of the whole
// installation (lib/backup): the database, the stored files, the secrets.
// Works while `npm start` runs. docs/OPERATIONS.md, "Backup and restore".
import path from "node:path";
import { BackupError } from "../lib/backup/backup-error";
import { createBackup } from "../lib/backup/create-backup";
import { readEnvOrExit } from "./lib/local-services";
import { fromRoot, projectRoot } from "./lib/project";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : undefined;
if ((outAt >= 0 && (!out || out.startsWith("--"))) || args.length !== (outAt >= 0 ? 2 : 0)) {
  console.error("用法 (usage): npm run backup [-- --out <file-or-folder>]");
  process.exit(64);
}

const config = readEnvOrExit();
const dataDir = path.resolve(process.env.DATA_DIR || fromRoot(".data"));
try {
  const started = Date.now();
  const { file, manifest } = await createBackup({ config, dataDir, out, root: projectRoot, log: (line) => console.log(line) });
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const { database, storage } = manifest;
  console.log(`\n备份完成 (backup written): ${file}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`  database: ${database.kind === "embedded-cluster" ? `embedded PostgreSQL ${database.postgresVersion}, ${database.files} files, ${mb(database.bytes)}` : `pg_dump of PostgreSQL ${database.postgresVersion}, ${mb(database.bytes)}`}; migration ${manifest.app.migration ?? "none"}`);
  console.log(`  files: ${storage.kind === "folder" ? `${storage.files} stored files, ${mb(storage.bytes)}` : `in the bucket ${storage.bucket} (not in the archive)`}`);
  console.log("  保密 (keep it private): the archive holds the session secret and the database password.");
} catch (error) {
  console.error(`\n备份失败 (backup failed): ${error instanceof BackupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
