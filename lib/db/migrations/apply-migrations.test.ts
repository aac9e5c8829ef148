import { cp, mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, migrationsDir, sql } from "@/tests/helpers/database";
import { applyMigrations, MigrationError } from "./apply-migrations";

async function tables(url: string): Promise<string[]> {
  const rows = await sql<{ tablename: string }>(
    url,
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

/** A copy of the project's migrations plus one more, in a temporary folder. */
async function migrationsWith(name: string, script: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "newsroom-migrations-"));
  await cp(migrationsDir, dir, { recursive: true });
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), script);
  return dir;
}

describe("applyMigrations", () => {
  it("creates the whole schema on a fresh database and records each migration", async () => {
    const url = await createTestDatabase();
    const { applied } = await applyMigrations({ connectionString: url, migrationsDir });

    expect(applied.length).toBeGreaterThan(0);
    expect(await tables(url)).toEqual(
      expect.arrayContaining(["publications", "editions", "pages", "articles", "placements", "regions", "bylines", "photos", "users", "revisions", "corrections", "audit_logs"]),
    );
    const recorded = await sql<{ migration_name: string }>(
      url,
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(applied);
  });

  it("applies nothing to a database that is already migrated", async () => {
    const url = await createTestDatabase();
    await applyMigrations({ connectionString: url, migrationsDir });
    const before = await tables(url);

    const { applied } = await applyMigrations({ connectionString: url, migrationsDir });

    expect(applied).toEqual([]);
    expect(await tables(url)).toEqual(before);
  });

  it("serialises instances that start at the same time: each migration runs once", async () => {
    const url = await createTestDatabase();
    const results = await Promise.all([
      applyMigrations({ connectionString: url, migrationsDir }),
      applyMigrations({ connectionString: url, migrationsDir }),
    ]);
    const appliedCounts = results.map((result) => result.applied.length).sort();
    expect(appliedCounts[0]).toBe(0);
    expect(appliedCounts[1]).toBeGreaterThan(0);
  });

  it("leaves the database as it was when a migration fails, and applies the fixed one later", async () => {
    const url = await createTestDatabase();
    await applyMigrations({ connectionString: url, migrationsDir });
    const before = await tables(url);
    const name = "29991231000000_broken";
    const broken = await migrationsWith(
      name,
      'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n',
    );

    const failure = await applyMigrations({ connectionString: url, migrationsDir: broken }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migrationName).toBe(name);
    expect((failure as Error).message).toContain("no_such_table");
    expect(await tables(url)).toEqual(before);

    await writeFile(path.join(broken, name, "migration.sql"), 'CREATE TABLE "half_done" ("id" INTEGER);\n');
    const { applied } = await applyMigrations({ connectionString: url, migrationsDir: broken });
    expect(applied).toEqual([name]);
    expect(await tables(url)).toContain("half_done");
  });

  it("runs a migration whose function body and strings contain semicolons", async () => {
    const url = await createTestDatabase();
    const name = "29991231000000_function";
    const dir = await migrationsWith(
      name,
      [
        "CREATE FUNCTION add_one(n integer) RETURNS integer LANGUAGE plpgsql AS $$",
        "BEGIN",
        "  n := n + 1;",
        "  RETURN n;",
        "END;",
        "$$;",
        "CREATE TABLE \"notes\" (\"text\" TEXT DEFAULT 'a; b');",
        "",
      ].join("\n"),
    );

    await applyMigrations({ connectionString: url, migrationsDir: dir });

    expect(await sql<{ value: number }>(url, "SELECT add_one(41) AS value")).toEqual([{ value: 42 }]);
    await sql(url, 'INSERT INTO "notes" DEFAULT VALUES');
    expect(await sql(url, 'SELECT "text" FROM "notes"')).toEqual([{ text: "a; b" }]);
  });
});
