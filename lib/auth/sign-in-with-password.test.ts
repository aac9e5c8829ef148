import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { hashPassword } from "./password";
import { SIGN_IN_RULES, THROTTLE_WINDOW_MS } from "./sign-in-throttle";
import { signInWithPassword } from "./sign-in-with-password";

// Sign-in against a real PostgreSQL, as an attacker would try it: in parallel,
// from many addresses, and against someone else's account.

let db: Db;
const password = "correct-horse-battery";
const seconds = (from: Date, count: number) => new Date(from.getTime() + count * 1000);

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  const passwordHash = await hashPassword(password);
  for (const email of ["a@x.test", "b@x.test", "c@x.test", "d@x.test", "e@x.test", "off@x.test"]) {
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

  it("checks no more passwords for 60 parallel attempts than for 60 in a row, and then not even the right one", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const answers = await Promise.all(Array.from({ length: 60 }, () => signInWithPassword({ email: "a@x.test", password: "guess", ip: "198.51.100.7", now })));
    const checked = answers.filter((answer) => !answer.ok && answer.reason === "INVALID").length;
    console.log(`60 parallel wrong passwords: ${checked} checked, ${60 - checked} told to wait`);
    expect(checked).toBe(SIGN_IN_RULES.accountAtAddress.free + 1);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_failed", data: { path: ["email"], equals: "a@x.test" } } })).toBe(checked);
    expect(await signInWithPassword({ email: "a@x.test", password, ip: "198.51.100.7", now })).toEqual({ ok: false, reason: "RATE_LIMITED", retryAfterSeconds: 1 });
    // The wait has passed: the right password works, and the account's count starts again.
    expect((await signInWithPassword({ email: "a@x.test", password, ip: "198.51.100.7", now: seconds(now, 1) })).ok).toBe(true);
    expect(await db.signInThrottle.count({ where: { email: "a@x.test" } })).toBe(0);
  });

  it("makes each further attempt wait twice as long as the one before", async () => {
    const start = new Date("2030-02-01T00:00:00Z");
    const attempt = (at: Date, guess = "guess") => signInWithPassword({ email: "b@x.test", password: guess, ip: "198.51.100.8", now: at });
    for (let index = 0; index <= SIGN_IN_RULES.accountAtAddress.free; index += 1) expect(await attempt(start)).toMatchObject({ reason: "INVALID" });
    expect(await attempt(start)).toMatchObject({ reason: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect(await attempt(seconds(start, 1))).toMatchObject({ reason: "INVALID" });
    expect(await attempt(seconds(start, 2))).toMatchObject({ reason: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect(await attempt(seconds(start, 3))).toMatchObject({ reason: "INVALID" });
    expect(await attempt(seconds(start, 6))).toMatchObject({ reason: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect((await attempt(seconds(start, 7), password)).ok).toBe(true);
    // After a quiet window everything is forgotten.
    expect(await attempt(new Date(start.getTime() + 2 * THROTTLE_WINDOW_MS))).toMatchObject({ reason: "INVALID" });
  });

  it("lets a stranger trying someone's account from many addresses slow its owner down, never lock them out", async () => {
    const now = new Date("2030-03-01T00:00:00Z");
    const stranger = await Promise.all(Array.from({ length: 60 }, (_, index) => signInWithPassword({ email: "d@x.test", password: "guess", ip: `203.0.113.${index}`, now })));
    const checked = stranger.filter((answer) => !answer.ok && answer.reason === "INVALID").length;
    console.log(`60 wrong passwords for one account from 60 addresses: ${checked} checked`);
    expect(checked).toBe(SIGN_IN_RULES.account.free + 1);
    const owner = await signInWithPassword({ email: "d@x.test", password, ip: "192.0.2.1", now });
    expect(owner).toEqual({ ok: false, reason: "RATE_LIMITED", retryAfterSeconds: 1 });
    expect((await signInWithPassword({ email: "d@x.test", password, ip: "192.0.2.1", now: seconds(now, 1) })).ok).toBe(true);
  });

  it("slows an address spraying many accounts, and gives a newsroom behind one address back every successful sign-in", async () => {
    const now = new Date("2030-04-01T00:00:00Z");
    for (let index = 0; index < 25; index += 1) expect((await signInWithPassword({ email: "e@x.test", password, ip: "192.0.2.50", now })).ok).toBe(true);
    for (let index = 0; index < SIGN_IN_RULES.address.free + 1; index += 1) {
      expect(await signInWithPassword({ email: `spray${index}@x.test`, password: "guess", ip: "192.0.2.50", now })).toMatchObject({ reason: "INVALID" });
    }
    expect(await signInWithPassword({ email: "e@x.test", password, ip: "192.0.2.50", now })).toMatchObject({ reason: "RATE_LIMITED" });
    expect((await signInWithPassword({ email: "e@x.test", password, ip: "192.0.2.51", now })).ok).toBe(true);
  });
});
