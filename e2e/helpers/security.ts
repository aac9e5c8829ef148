import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import type pg from "pg";
import { runningEmbeddedUrl } from "../../lib/db/embedded-postgres";
import { sql } from "../../tests/helpers/sql";

// What the attack specs (e2e/security) share: the e2e server's database and
// store seen from outside, its server actions, and sign-in over plain HTTP as
// a script (not a browser) would do it.

const dataDir = process.env.E2E_DATA_DIR ?? path.join(tmpdir(), "newsroom-e2e");
const distDir = process.env.E2E_DIST_DIR ?? ".next-test";

/** Runs one query on the e2e server's database. */
export async function e2eQuery<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const url = await runningEmbeddedUrl(path.join(dataDir, "postgres"));
  if (!url) throw new Error(`No running e2e database in ${dataDir}`);
  return sql<T>(url, text, values);
}

/** Tables whose rows an attack may add by design: the audit log, sign-in throttles, sessions, presence. */
const EXPECTED_TO_GROW = new Set(["audit_logs", "sign_in_throttles", "staff_sessions", "article_presence", "_prisma_migrations"]);

/** Rows per table (exact counts) and files in the store: what a refused request must leave as it was. */
export async function contentSnapshot(): Promise<{ rows: Record<string, number>; files: number }> {
  const tables = await e2eQuery<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const rows: Record<string, number> = {};
  for (const { name } of tables) {
    if (EXPECTED_TO_GROW.has(name)) continue;
    rows[name] = Number((await e2eQuery<{ count: string }>(`SELECT count(*) AS count FROM "${name}"`))[0]!.count);
  }
  const entries = await readdir(path.join(dataDir, "s3"), { recursive: true, withFileTypes: true });
  return { rows, files: entries.filter((entry) => entry.isFile()).length };
}

export interface ServerAction {
  id: string;
  name: string;
  /** A dashboard URL whose page carries the action. */
  url: string;
}

/** Every server action of the build the e2e server runs, with a page URL to post it to. */
export async function serverActions(): Promise<ServerAction[]> {
  const manifest = JSON.parse(await readFile(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const page = Object.keys(entry.workers)[0]!;
    const url = page
      .replace(/^app/, "")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\/page$/, "")
      .replace("[date]", "2023-03-13")
      .replace("[number]", "A05")
      .replace(/\[[a-zA-Z]+\]/g, "00000000-0000-7000-8000-000000000000");
    return { id, name: entry.exportedName, url: url || "/admin" };
  });
}

export type SignInAnswer = "signed-in" | "wrong" | "rate-limited";

/** One sign-in attempt as a script makes it (next-auth's CSRF token, then the credentials): what the server answered. */
export async function attemptSignIn(request: APIRequestContext, account: { email: string; password: string }, headers: Record<string, string> = {}): Promise<SignInAnswer> {
  return (await timedSignIn(request, account, headers)).answer;
}

/** attemptSignIn, and how long the credentials' check took (the POST alone). */
export async function timedSignIn(request: APIRequestContext, account: { email: string; password: string }, headers: Record<string, string> = {}): Promise<{ answer: SignInAnswer; ms: number }> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const started = performance.now();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password, json: "true" },
    headers,
    maxRedirects: 0,
  });
  const ms = performance.now() - started;
  const location = response.headers()["location"] ?? (await response.json().catch(() => ({ url: "" }))).url ?? "";
  const answer = location.includes("error=RATE_LIMITED") ? "rate-limited" : location.includes("error=") ? "wrong" : "signed-in";
  return { answer, ms };
}
