// Writes a new migration from the difference between prisma/migrations and
// prisma/schema.prisma, like `prisma migrate dev --create-only`, offline: the
// WASM schema engine replays the migrations on a throw-away embedded PostgreSQL.
//   npm run db:migration -- add_search_index
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
    const from = migrations.migrationDirectories.length
      ? { tag: "migrations" as const, ...migrations }
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
