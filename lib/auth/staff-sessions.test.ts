import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { ENDED_SESSIONS_KEPT_DAYS, endStaffSession, startStaffSession, userOfSession } from "./staff-sessions";

let db: Db;
let userId: string;
const limits = { maxAgeMs: 12 * 3_600_000, idleMs: 2 * 3_600_000 };
const start = new Date("2030-05-01T08:00:00Z");
const later = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  userId = (await db.user.create({ data: { email: "s@x.test", name: "编辑", role: "EDITOR", passwordHash: "x" } })).id;
});

const holds = (sessionId: string, now: Date, sessionVersion = 0) => userOfSession(db, { sessionId, sessionVersion, limits, now }).then((user) => user?.id ?? null);

describe("staff sessions", () => {
  it("hold while in use, through a whole shift", async () => {
    const session = await startStaffSession(db, { userId, ip: "192.0.2.1", limits, now: start });
    for (let minutes = 0; minutes < 12 * 60; minutes += 100) expect(await holds(session, later(minutes))).toBe(userId);
    // Not beyond its lifetime, however busy.
    expect(await holds(session, later(12 * 60 + 1))).toBeNull();
  });

  it("end when signed out, even though the cookie is still valid", async () => {
    const session = await startStaffSession(db, { userId, limits, now: start });
    await endStaffSession(db, session, later(5));
    expect(await holds(session, later(6))).toBeNull();
  });

  it("are kept a month after they end, then cleared out by a later sign-in", async () => {
    const old = await startStaffSession(db, { userId, limits, now: start });
    const days = (count: number) => new Date(start.getTime() + count * 86_400_000);
    await startStaffSession(db, { userId, limits, now: days(ENDED_SESSIONS_KEPT_DAYS) });
    expect(await db.staffSession.count({ where: { id: old } })).toBe(1);
    await startStaffSession(db, { userId, limits, now: days(ENDED_SESSIONS_KEPT_DAYS + 1) });
    expect(await db.staffSession.count({ where: { id: old } })).toBe(0);
  });

  it("end after the idle timeout, and note each request at most once a minute", async () => {
    const session = await startStaffSession(db, { userId, limits, now: start });
    expect(await holds(session, later(0.5))).toBe(userId);
    expect((await db.staffSession.findUniqueOrThrow({ where: { id: session } })).lastSeenAt).toEqual(start);
    expect(await holds(session, later(90))).toBe(userId);
    expect((await db.staffSession.findUniqueOrThrow({ where: { id: session } })).lastSeenAt).toEqual(later(90));
    expect(await holds(session, later(90 + 121))).toBeNull();
  });

  it("end when the account's role or password changes (sessionVersion) or it is disabled", async () => {
    const session = await startStaffSession(db, { userId, limits, now: start });
    expect(await holds(session, later(1), 1)).toBeNull();
    await db.user.update({ where: { id: userId }, data: { disabled: true } });
    expect(await holds(session, later(1))).toBeNull();
    await db.user.update({ where: { id: userId }, data: { disabled: false } });
    expect(await holds("00000000-0000-7000-8000-000000000000", later(1))).toBeNull();
  });
});
