import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./migrations/apply-migrations";
import { createDbClient } from "./client";
import { bootstrapAdmin } from "@/lib/seed/bootstrap-admin";
import { seedDemo } from "@/lib/seed/seed-demo";
import { backfillSearchIndex, countPendingSearchRows } from "@/lib/search/backfill-search-index";
import type { Storage } from "@/lib/storage/storage";

const FIRST_START_LOCK_KEY = 4_201_705_312;

export interface PrepareDatabaseOptions {
  connectionString: string;
  storage: Storage;
  /** Load the demo newsroom into an empty database. */
  seedDemoData: boolean;
  adminEmail?: string;
  adminPassword?: string;
  /** Project root holding prisma/migrations and prisma/demo (default: cwd). */
  root?: string;
  log?: (line: string) => void;
  /**
   * Leave the search index backfill to the caller when more than this many rows need it (a server starting
   * passes BOOT_BACKFILL_LIMIT and runs it in the background); by default everything is indexed first.
   */
  deferSearchBackfillOver?: number;
}

export interface PrepareDatabaseResult {
  /** The search index backfill was left to the caller (see deferSearchBackfillOver). */
  searchBackfillDeferred: boolean;
}

/**
 * Everything a database needs before the app serves from it, run at every start:
 * pending migrations, the first admin account, on an empty database the demo
 * newsroom, and the search index of articles it lacks. Each step is a no-op when
 * already done.
 */
export async function prepareDatabase(options: PrepareDatabaseOptions): Promise<PrepareDatabaseResult> {
  const root = options.root ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));

  const { applied } = await applyMigrations({
    connectionString: options.connectionString,
    migrationsDir: path.join(root, "prisma", "migrations"),
  });
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);

  const db = createDbClient(options.connectionString);
  // Instances starting together seed and create the admin one at a time.
  const lock = new pg.Client({ connectionString: options.connectionString });
  await lock.connect();
  await lock.query("SELECT pg_advisory_lock($1)", [FIRST_START_LOCK_KEY]);
  try {
    const empty = (await db.publication.count()) === 0;
    if (empty && options.seedDemoData) {
      const result = await seedDemo({ db, storage: options.storage, demoDir: path.join(root, "prisma", "demo") });
      log(`Loaded the demo newsroom: editions ${result.editions.join(", ")}, ${result.articles} articles.`);
    }
    // Articles the search index does not have yet (written before it existed, or by an older segmenter).
    let searchBackfillDeferred = false;
    const deferOver = options.deferSearchBackfillOver;
    if (deferOver !== undefined && (await countPendingSearchRows(db, deferOver)) > deferOver) {
      searchBackfillDeferred = true;
      log(`Search index: more than ${deferOver} articles to index; the server starts now and indexes them in the background.`);
    } else {
      await backfillSearchIndex({ db, log });
    }
    const admin = await bootstrapAdmin({ db, email: options.adminEmail, password: options.adminPassword });
    if (admin?.generatedPassword) {
      log(
        [
          "",
          "┌──────────────────────────────────────────────────────────────",
          "│ Admin account created. This password is shown only once:",
          `│   e-mail:   ${admin.email}`,
          `│   password: ${admin.generatedPassword}`,
          "│ Set ADMIN_EMAIL and ADMIN_PASSWORD before the first start to choose them.",
          "└──────────────────────────────────────────────────────────────",
          "",
        ].join("\n"),
      );
    } else if (admin) {
      log(`Admin account created: ${admin.email}`);
    }
    return { searchBackfillDeferred };
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [FIRST_START_LOCK_KEY]).catch(() => {});
    await lock.end();
    await db.$disconnect();
  }
}
