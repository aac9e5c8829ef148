import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { promisify } from "node:util";
import { BackupError } from "./backup-error";
import { majorOf } from "./cluster-files";

// pg_dump and pg_restore for a DATABASE_URL database: the npm package ships
// neither, so they are the machine's (Debian's postgresql-client-N puts each
// version under /usr/lib/postgresql/N/bin). The newest one found is used: it
// reads older servers and archives, never newer ones.

const run = promisify(execFile);

export interface PgTool {
  file: string;
  version: string;
  major: number;
}

export async function findPgTool(name: "pg_dump" | "pg_restore"): Promise<PgTool | undefined> {
  const candidates: string[] = [name];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) for (const version of await readdir(debian)) candidates.push(`${debian}/${version}/bin/${name}`);
  const found: PgTool[] = [];
  for (const file of candidates) {
    const version = await run(file, ["--version"]).then(({ stdout }) => stdout.trim(), () => undefined);
    if (version) found.push({ file, version, major: majorOf(version) });
  }
  return found.sort((a, b) => b.major - a.major)[0];
}

/** The newest tool, or a message naming the package that would do. */
export async function pgToolFor(name: "pg_dump" | "pg_restore", neededMajor: number, what: string): Promise<PgTool> {
  const tool = await findPgTool(name);
  if (!tool) throw new BackupError(`${name} is not installed: install PostgreSQL ${neededMajor}'s client tools (e.g. apt-get install postgresql-client-${neededMajor}) to ${what}.`);
  if (tool.major < neededMajor) {
    throw new BackupError(
      `${what[0]!.toUpperCase()}${what.slice(1)} needs ${name} ${neededMajor} or newer, but the newest here is ${tool.major} (${tool.file}): install postgresql-client-${neededMajor} or newer.`,
    );
  }
  return tool;
}

/** Runs the tool on the database at `url` without putting its password on the command line (`ps` shows it). */
export async function runOnDatabase(tool: PgTool, url: string, args: string[]): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  try {
    await run(tool.file, [...args, "--dbname", parsed.toString()], { env: { ...process.env, PGPASSWORD: password }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split("\n")[0];
    throw new BackupError(`${tool.file} failed: ${stderr}`);
  }
}
