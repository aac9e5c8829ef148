import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { hashPassword } from "./password";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, SIGN_IN_WINDOW_MS, signInWithPassword } from "./sign-in-with-password";

let db: Db;
const password = "correct-horse-battery";

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  const passwordHash = await hashPassword(password);
  for (const email of ["a@x.test", "b@x.test", "c@x.test", "off@x.test"]) {
    await db.user.create({ data: { email, name: email, role: "EDITOR", passwordHash, disabled: email.startsWith("off") } });
  }
});

describe("signInWithPassword", () => {
  it("answers the same for an unknown account, a wrong password and a disabled account", async () => {
    expect(await signInWithPassword({ email: "nobody@x.test", password })).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword({ email: "c@x.test", password: "wrong" })).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword({ email: "off@x.test", password })).toEqual({ ok: false, reason: "INVALID" });
    const ok = await signInWithPassword({ email: "c@x.test", password });
    expect(ok.ok && ok.user.email).toBe("c@x.test");
    expect(JSON.stringify(ok)).not.toContain("argon2");
  });

  it(`makes an account wait after ${MAX_FAILURES_PER_ACCOUNT} failures, even with the right password, then lets it in`, async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      expect(await signInWithPassword({ email: "a@x.test", password: "guess", ip: `10.0.0.${i}`, now: start })).toMatchObject({ reason: "INVALID" });
    }
    expect(await signInWithPassword({ email: "a@x.test", password, ip: "10.0.1.1", now: start })).toEqual({ ok: false, reason: "RATE_LIMITED" });
    // Another account is not affected.
    expect((await signInWithPassword({ email: "b@x.test", password, now: start })).ok).toBe(true);
    // After the window, the right password works and clears the count.
    const later = new Date(start.getTime() + SIGN_IN_WINDOW_MS + 1000);
    expect((await signInWithPassword({ email: "a@x.test", password, now: later })).ok).toBe(true);
    expect(await db.signInFailure.count({ where: { email: "a@x.test" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_rate_limited" } })).toBe(1);
  });

  it(`makes an address wait after ${MAX_FAILURES_PER_ADDRESS} failures across accounts`, async () => {
    const now = new Date("2031-01-01T00:00:00Z");
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
      await signInWithPassword({ email: `spray${i}@x.test`, password: "guess", ip: "192.0.2.9", now });
    }
    expect(await signInWithPassword({ email: "b@x.test", password, ip: "192.0.2.9", now })).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect((await signInWithPassword({ email: "b@x.test", password, ip: "192.0.2.10", now })).ok).toBe(true);
  });
});
