import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "@/lib/config/env";

// One Prisma client per process. Password hashes are omitted from every query
// by default; the sign-in check asks for them explicitly.

/**
 * The server's limits on a database that stops answering (frozen, or a network
 * that drops packets): a new connection gives up after 5 s, a query after 15 s,
 * so a request fails with "database unreachable" (database-unreachable.ts)
 * instead of hanging. Commands that run long statements (imports, benches)
 * use a client without them.
 */
const SERVER_LIMITS = { connectionTimeoutMillis: 5_000, query_timeout: 15_000 };

function createClient(connectionString: string, limits: { connectionTimeoutMillis?: number; query_timeout?: number } = {}) {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10, ...limits }),
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { db?: Db };

export function getDb(): Db {
  if (!globalForDb.db) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database.");
    globalForDb.db = createClient(url, SERVER_LIMITS);
  }
  return globalForDb.db;
}

export { createClient as createDbClient };

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
