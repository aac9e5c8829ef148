import { existsSync, type Stats } from "node:fs";
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import type { Env } from "@/lib/config/env";
import { postgresUserIds, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { BackupError } from "./backup-error";
import { describeFile, listFiles } from "./backup-files";
import { CLUSTER_FOLDER, DUMP_FILE, MANIFEST_FILE, SECRETS_FOLDER, STORAGE_FOLDER, manifestSchema, type BackupManifest } from "./backup-manifest";
import { embeddedPostgresMajor, handClusterToPostgres, livePostmasterOf } from "./cluster-files";
import { pgToolFor, runOnDatabase } from "./pg-tools";

export interface RestoreBackupOptions {
  archive: string;
  /** The data folder to restore into (an embedded cluster, the secret, the files). */
  dataDir: string;
  /** Restore into a non-empty folder (moved aside first) or database (cleaned first). */
  force?: boolean;
  config: Env;
  /** Project root: prisma/migrations (default: cwd). */
  root?: string;
  log?: (line: string) => void;
  /**
   * Renders every reader page into the store from the restored database
   * (lib/reader-files; the command passes it: lib/ does not import the components that render).
   */
  renderReaderSite: (databaseUrl: string) => Promise<void>;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where a non-empty data folder was moved (--force). */
  movedAside?: string;
  editions: number;
}

/**
 * Puts an archive of createBackup back: checks the target and every checksum
 * first (a refusal changes nothing), then the database, the secret, the
 * files, pending migrations, and the reader site rendered from the restored
 * database. The embedded PostgreSQL it starts is stopped again: `npm start` next.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreResult> {
  const { config } = options;
  const root = options.root ?? process.cwd();
  const log = options.log ?? (() => {});
  const archive = path.resolve(options.archive);
  const dataDir = path.resolve(options.dataDir);
  const force = options.force ?? false;

  const archiveInfo = await stat(archive).catch(() => undefined);
  if (!archiveInfo?.isFile()) throw new BackupError(`No archive at ${archive}.`);
  const clusterDir = path.join(dataDir, "postgres");
  const running = await livePostmasterOf(clusterDir);
  if (running) throw new BackupError(`A server is running on ${dataDir} (PostgreSQL pid ${running}): stop it (Ctrl-C where npm start runs) before restoring.`);
  const occupied = existsSync(dataDir) && (await readdir(dataDir)).length > 0;
  const aside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[-:.]/g, "").slice(0, 15)}`;
  if (occupied && !force) throw new BackupError(`${dataDir} is not empty: restore into a new folder (--data-dir), or add --force to move it aside to ${path.basename(aside)}.`);
  if (config.DATABASE_URL && !force && (await tableCount(config.DATABASE_URL)) > 0) {
    throw new BackupError("The database at DATABASE_URL is not empty: restore into an empty database, or add --force to replace its contents.");
  }

  // Unpacked beside the target (the same disk: moved into place, not copied) and checked whole before anything is touched.
  await mkdir(path.dirname(dataDir), { recursive: true });
  const staging = `${dataDir}.restoring-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  let ownDatabase: EmbeddedDatabase | undefined;
  let touched = false;
  try {
    log(`Checking ${archive}…`);
    // Files and folders only: a link could point a restored file anywhere on this machine.
    const unexpected: string[] = [];
    const filter = (entryPath: string, entry: tar.ReadEntry | Stats) => {
      const kind = "type" in entry ? entry.type : undefined;
      if (kind === "File" || kind === "Directory") return true;
      unexpected.push(entryPath);
      return false;
    };
    await tar.x({ file: archive, cwd: staging, strict: true, preserveOwner: false, filter }).catch((error: Error) => {
      throw new BackupError(`${archive} is damaged or not a backup archive (${error.message}); nothing was changed.`);
    });
    if (unexpected.length) throw new BackupError(`${archive} holds ${unexpected[0]}, which is not a plain file; nothing was changed.`);
    const manifest = await readManifest(staging, archive);
    await verifyFiles(staging, manifest, archive);
    await assertRestorable(manifest, config, root);

    touched = true;
    let movedAside: string | undefined;
    if (occupied) {
      await rename(dataDir, aside);
      movedAside = aside;
      log(`Moved the old ${dataDir} aside to ${aside}.`);
    }
    await mkdir(dataDir, { recursive: true });

    let url: string;
    if (manifest.database.kind === "embedded-cluster") {
      log("Restoring the embedded PostgreSQL…");
      await rename(path.join(staging, CLUSTER_FOLDER), clusterDir);
      await handClusterToPostgres(clusterDir, postgresUserIds());
      const { password } = JSON.parse(await readFile(path.join(staging, SECRETS_FOLDER, "postgres.json"), "utf8")) as { password: string };
      await writeFile(`${clusterDir}.json`, JSON.stringify({ password }, null, 2) + "\n", { mode: 0o600 });
      // Its first start replays the WAL copied with it (backup_label).
      ownDatabase = await startEmbeddedPostgres({ dataDir: clusterDir, log });
      url = ownDatabase.url;
    } else {
      if (config.DATABASE_URL) url = config.DATABASE_URL;
      else {
        ownDatabase = await startEmbeddedPostgres({ dataDir: clusterDir, log });
        url = ownDatabase.url;
      }
      const pgRestore = await pgToolFor("pg_restore", Number(/\)\s+(\d+)/.exec(manifest.database.pgDumpVersion)?.[1] ?? 0), "read this archive's database dump");
      log(`Restoring the database dump with ${pgRestore.file}…`);
      await runOnDatabase(pgRestore, url, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", path.join(staging, DUMP_FILE)]);
    }

    if (manifest.secrets.authSecret === "included") {
      await writeFile(path.join(dataDir, "auth-secret"), await readFile(path.join(staging, SECRETS_FOLDER, "auth-secret")), { mode: 0o600 });
    } else {
      log("The session secret was NEXTAUTH_SECRET, not in the archive: set it to the same value, or staff sign in again.");
    }

    if (manifest.storage.kind === "folder") {
      const storageDir = path.resolve(config.STORAGE_DIR ?? path.join(dataDir, "storage"));
      const unpacked = path.join(staging, STORAGE_FOLDER);
      if (!existsSync(unpacked)) await mkdir(storageDir, { recursive: true });
      else if (!existsSync(storageDir)) await mkdir(path.dirname(storageDir), { recursive: true }).then(() => rename(unpacked, storageDir));
      // Keys are content hashes: merging into a folder in use (STORAGE_DIR elsewhere) overwrites nothing with other bytes.
      else await cp(unpacked, storageDir, { recursive: true });
      log(`Restored ${manifest.storage.files} stored file(s) to ${storageDir}.`);
      if (config.S3_BUCKET) log(`S3_BUCKET is set: copy ${storageDir} into the bucket (aws s3 sync ${storageDir} s3://${config.S3_BUCKET}/), keys unchanged.`);
    } else {
      log(`Stored files are not in the archive: ${manifest.storage.note}`);
    }

    const { applied } = await applyMigrations({ connectionString: url, migrationsDir: path.join(root, "prisma", "migrations") });
    if (applied.length) log(`Applied ${applied.length} migration(s) newer than the archive.`);
    log("Rendering the reader site from the restored database…");
    await options.renderReaderSite(url);
    const editions = await countEditions(url);
    return { manifest, movedAside, editions };
  } catch (error) {
    if (!touched || !(error instanceof Error)) throw error;
    throw new BackupError(`The restore stopped half way (${error.message}): ${dataDir} is incomplete; run the restore again with --force.`);
  } finally {
    await ownDatabase?.stop();
    await rm(staging, { recursive: true, force: true });
  }
}

async function readManifest(staging: string, archive: string): Promise<BackupManifest> {
  const text = await readFile(path.join(staging, MANIFEST_FILE), "utf8").catch(() => undefined);
  if (text === undefined) throw new BackupError(`${archive} is not a newsroom backup (it has no ${MANIFEST_FILE}); nothing was changed.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupError(`${archive} has an unreadable ${MANIFEST_FILE}; nothing was changed.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BackupError(`${archive} has a ${MANIFEST_FILE} this version cannot read (${parsed.error.issues[0]?.path.join(".")}); nothing was changed.`);
  return parsed.data;
}

/** Every file the manifest names, with its size and sha256, and nothing else. */
async function verifyFiles(staging: string, manifest: BackupManifest, archive: string): Promise<void> {
  const present = await listFiles(staging, (relative) => relative !== MANIFEST_FILE);
  const expected = new Set(Object.keys(manifest.files));
  for (const name of present) if (!expected.has(name)) throw new BackupError(`${archive} holds ${name}, which its manifest does not list; nothing was changed.`);
  for (const [name, entry] of Object.entries(manifest.files)) {
    const file = path.join(staging, name);
    if (!existsSync(file)) throw new BackupError(`${archive} lacks ${name}, which its manifest lists; nothing was changed.`);
    const actual = await describeFile(file);
    if (actual.sha256 !== entry.sha256 || actual.size !== entry.size) throw new BackupError(`Checksum mismatch in ${archive}: ${name} is not what was backed up; nothing was changed.`);
  }
}

async function assertRestorable(manifest: BackupManifest, config: Env, root: string): Promise<void> {
  const known = new Set(await readdir(path.join(root, "prisma", "migrations")));
  if (manifest.app.migration && !known.has(manifest.app.migration)) {
    throw new BackupError(`The archive was made by a newer version of the app (migration ${manifest.app.migration}): update the app, then restore.`);
  }
  if (manifest.database.kind === "embedded-cluster") {
    if (config.DATABASE_URL) throw new BackupError("The archive holds the embedded PostgreSQL's files: unset DATABASE_URL to restore them into a data folder.");
    const major = await embeddedPostgresMajor();
    if (major !== manifest.database.postgresMajor) {
      throw new BackupError(`The archive holds PostgreSQL ${manifest.database.postgresMajor} files, but this app's embedded PostgreSQL is ${major}: restore it with the app version that made it.`);
    }
  }
}

async function tableCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    throw new BackupError(`Cannot reach the database at DATABASE_URL: ${error.message}`);
  });
  try {
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM pg_tables WHERE schemaname = 'public'");
    return rows[0]!.count;
  } finally {
    await client.end();
  }
}

async function countEditions(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM editions");
    return rows[0]!.count;
  } finally {
    await client.end();
  }
}
