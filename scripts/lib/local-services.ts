import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "../../lib/config/env";
import { isPortFree, startEmbeddedPostgres, type EmbeddedDatabase } from "../../lib/db/embedded-postgres";
import { fromRoot } from "./project";

export const log = (line: string) => console.log(`[start] ${line}`);

export function fail(message: string): never {
  console.error(`\n[start] ${message}\n`);
  process.exit(1);
}

/** The validated environment, or a clear message naming the bad variable. */
export function readEnvOrExit(): Env {
  try {
    return parseEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}

export async function assertPortFree(port: number): Promise<void> {
  if (!(await isPortFree(port))) {
    fail(`Port ${port} is already in use. Stop what is using it, or choose another: PORT=${port + 1} npm start`);
  }
}

export interface LocalServices {
  env: Record<string, string | undefined>;
  database?: EmbeddedDatabase;
}

/**
 * What the server needs on one machine: a database (embedded unless
 * DATABASE_URL is set), a session secret kept in the data folder, and a folder
 * for files. Returns the environment to start the server with.
 */
export async function startLocalServices(
  config: Env,
  extraEnv: Record<string, string> = {},
  /** PostgreSQL outlives this process, for the process with this pid to stop (scripts/start.mjs). */
  options: { detachedFor?: number } = {},
): Promise<LocalServices> {
  const dataDir = path.resolve(process.env.DATA_DIR || fromRoot(".data"));
  await mkdir(dataDir, { recursive: true });

  let database: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir) || "."}/postgres)…`);
    database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres"), log, detachedFor: options.detachedFor }).catch((error: Error) =>
      fail(error.message),
    );
    databaseUrl = database.url;
  }
  const secret = config.NEXTAUTH_SECRET ?? (await readOrCreateSecret(path.join(dataDir, "auth-secret")));
  return {
    database,
    env: {
      ...process.env,
      PORT: String(config.PORT),
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`,
      STORAGE_DIR: path.resolve(config.STORAGE_DIR ?? path.join(dataDir, "storage")),
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
  };
}

export async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/**
 * Runs the server as a child process. Ctrl-C, SIGTERM or the server stopping
 * on its own stop the server first, then PostgreSQL, then this process.
 */
export function superviseServer(command: string, args: string[], services: LocalServices): ChildProcess {
  const server = spawn(command, args, { stdio: "inherit", env: services.env as NodeJS.ProcessEnv });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    if (services.database) {
      log("Stopping PostgreSQL…");
      await services.database.stop();
    }
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // embedded-postgres registers its own handlers (async-exit-hook) that stop
    // PostgreSQL and exit at once; the server must stop first.
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  server.on("exit", (code, signal) => {
    if (!stopping) {
      log(`The server stopped (${signal ?? `exit ${code}`}).`);
      void shutdown(code ?? 1);
    }
  });
  return server;
}

/** Resolves when /api/health answers 200, or false after two minutes. */
export async function waitUntilHealthy(port: number): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return true;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return false;
}
