import { randomBytes } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDbClient, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { DiskStorage } from "@/lib/storage/storage";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");
export const demoDir = path.join(projectRoot, "prisma", "demo");

/** A new, empty database on the run's PostgreSQL server. */
export async function createTestDatabase(): Promise<string> {
  const serverUrl = inject("postgresServerUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}

/** A new database with every migration applied, and a Prisma client on it. */
export async function createMigratedDatabase(): Promise<{ url: string; db: Db }> {
  const url = await createTestDatabase();
  await applyMigrations({ connectionString: url, migrationsDir });
  return { url, db: createDbClient(url) };
}

export async function createTestStorage(): Promise<DiskStorage> {
  return new DiskStorage(await mkdtemp(path.join(tmpdir(), "newsroom-storage-")));
}

/** Every file in a test storage folder, temporary files included: what a refusal must leave empty. */
export async function storedFiles(storage: DiskStorage): Promise<string[]> {
  const entries = await readdir((storage as unknown as { root: string }).root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

export { sql } from "./sql";
