import pg from "pg";
import { openSchemaEngine, type EngineLog } from "./schema-engine";
import { readMigrations } from "./read-migrations";

/** Any number, the same in every instance: serialises migrations across app instances. */
const MIGRATION_LOCK_KEY = 4_201_705_311;

export interface ApplyMigrationsResult {
  applied: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrationName: string | undefined,
  ) {
    super(message);
    this.name = "MigrationError";
  }
}

/**
 * Applies the migrations in `migrationsDir` that the database has not seen yet,
 * exactly as `prisma migrate deploy` does, recording them in `_prisma_migrations`.
 * Safe to call from several instances at once (advisory lock) and on every start.
 *
 * Each migration runs in one transaction: one that fails leaves the schema as it
 * was and is marked rolled back, so the fixed migration can be applied next time.
 */
export async function applyMigrations(options: {
  connectionString: string;
  migrationsDir: string;
  onLog?: EngineLog;
}): Promise<ApplyMigrationsResult> {
  const migrationsList = await readMigrations(options.migrationsDir);
  const lock = new pg.Client({ connectionString: options.connectionString });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    const { engine, close } = await openSchemaEngine({ connectionString: options.connectionString, onLog: options.onLog });
    try {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList,
        filters: { externalTables: [], externalEnums: [] },
      });
      return { applied: appliedMigrationNames };
    } catch (error) {
      const failed = await findFailedMigration(lock);
      if (failed) await engine.markMigrationRolledBack({ migrationName: failed }).catch(() => {});
      throw new MigrationError(describeEngineError(error, failed), failed);
    } finally {
      await close();
    }
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await lock.end();
  }
}

async function findFailedMigration(client: pg.Client): Promise<string | undefined> {
  const exists = await client.query<{ present: boolean }>(
    "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
  );
  if (!exists.rows[0]?.present) return undefined;
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NULL AND rolled_back_at IS NULL
      ORDER BY started_at DESC LIMIT 1`,
  );
  return rows[0]?.migration_name;
}

function describeEngineError(error: unknown, migration: string | undefined): string {
  const raw = error instanceof Error ? error.message : String(error);
  const where = migration ? `Migration ${migration} failed and was rolled back` : "Migrations failed";
  return `${where}: ${raw}`;
}
