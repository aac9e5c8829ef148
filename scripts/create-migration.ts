// Writes a new migration from the change to prisma/schema.prisma, like
// `prisma migrate dev --create-only`, offline, with the WASM schema engine.
//   npm run db:migration -- add_search_index
//
// The engine cannot replay migrations into a shadow database through the pg
// adapter (it fails to read PostgreSQL's "char" catalog columns), so the
// starting point is the schema as committed together with the latest
// migration (git), and the new migration is the diff of the two datamodels.
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { openSchemaEngine } from "../lib/db/migrations/schema-engine";
import { readMigrations } from "../lib/db/migrations/read-migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

const schemaPath = path.resolve("prisma/schema.prisma");
const migrationsDir = path.resolve("prisma/migrations");
const db = await startEmbeddedPostgres({
  dataDir: path.join(tmpdir(), `newsroom-migration-${process.pid}`),
  ephemeral: true,
});
try {
  const schema = { path: schemaPath, content: await readFile(schemaPath, "utf8") };
  const { engine, close } = await openSchemaEngine({ connectionString: db.url, schema });
  try {
    const migrations = await readMigrations(migrationsDir);
    const previous = migrations.migrationDirectories.length ? schemaOfLatestMigration() : undefined;
    const from = previous
      ? { tag: "schemaDatamodel" as const, files: [{ path: schemaPath, content: previous }] }
      : { tag: "empty" as const };
    const { stdout: script } = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const stdout = script ?? "";
    if (!stdout.trim() || stdout.includes("This is an empty migration")) {
      console.log("The schema matches the migrations: nothing to write.");
    } else {
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.join(migrationsDir, `${stamp}_${name}`);
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, "migration.sql"), stdout);
      console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it.`);
    }
  } finally {
    await close();
  }
} finally {
  await db.stop();
}

/** prisma/schema.prisma as committed with the newest migration; refuses uncommitted migrations. */
function schemaOfLatestMigration(): string {
  const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
  if (git("status", "--porcelain", "--", "prisma/migrations")) {
    console.error("prisma/migrations has uncommitted changes: commit the pending migration (with its schema) first.");
    process.exit(2);
  }
  const commit = git("log", "-1", "--format=%H", "--", "prisma/migrations");
  return git("show", `${commit}:prisma/schema.prisma`);
}
