import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase, sql } from "@/tests/helpers/database";
import { announceRevalidations, listenForRevalidations, REVALIDATION_CHANNEL, type RevalidationNotice } from "./revalidation-channel";

// Two instances that share a database hear each other's revalidations (a real PostgreSQL).

describe("the reader cache's revalidation channel", () => {
  let url: string;
  let db: Db;
  const heard: RevalidationNotice[] = [];
  const reconnected = vi.fn();
  let listener: { stop: () => Promise<void> };

  beforeAll(async () => {
    ({ url, db } = await createMigratedDatabase());
    listener = listenForRevalidations({ connectionString: url, onNotice: (notice) => heard.push(notice), onReconnect: reconnected });
    // Listening once its LISTEN is in place.
    const listening = async () => (await sql<{ count: number }>(url, "SELECT count(*)::int AS count FROM pg_stat_activity WHERE query = $1", [`LISTEN ${REVALIDATION_CHANNEL}`]))[0]!.count;
    for (let tries = 0; tries < 100 && (await listening()) === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  });

  afterAll(() => listener.stop());

  it("delivers the tags another instance announces, with its origin, within a second", async () => {
    heard.length = 0;
    const started = Date.now();
    await announceRevalidations(db, ["publication:0196f5d2-7a4e-7000-8000-000000000001", "article:0196f5d2-7a4e-7000-8000-000000000002"], "instance-a");
    await expect.poll(() => heard.length, { timeout: 1000 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(heard[0]).toEqual({ origin: "instance-a", tags: ["publication:0196f5d2-7a4e-7000-8000-000000000001", "article:0196f5d2-7a4e-7000-8000-000000000002"] });
  });

  it("splits a long list into notices PostgreSQL accepts, none lost", async () => {
    heard.length = 0;
    const tags = Array.from({ length: 500 }, (_, index) => `article:0196f5d2-7a4e-7000-8000-${String(index).padStart(12, "0")}`);
    await announceRevalidations(db, tags, null);
    await expect.poll(() => heard.flatMap((notice) => notice.tags).length).toBe(500);
    expect(new Set(heard.flatMap((notice) => notice.tags))).toEqual(new Set(tags));
    expect(heard.every((notice) => notice.origin === null)).toBe(true);
  });

  it("listens again after losing its connection (PostgreSQL restarted), and says so to refresh what it missed", async () => {
    heard.length = 0;
    await sql(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1", [`LISTEN ${REVALIDATION_CHANNEL}`]);
    await expect.poll(() => reconnected.mock.calls.length, { timeout: 5000 }).toBe(1);
    await announceRevalidations(db, ["publications"], null);
    await expect.poll(() => heard).toEqual([{ origin: null, tags: ["publications"] }]);
  });

  it("ignores notices that are not a list of tags", async () => {
    heard.length = 0;
    await sql(url, "SELECT pg_notify($1, $2)", [REVALIDATION_CHANNEL, "not json"]);
    await sql(url, "SELECT pg_notify($1, $2)", [REVALIDATION_CHANNEL, JSON.stringify({ tags: [1, 2] })]);
    await announceRevalidations(db, ["publications"], null);
    await expect.poll(() => heard).toEqual([{ origin: null, tags: ["publications"] }]);
  });
});
