import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";
import { formatNewsroomTime } from "@/lib/time/newsroom-time";
import { listAuditActors, listAuditLog } from "./list-audit-log";

let db: Db;
let url: string;
const admin: Actor = { id: "", role: "ADMIN" };
let editorId: string;
let personId: string;

// 30 entries, one a minute from 2030-01-01 15:50 UTC (23:50 in Beijing), so the
// range crosses Beijing midnight at entry 10; every third one is the editor's sign-in.
const start = Date.parse("2030-01-01T15:50:00Z");

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  url = created.url;
  admin.id = (await db.user.create({ data: { email: "chief@x.test", name: "总编", role: "ADMIN", passwordHash: "x" } })).id;
  editorId = (await db.user.create({ data: { email: "ed@x.test", name: "梁晓婷", role: "EDITOR", passwordHash: "x" } })).id;
  const publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报" } })).id;
  personId = (await db.person.create({ data: { publicationId, name: "江宣", role: "CORRESPONDENT" } })).id;
  await db.auditLog.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      createdAt: new Date(start + i * 60_000),
      actorId: i % 3 === 0 ? editorId : admin.id,
      action: i % 3 === 0 ? "auth.sign_in" : "person.update",
      entityType: i % 3 === 0 ? "user" : "person",
      entityId: i % 3 === 0 ? editorId : personId,
      data: { n: i },
    })),
  });
  // Two entries at the very same instant: the id breaks the tie, none is lost between pages.
  await db.auditLog.createMany({
    data: [0, 1].map((n) => ({ createdAt: new Date(start + 30 * 60_000), actorId: admin.id, action: "staff.create", data: { n: 30 + n } })),
  });
});

const numbers = (entries: { data: unknown }[]) => entries.map((entry) => (entry.data as { n: number }).n);

describe("listing the audit log", () => {
  it("shows the newest first, with the actor and the entity's name", async () => {
    const { entries, newerCursor, olderCursor } = await listAuditLog({ db, actor: admin, limit: 5 });
    expect(numbers(entries).slice(2)).toEqual([29, 28, 27]);
    expect(entries[2]).toMatchObject({ action: "person.update", actor: { name: "总编" }, entityType: "person", entityName: "江宣" });
    expect(entries.find((entry) => entry.action === "auth.sign_in")).toMatchObject({ actor: { name: "梁晓婷" }, entityName: "梁晓婷" });
    expect(newerCursor).toBeUndefined();
    expect(olderCursor).toBeDefined();
  });

  it("pages through every entry exactly once, both ways", async () => {
    const seen: number[] = [];
    const pages: { newerCursor?: string; olderCursor?: string; n: number[] }[] = [];
    let after: string | undefined;
    do {
      const page = await listAuditLog({ db, actor: admin, limit: 7, after });
      seen.push(...numbers(page.entries));
      pages.push({ ...page, n: numbers(page.entries) });
      after = page.olderCursor;
    } while (after);
    expect(seen).toHaveLength(32);
    expect(new Set(seen).size).toBe(32);
    expect(pages).toHaveLength(5);
    // Back from the last page: the "newer" link gives the page before it.
    const back = await listAuditLog({ db, actor: admin, limit: 7, before: pages[4]!.newerCursor });
    expect(numbers(back.entries)).toEqual(pages[3]!.n);
    expect(back.olderCursor).toBeDefined();
    expect(back.newerCursor).toBeDefined();
    const top = await listAuditLog({ db, actor: admin, limit: 7, before: pages[1]!.newerCursor });
    expect(numbers(top.entries)).toEqual(pages[0]!.n);
    expect(top.newerCursor).toBeUndefined();
  });

  it("filters by action and by actor", async () => {
    const signIns = await listAuditLog({ db, actor: admin, filters: { action: "auth.sign_in" } });
    expect(numbers(signIns.entries)).toEqual([27, 24, 21, 18, 15, 12, 9, 6, 3, 0]);
    const byEditor = await listAuditLog({ db, actor: admin, filters: { actorId: editorId }, limit: 4 });
    expect(numbers(byEditor.entries)).toEqual([27, 24, 21, 18]);
    const next = await listAuditLog({ db, actor: admin, filters: { actorId: editorId }, limit: 4, after: byEditor.olderCursor });
    expect(numbers(next.entries)).toEqual([15, 12, 9, 6]);
    const none = await listAuditLog({ db, actor: admin, filters: { action: "no.such_action" } });
    expect(none.entries).toEqual([]);
  });

  it("filters by whole days in Beijing time, both ends included", async () => {
    // Entries 0–9 are on 2030-01-01 in Beijing (23:50–23:59), the rest on 01-02.
    const firstDay = await listAuditLog({ db, actor: admin, filters: { from: "2030-01-01", to: "2030-01-01" } });
    expect(numbers(firstDay.entries).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const secondDay = await listAuditLog({ db, actor: admin, filters: { from: "2030-01-02" } });
    expect(secondDay.entries).toHaveLength(22);
    const untilFirst = await listAuditLog({ db, actor: admin, filters: { to: "2030-01-01", action: "auth.sign_in" } });
    expect(numbers(untilFirst.entries)).toEqual([9, 6, 3, 0]);
    expect(formatNewsroomTime(new Date(start))).toBe("2030-01-01 23:50:00");
  });

  it("refuses a malformed or reversed date range with a clear message", async () => {
    for (const filters of [{ from: "2030-02-30" }, { to: "yesterday" }, { from: "2030-01-02", to: "2030-01-01" }, { actorId: "x" }]) {
      const error = (await listAuditLog({ db, actor: admin, filters }).catch((caught: unknown) => caught)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.code).toBe("INVALID_INPUT");
    }
    const reversed = (await listAuditLog({ db, actor: admin, filters: { from: "2030-01-02", to: "2030-01-01" } }).catch((caught: unknown) => caught)) as AppError;
    expect(reversed.messageFor("zh-CN")).toBe("开始日期不能晚于结束日期。");
  });

  it("treats a cursor edited by hand as none", async () => {
    const page = await listAuditLog({ db, actor: admin, limit: 3, after: "not-a-cursor" });
    expect(page.entries).toHaveLength(3);
    expect(decodeAuditCursor(encodeAuditCursor({ createdAt: new Date(start), id: personId }))).toEqual({ createdAt: new Date(start), id: personId });
  });

  it("walks an index for each filter, not the whole table", async () => {
    // The table is tiny here, so sequential scans are switched off to ask which index the planner would use.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("SET enable_seqscan = off");
      for (const [where, index] of [
        [`action = 'auth.sign_in'`, "audit_logs_action_created_at_idx"],
        [`actor_id = '${editorId}'`, "audit_logs_actor_id_created_at_idx"],
        [`created_at <= now()`, "audit_logs_created_at_idx"],
      ]) {
        const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT * FROM audit_logs WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT 51`);
        expect(plan.rows.map((row) => row["QUERY PLAN"]).join("\n")).toContain(index);
      }
    } finally {
      await client.end();
    }
  });

  it("lists everyone who may appear as an actor", async () => {
    expect((await listAuditActors({ db, actor: admin })).map((user) => user.name)).toEqual(["总编", "梁晓婷"].sort());
  });
});
