import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { parseEnv } from "@/lib/config/env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { migrationsDir, projectRoot } from "@/tests/helpers/database";
import { createBackup } from "./create-backup";
import { restoreBackup } from "./restore-backup";
import type { BackupManifest } from "./backup-manifest";

// The commands' domain code on real embedded clusters: a hot backup of a
// running one, restored into a fresh folder that PostgreSQL starts from, and
// every refusal leaving the target as it was. e2e/backup/ restores the demo
// newsroom and starts the app on it.

const config = parseEnv({});
let work: string;
let source: string;
let running: EmbeddedDatabase;
let archive: string;
/** Rows written to backup_probe while the backup ran. */
let probeRows = 0;

const query = async <T extends pg.QueryResultRow>(url: string, text: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
};
const photo = Buffer.from("not really a JPEG, but bytes to compare");
const noRender = async () => {};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "newsroom-backup-test-"));
  await chmod(work, 0o755); // PostgreSQL runs as "postgres" when we are root.
  source = path.join(work, "source");
  running = await startEmbeddedPostgres({ dataDir: path.join(source, "postgres") });
  await applyMigrations({ connectionString: running.url, migrationsDir });
  await query(running.url, "INSERT INTO publications (id, slug, name, is_default, updated_at) VALUES (gen_random_uuid(), 'jmrb', '江门日报', true, now())");
  await writeFile(path.join(source, "auth-secret"), "the-session-secret-of-this-installation\n", { mode: 0o600 });
  await mkdir(path.join(source, "storage", "photos", "ab"), { recursive: true });
  await writeFile(path.join(source, "storage", "photos", "ab", "ab12.jpg"), photo);
  await mkdir(path.join(source, "storage", "reader", "site"), { recursive: true });
  await writeFile(path.join(source, "storage", "reader", "site", "index.html"), "rendered again by a restore");
  await writeFile(path.join(source, "storage", "photos", "ab", "half.jpg.123.tmp"), "a put in progress");
}, 120_000);

afterAll(async () => {
  await running?.stop();
  await rm(work, { recursive: true, force: true });
});

describe("backup", () => {
  it("copies the running database while it is written to, the stored files and the secrets into one private archive with a manifest", async () => {
    // Rows committed one by one throughout the copy: the restored database must hold exactly the first k of them.
    await query(running.url, "CREATE TABLE backup_probe (n int PRIMARY KEY, filler text NOT NULL)");
    let writing = true;
    const writer = (async () => {
      const client = new pg.Client({ connectionString: running.url });
      await client.connect();
      while (writing) await client.query("INSERT INTO backup_probe VALUES ($1, repeat('x', 200))", [(probeRows += 1)]);
      await client.end();
    })();
    const backup = createBackup({ config, dataDir: source, out: path.join(work, "archives") + "/", root: projectRoot });
    const { file, manifest } = await backup.finally(() => (writing = false));
    await writer;
    archive = file;
    expect(path.basename(file)).toMatch(/^newsroom-backup-\d{8}-\d{6}\.tar\.gz$/);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(file))).toEqual([path.basename(file)]);
    expect(manifest).toMatchObject({
      app: { version: "0.1.0", migration: expect.stringMatching(/^\d{14}_/) },
      database: { kind: "embedded-cluster", postgresMajor: 18 },
      storage: { kind: "folder", files: 1, bytes: photo.length },
      secrets: { authSecret: "included", postgresPassword: true },
    });
    const names = Object.keys(manifest.files);
    expect(names).toContain("storage/photos/ab/ab12.jpg");
    expect(names).toContain("secrets/auth-secret");
    expect(names).toContain("postgres/backup_label");
    expect(names.some((name) => name.startsWith("postgres/pg_wal/"))).toBe(true);
    // Rendered pages, unfinished puts and the live server's own files stay out.
    expect(names.filter((name) => /reader\/|\.tmp$|postmaster\.pid/.test(name))).toEqual([]);
  }, 60_000);

  it("with DATABASE_URL, uses pg_dump only if it can read that server, and then leaves no archive", async () => {
    const serverUrl = inject("postgresServerUrl");
    const out = path.join(work, "dump-archives");
    const attempt = createBackup({ config: parseEnv({ DATABASE_URL: serverUrl, NEXTAUTH_SECRET: "x".repeat(32) }), dataDir: source, out: out + "/", root: projectRoot });
    // This machine's pg_dump (Debian's, if any) is older than the embedded PostgreSQL 18.
    const pgDump = await import("./pg-tools").then((tools) => tools.findPgTool("pg_dump"));
    if (!pgDump || pgDump.major < 18) {
      await expect(attempt).rejects.toThrow(pgDump ? /needs pg_dump 18 or newer, but the newest here is \d+ \(.*\): install postgresql-client-18/ : /pg_dump is not installed/);
      expect(existsSync(out) ? await readdir(out) : []).toEqual([]);
    } else {
      const { manifest } = await attempt;
      expect(manifest.database.kind).toBe("pg_dump");
    }
  });
});

describe("restore", () => {
  it("restores into a fresh folder that PostgreSQL starts from, with the files and the secret, and renders the reader site", async () => {
    // Written after the backup: not in the restored database.
    await query(running.url, "INSERT INTO publications (id, slug, name, updated_at) VALUES (gen_random_uuid(), 'later', 'After the backup', now())");
    const target = path.join(work, "restored");
    const rendered: string[] = [];
    const result = await restoreBackup({
      archive,
      dataDir: target,
      config,
      root: projectRoot,
      renderReaderSite: async (url) => {
        rendered.push((await query<{ slug: string }>(url, "SELECT slug FROM publications ORDER BY slug")).map((row) => row.slug).join());
      },
    });
    expect(result.editions).toBe(0);
    expect(rendered).toEqual(["jmrb"]);
    expect(await readFile(path.join(target, "auth-secret"), "utf8")).toBe("the-session-secret-of-this-installation\n");
    expect(await readFile(path.join(target, "storage", "photos", "ab", "ab12.jpg"))).toEqual(photo);
    expect(existsSync(path.join(target, "storage", "reader"))).toBe(false);
    expect((await readdir(work)).filter((name) => name.includes(".restoring-"))).toEqual([]);

    const restored = await startEmbeddedPostgres({ dataDir: path.join(target, "postgres") });
    try {
      expect(await query(restored.url, "SELECT slug, name FROM publications")).toEqual([{ slug: "jmrb", name: "江门日报" }]);
      // A consistent point in time: rows 1..k, by a sequential scan and by the primary key's index alike.
      const [bySeqScan] = await query<{ count: number; max: number }>(restored.url, "SELECT count(*)::int AS count, coalesce(max(n), 0) AS max FROM backup_probe");
      expect(bySeqScan!.count).toBe(bySeqScan!.max);
      expect(bySeqScan!.count).toBeGreaterThan(0);
      expect(bySeqScan!.count).toBeLessThanOrEqual(probeRows);
      const client = new pg.Client({ connectionString: restored.url });
      await client.connect();
      await client.query("SET enable_seqscan = off");
      const { rows: [byIndex] } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM backup_probe WHERE n > 0");
      await client.end();
      expect(byIndex).toEqual({ count: bySeqScan!.count });
    } finally {
      await restored.stop();
    }
  }, 120_000);

  it("refuses a damaged archive (one byte flipped) and leaves the target as it was", async () => {
    const damaged = path.join(work, "damaged.tar.gz");
    const bytes = await readFile(archive);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    await writeFile(damaged, bytes);
    const target = path.join(work, "target-damaged");
    await mkdir(target);
    const before = await readdir(work);

    await expect(restoreBackup({ archive: damaged, dataDir: target, config, root: projectRoot, renderReaderSite: noRender })).rejects.toThrow(
      new RegExp(`^(${escape(damaged)} is damaged or not a backup archive \\(.+\\)|Checksum mismatch in ${escape(damaged)}: .+ is not what was backed up); nothing was changed\\.$`),
    );
    expect(await readdir(target)).toEqual([]);
    expect(await readdir(work)).toEqual(before);
  }, 60_000);

  it("refuses an archive whose file differs from its manifest's checksum", async () => {
    const tampered = await repack("tampered", async (folder) => writeFile(path.join(folder, "storage", "photos", "ab", "ab12.jpg"), "other bytes of the same.."));
    const target = path.join(work, "target-tampered");
    await expect(restoreBackup({ archive: tampered, dataDir: target, config, root: projectRoot, renderReaderSite: noRender })).rejects.toThrow(
      `Checksum mismatch in ${tampered}: storage/photos/ab/ab12.jpg is not what was backed up; nothing was changed.`,
    );
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it("refuses an archive holding a link, which could point a restored file anywhere", async () => {
    const linked = await repack("linked", async (folder) => symlink("/etc/passwd", path.join(folder, "storage", "photos", "ab", "cd.jpg")));
    const target = path.join(work, "target-linked");
    await expect(restoreBackup({ archive: linked, dataDir: target, config, root: projectRoot, renderReaderSite: noRender })).rejects.toThrow(
      `${linked} holds storage/photos/ab/cd.jpg, which is not a plain file; nothing was changed.`,
    );
    expect(existsSync(target)).toBe(false);
  }, 60_000);

  it("refuses an archive of a newer app, a missing archive, a non-empty folder and a running server, each in one line", async () => {
    const newer = await repack("newer", async (folder) => {
      const file = path.join(folder, "manifest.json");
      const manifest = JSON.parse(await readFile(file, "utf8")) as BackupManifest;
      manifest.app.migration = "29991231000000_from_the_future";
      await writeFile(file, JSON.stringify(manifest));
    });
    const restore = (archiveFile: string, dataDir: string) => restoreBackup({ archive: archiveFile, dataDir, config, root: projectRoot, renderReaderSite: noRender });
    await expect(restore(newer, path.join(work, "t1"))).rejects.toThrow("The archive was made by a newer version of the app (migration 29991231000000_from_the_future): update the app, then restore.");
    await expect(restore(path.join(work, "nothing.tar.gz"), path.join(work, "t2"))).rejects.toThrow(`No archive at ${path.join(work, "nothing.tar.gz")}.`);
    const occupied = path.join(work, "occupied");
    await mkdir(occupied);
    await writeFile(path.join(occupied, "keep.txt"), "mine");
    await expect(restore(archive, occupied)).rejects.toThrow(/is not empty: restore into a new folder \(--data-dir\), or add --force to move it aside to occupied\.before-restore-/);
    expect(await readdir(occupied)).toEqual(["keep.txt"]);
    await expect(restore(archive, source)).rejects.toThrow(/^A server is running on .*source \(PostgreSQL pid \d+\): stop it/);
  }, 60_000);

  it("with --force, moves a non-empty folder aside and restores", async () => {
    const occupied = path.join(work, "occupied");
    const result = await restoreBackup({ archive, dataDir: occupied, force: true, config, root: projectRoot, renderReaderSite: noRender });
    expect(await readFile(path.join(result.movedAside!, "keep.txt"), "utf8")).toBe("mine");
    expect(existsSync(path.join(occupied, "postgres", "PG_VERSION"))).toBe(true);
  }, 120_000);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The archive unpacked, changed by `edit`, packed again (its manifest unchanged unless edited). */
async function repack(name: string, edit: (folder: string) => Promise<void>): Promise<string> {
  const folder = path.join(work, `${name}-unpacked`);
  await mkdir(folder);
  await tar.x({ file: archive, cwd: folder });
  await edit(folder);
  const file = path.join(work, `${name}.tar.gz`);
  await tar.c({ gzip: { level: 1 }, cwd: folder, file, portable: true }, await readdir(folder));
  await rm(folder, { recursive: true, force: true });
  return file;
}
