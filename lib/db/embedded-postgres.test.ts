import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "./embedded-postgres";

async function query(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh folder for a cluster; enterable by the postgres user when tests run as root. */
async function clusterDir(): Promise<string> {
  const parent = await mkdtemp(path.join(tmpdir(), "newsroom-pg-"));
  await chmod(parent, 0o755);
  return path.join(parent, "postgres");
}

describe("startEmbeddedPostgres", () => {
  it("keeps data across a stop and a start, and survives a stale lock file left by a crash", async () => {
    const dataDir = await clusterDir();
    const first = await startEmbeddedPostgres({ dataDir });
    await query(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await first.stop();

    // A crash leaves postmaster.pid behind, naming a process that no longer exists.
    await writeFile(path.join(dataDir, "postmaster.pid"), "999999\n" + dataDir + "\n");
    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, "SELECT value FROM kept")).toEqual([{ value: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a fixed port that is taken, with a message that says so", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = await clusterDir();
      const error = await startEmbeddedPostgres({ dataDir, port, ephemeral: true }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect((error as Error).message).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it("refuses a data folder that is in use by another live process", async () => {
    const dataDir = await clusterDir();
    const running = await startEmbeddedPostgres({ dataDir });
    try {
      // Pretend the owner is another live process (our parent).
      const meta = JSON.parse(await readFile(`${dataDir}.json`, "utf8")) as Record<string, unknown>;
      await writeFile(`${dataDir}.json`, JSON.stringify({ ...meta, ownerPid: process.ppid }));
      const error = await startEmbeddedPostgres({ dataDir }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect((error as Error).message).toContain("already in use by another running process");
    } finally {
      await running.stop();
    }
  });

  it("starts detached for another process to stop, in a session of its own that a Ctrl-C in the terminal does not reach", async () => {
    const dataDir = await clusterDir();
    const database = await startEmbeddedPostgres({ dataDir, detachedFor: process.pid });
    try {
      expect(await query(database.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      const postmaster = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
      // Field 6 of /proc/<pid>/stat is the session id.
      const sessionOf = async (pid: number) => (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ")[3];
      expect(await sessionOf(postmaster)).toBe(String(postmaster));
      expect(await sessionOf(postmaster)).not.toBe(await sessionOf(process.pid));

      // What scripts/start.mjs runs as the server exits.
      const { file, args, uid, gid } = database.stopCommand;
      execFileSync(file, args, { uid, gid, stdio: "ignore" });
      expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
    } finally {
      await database.stop();
    }
  });
});
