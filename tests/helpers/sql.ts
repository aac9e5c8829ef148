import pg from "pg";

/** Runs one query on a plain connection (for checks Prisma cannot express); no Vitest here, so Playwright's helpers use it too. */
export async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
