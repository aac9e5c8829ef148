import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";

// One throw-away PostgreSQL server per test run; each test file makes its own
// databases on it (tests/helpers/database.ts), so runs never share state.

let server: EmbeddedDatabase | undefined;

export async function setup(project: TestProject) {
  server = await startEmbeddedPostgres({
    dataDir: path.join(tmpdir(), `newsroom-vitest-${process.pid}-${Date.now()}`, "postgres"),
    ephemeral: true,
  });
  project.provide("postgresServerUrl", server.url.replace(/\/newsroom$/, "/postgres"));
}

export async function teardown() {
  await server?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}
