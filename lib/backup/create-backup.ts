import { createWriteStream, existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rename, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import * as tar from "tar";
import type { Env } from "@/lib/config/env";
import { EmbeddedPostgresError, runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { BackupError } from "./backup-error";
import { describeFile, listFiles, totalBytes } from "./backup-files";
import {
  CLUSTER_FOLDER,
  DUMP_FILE,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_FILE,
  SECRETS_FOLDER,
  STORAGE_FOLDER,
  type BackupManifest,
  type FileEntry,
} from "./backup-manifest";
import { copyRunningCluster } from "./cluster-files";
import { pgToolFor, runOnDatabase } from "./pg-tools";

export interface CreateBackupOptions {
  /** Validated environment: DATABASE_URL, NEXTAUTH_SECRET, STORAGE_DIR, S3_*. */
  config: Env;
  /** The `npm start` data folder (.data). */
  dataDir: string;
  /** An archive file, or a folder to put one in (default: backups/ under root). */
  out?: string;
  /** Project root: package.json and backups/ (default: cwd). */
  root?: string;
  log?: (line: string) => void;
}

/** Reader pages and their route tables are rendered from the database: a restore renders them again. */
export const isBackedUpStorageFile = (relative: string) => relative !== "reader" && !relative.endsWith(".tmp");

/**
 * One archive (.tar.gz, mode 0600) of everything an installation needs back:
 * the database, the stored files (or a note on the bucket), the secrets, and a
 * manifest with each file's sha256. Works while the server runs; written under
 * a temporary name, so a failed backup leaves no archive.
 */
export async function createBackup(options: CreateBackupOptions): Promise<{ file: string; manifest: BackupManifest }> {
  const { config } = options;
  const root = options.root ?? process.cwd();
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const file = await archivePath(options.out, root);
  const staging = await mkdtemp(path.join(tmpdir(), "newsroom-backup-"));
  const partial = `${file}.${process.pid}.partial`;
  let ownDatabase: EmbeddedDatabase | undefined;
  try {
    const entries: string[] = [MANIFEST_FILE];

    // The database first: every file it names was stored before it was written, and stored files are never changed.
    let database: BackupManifest["database"];
    let url: string;
    if (config.DATABASE_URL) {
      url = config.DATABASE_URL;
      const server = await serverVersion(url);
      const pgDump = await pgToolFor("pg_dump", server.major, `back up the PostgreSQL ${server.major} database at DATABASE_URL`);
      log(`Dumping the database with ${pgDump.file} (${pgDump.version})…`);
      await runOnDatabase(pgDump, url, ["--format=custom", "--no-owner", "--no-privileges", "--file", path.join(staging, DUMP_FILE)]);
      database = { kind: "pg_dump", postgresVersion: server.version, postgresMajor: server.major, pgDumpVersion: pgDump.version, bytes: (await stat(path.join(staging, DUMP_FILE))).size };
      entries.push(DUMP_FILE);
    } else {
      const clusterDir = path.join(dataDir, "postgres");
      if (!existsSync(path.join(clusterDir, "PG_VERSION"))) throw new BackupError(`No database in ${clusterDir}: nothing to back up (is DATA_DIR right?).`);
      const running = await runningEmbeddedUrl(clusterDir);
      if (running) log("Copying the running embedded PostgreSQL…");
      else {
        log("The app is not running: starting its embedded PostgreSQL for the backup…");
        ownDatabase = await startEmbeddedPostgres({ dataDir: clusterDir }).catch((error: unknown) => {
          throw error instanceof EmbeddedPostgresError ? new BackupError(error.message) : error;
        });
      }
      url = running ?? ownDatabase!.url;
      const copy = await copyRunningCluster({ url, dataDir: clusterDir, target: path.join(staging, CLUSTER_FOLDER) });
      database = { kind: "embedded-cluster", ...copy, files: 0, bytes: 0 };
      entries.push(CLUSTER_FOLDER);
    }
    const migration = await latestMigration(url);
    await ownDatabase?.stop();
    ownDatabase = undefined;

    // Secrets: the session secret (sessions and sign-in survive) and the cluster's password (its files hold the role).
    await mkdir(path.join(staging, SECRETS_FOLDER), { mode: 0o700 });
    let authSecret: BackupManifest["secrets"]["authSecret"] = "environment";
    if (!config.NEXTAUTH_SECRET) {
      const secret = await readFile(path.join(dataDir, "auth-secret"), "utf8").catch(() => {
        throw new BackupError(`${path.join(dataDir, "auth-secret")} is missing: start the app once, or set NEXTAUTH_SECRET.`);
      });
      await writeFile(path.join(staging, SECRETS_FOLDER, "auth-secret"), secret, { mode: 0o600 });
      authSecret = "included";
    } else {
      log("NEXTAUTH_SECRET comes from the environment: keep it with the archive (it is not in it).");
    }
    const postgresPassword = database.kind === "embedded-cluster";
    if (postgresPassword) {
      const { password } = JSON.parse(await readFile(path.join(dataDir, "postgres.json"), "utf8")) as { password: string };
      await writeFile(path.join(staging, SECRETS_FOLDER, "postgres.json"), JSON.stringify({ password }) + "\n", { mode: 0o600 });
    }
    entries.push(SECRETS_FOLDER);

    let storage: BackupManifest["storage"];
    const files: Record<string, FileEntry> = {};
    if (config.S3_BUCKET) {
      storage = {
        kind: "s3",
        bucket: config.S3_BUCKET,
        endpoint: config.S3_ENDPOINT ?? null,
        note: `Stored files are in the bucket ${config.S3_BUCKET}, not in this archive: back it up with the store's own tools (versioning, or aws s3 sync s3://${config.S3_BUCKET}/ <folder>), everything but reader/, which a restore renders again.`,
      };
      log(storage.note);
    } else {
      const storageDir = path.resolve(config.STORAGE_DIR ?? path.join(dataDir, "storage"));
      // Through a link, so the archive names them storage/… wherever STORAGE_DIR is.
      await symlink(storageDir, path.join(staging, STORAGE_FOLDER));
      const stored = await listFiles(storageDir, isBackedUpStorageFile);
      entries.push(...stored.map((relative) => `${STORAGE_FOLDER}/${relative}`));
      for (const relative of stored) files[`${STORAGE_FOLDER}/${relative}`] = await describeFile(path.join(storageDir, relative));
      storage = { kind: "folder", files: stored.length, bytes: totalBytes(stored.map((relative) => files[`${STORAGE_FOLDER}/${relative}`]!)), note: "reader/ (the published reader pages) is not included: a restore renders it from the database." };
    }

    for (const folder of [SECRETS_FOLDER, ...(database.kind === "embedded-cluster" ? [CLUSTER_FOLDER] : [])]) {
      for (const relative of await listFiles(path.join(staging, folder))) files[`${folder}/${relative}`] = await describeFile(path.join(staging, folder, relative));
    }
    if (database.kind === "pg_dump") files[DUMP_FILE] = await describeFile(path.join(staging, DUMP_FILE));
    else {
      const clusterFiles = Object.entries(files).filter(([name]) => name.startsWith(`${CLUSTER_FOLDER}/`)).map(([, entry]) => entry);
      database = { ...database, files: clusterFiles.length, bytes: totalBytes(clusterFiles) };
    }

    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      app: { version: await appVersion(root), migration },
      database,
      storage,
      secrets: { authSecret, postgresPassword },
      files,
    };
    await writeFile(path.join(staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");

    log(`Writing ${file}…`);
    await mkdir(path.dirname(file), { recursive: true });
    // follow: storage/ is a link; portable: no owner names or ids of this machine.
    await pipeline(tar.c({ gzip: true, cwd: staging, follow: true, portable: true }, entries), createWriteStream(partial, { mode: 0o600 }));
    await chmod(partial, 0o600);
    await rename(partial, file);
    return { file, manifest };
  } finally {
    await ownDatabase?.stop();
    await rm(partial, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}

async function archivePath(out: string | undefined, root: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const name = `newsroom-backup-${stamp}.tar.gz`;
  const target = path.resolve(out ?? path.join(root, "backups") + path.sep);
  const isFolder = out === undefined || out.endsWith("/") || (await stat(target).then((info) => info.isDirectory(), () => false));
  const file = isFolder ? path.join(target, name) : target;
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another --out.`);
  return file;
}

async function serverVersion(url: string): Promise<{ version: string; major: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect().catch((error: Error) => {
    throw new BackupError(`Cannot reach the database at DATABASE_URL: ${error.message}`);
  });
  try {
    const { rows: [row] } = await client.query<{ version: string; num: string }>("SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num");
    return { version: row!.version, major: Math.floor(Number(row!.num) / 10_000) };
  } finally {
    await client.end();
  }
}

/** The newest migration the database has applied: a restore refuses an archive newer than the app. */
async function latestMigration(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1",
    ).catch(() => ({ rows: [] as { name: string }[] }));
    return rows[0]?.name ?? null;
  } finally {
    await client.end();
  }
}

async function appVersion(root: string): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(root, "package.json"), "utf8").catch(() => "{}")) as { version?: string };
  return pkg.version ?? "unknown";
}
