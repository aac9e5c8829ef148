import { z } from "zod";

// manifest.json, the first entry of every archive: what it holds and each
// file's size and sha256, checked before a restore touches anything.

export const MANIFEST_FILE = "manifest.json";
export const FORMAT = "newsroom-backup";
export const FORMAT_VERSION = 1;

/** Folder (physical copy of the embedded cluster) or file (pg_dump custom format) inside the archive. */
export const CLUSTER_FOLDER = "postgres";
export const DUMP_FILE = "database.dump";
export const STORAGE_FOLDER = "storage";
export const SECRETS_FOLDER = "secrets";

const fileEntry = z.object({ size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  createdAt: z.string(),
  app: z.object({ version: z.string(), migration: z.string().nullable() }),
  database: z.discriminatedUnion("kind", [
    // The embedded cluster's files, copied while it runs (pg_backup_start/stop) with the WAL that makes them consistent.
    z.object({ kind: z.literal("embedded-cluster"), postgresVersion: z.string(), postgresMajor: z.number().int(), files: z.number().int(), bytes: z.number().int() }),
    // DATABASE_URL: pg_dump's custom format.
    z.object({ kind: z.literal("pg_dump"), postgresVersion: z.string(), postgresMajor: z.number().int(), pgDumpVersion: z.string(), bytes: z.number().int() }),
  ]),
  storage: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("folder"), files: z.number().int(), bytes: z.number().int(), note: z.string() }),
    z.object({ kind: z.literal("s3"), bucket: z.string(), endpoint: z.string().nullable(), note: z.string() }),
  ]),
  secrets: z.object({ authSecret: z.enum(["included", "environment"]), postgresPassword: z.boolean() }),
  files: z.record(z.string(), fileEntry),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type FileEntry = z.infer<typeof fileEntry>;
