import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { changeRole } from "./change-role";
import { createStaffAccount } from "./create-staff-account";
import { getStaffAccount, listStaff } from "./list-staff";
import { resetPassword } from "./reset-password";
import { setDisabled } from "./set-disabled";

let db: Db;
const admin: Actor = { id: "", role: "ADMIN" };

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  admin.id = (await db.user.create({ data: { email: "chief@x.test", name: "总编", role: "ADMIN", passwordHash: "x" } })).id;
});

async function hashOf(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;
}

async function version(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;
}

async function newReporter(email: string) {
  return (await createStaffAccount({ db, actor: admin, email, name: "记者", role: "REPORTER", password: "reporter-password" })).user;
}

function caught(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: unknown) => error as AppError,
  );
}

describe("creating a staff account", () => {
  it("stores the e-mail lower-cased, the password only as an argon2 hash, and audits without the password", async () => {
    const { user, generatedPassword } = await createStaffAccount({
      db,
      actor: admin,
      email: "  He.Rong@Example.COM ",
      name: "何榕",
      role: "REPORTER",
      password: "a-long-password",
    });
    expect(generatedPassword).toBeUndefined();
    expect(user).toMatchObject({ email: "he.rong@example.com", name: "何榕", role: "REPORTER" });
    const hash = await hashOf(user.id);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "a-long-password")).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.create", entityId: user.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.data).toEqual({ email: "he.rong@example.com", name: "何榕", role: "REPORTER" });
    expect(JSON.stringify(audit.data)).not.toContain("a-long-password");
  });

  it("generates a password when none is given, returned once and working", async () => {
    const { user, generatedPassword } = await createStaffAccount({ db, actor: admin, email: "gen@x.test", name: "生成", role: "PHOTOGRAPHER" });
    expect(generatedPassword).toHaveLength(20);
    expect(await verifyPassword(await hashOf(user.id), generatedPassword!)).toBe(true);
  });

  it("refuses a duplicate e-mail, whatever its case, with a clear message", async () => {
    const before = await db.user.count();
    const error = await caught(createStaffAccount({ db, actor: admin, email: "HE.RONG@example.com", name: "重复", role: "EDITOR", password: "another-password" }));
    expect(error).toBeInstanceOf(AppError);
    expect(error!.code).toBe("CONFLICT");
    expect(error!.messageFor("zh-CN")).toBe("该邮箱已被其他账号使用。");
    expect(error!.messageFor("en")).toBe("Another account already uses this email address.");
    expect(await db.user.count()).toBe(before);
  });

  it("refuses two concurrent creations of the same address: exactly one account", async () => {
    const results = await Promise.allSettled(
      [1, 2, 3].map(() => createStaffAccount({ db, actor: admin, email: "race@x.test", name: "并发", role: "REPORTER", password: "race-password" })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) if (result.status === "rejected") expect((result.reason as AppError).code).toBe("CONFLICT");
    expect(await db.user.count({ where: { email: "race@x.test" } })).toBe(1);
  });

  it.each([
    ["a password under 10 characters", { email: "short@x.test", name: "短", password: "123456789" }, "密码至少需要 10 个字符。"],
    ["a malformed e-mail", { email: "not-an-email", name: "坏", password: "long-enough-1" }, "请填写有效的邮箱地址。"],
    ["an empty name", { email: "noname@x.test", name: "   ", password: "long-enough-1" }, "请填写姓名。"],
  ])("refuses %s and creates nothing", async (_label, input, message) => {
    const before = await db.user.count();
    const error = await caught(createStaffAccount({ db, actor: admin, role: "REPORTER", ...input }));
    expect(error!.code).toBe("INVALID_INPUT");
    expect(error!.messageFor("zh-CN")).toBe(message);
    expect(await db.user.count()).toBe(before);
  });

  it("keeps a Chinese name with full-width punctuation exactly as typed", async () => {
    const name = "欧阳·娜娜（实习）——江门";
    const { user } = await createStaffAccount({ db, actor: admin, email: "oy@x.test", name: ` ${name} `, role: "REPORTER", password: "long-enough-1" });
    expect((await getStaffAccount({ db, actor: admin, userId: user.id })).name).toBe(name);
  });
});

describe("changing a role", () => {
  it("ends the account's sessions and audits from → to", async () => {
    const user = await newReporter("promote@x.test");
    const before = await version(user.id);
    expect(await changeRole({ db, actor: admin, userId: user.id, role: "EDITOR" })).toEqual({ changed: true });
    expect(await version(user.id)).toBe(before + 1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.role_change", entityId: user.id } });
    expect(audit.data).toEqual({ from: "REPORTER", to: "EDITOR" });
  });

  it("to the same role changes nothing and ends no session", async () => {
    const user = await newReporter("same@x.test");
    expect(await changeRole({ db, actor: admin, userId: user.id, role: "REPORTER" })).toEqual({ changed: false });
    expect(await version(user.id)).toBe(0);
    expect(await db.auditLog.count({ where: { action: "staff.role_change", entityId: user.id } })).toBe(0);
  });

  it("of an unknown or malformed account is NOT_FOUND", async () => {
    expect((await caught(changeRole({ db, actor: admin, userId: "0195e7a0-0000-7000-8000-000000000000", role: "EDITOR" })))!.code).toBe("NOT_FOUND");
    expect((await caught(changeRole({ db, actor: admin, userId: "../etc", role: "EDITOR" })))!.code).toBe("NOT_FOUND");
  });
});

describe("resetting a password", () => {
  it("sets the typed password, ends sessions, clears sign-in delays, and audits", async () => {
    const user = await newReporter("reset@x.test");
    await db.signInThrottle.create({ data: { key: "account:reset@x.test", email: "reset@x.test", attempts: 30, lastAttemptAt: new Date(), nextAllowedAt: new Date(Date.now() + 600_000) } });
    expect(await resetPassword({ db, actor: admin, userId: user.id, password: "brand-new-password" })).toEqual({ generatedPassword: undefined });
    expect(await verifyPassword(await hashOf(user.id), "brand-new-password")).toBe(true);
    expect(await verifyPassword(await hashOf(user.id), "reporter-password")).toBe(false);
    expect(await version(user.id)).toBe(1);
    expect(await db.signInThrottle.count({ where: { email: "reset@x.test" } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "staff.password_reset", entityId: user.id } });
    expect(audit.data).toEqual({ generated: false });
  });

  it("generates one when none is typed, and refuses a short one without changing anything", async () => {
    const user = await newReporter("reset2@x.test");
    const { generatedPassword } = await resetPassword({ db, actor: admin, userId: user.id });
    expect(await verifyPassword(await hashOf(user.id), generatedPassword!)).toBe(true);
    const hash = await hashOf(user.id);
    const error = await caught(resetPassword({ db, actor: admin, userId: user.id, password: "short" }));
    expect(error!.code).toBe("INVALID_INPUT");
    expect(await hashOf(user.id)).toBe(hash);
    expect(await version(user.id)).toBe(1);
  });
});

describe("disabling and enabling", () => {
  it("disabling ends sessions and is audited; enabling is audited too", async () => {
    const user = await newReporter("off@x.test");
    await setDisabled({ db, actor: admin, userId: user.id, disabled: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ disabled: true, sessionVersion: 1 });
    expect(await setDisabled({ db, actor: admin, userId: user.id, disabled: true })).toEqual({ changed: false });
    await setDisabled({ db, actor: admin, userId: user.id, disabled: false });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ disabled: false, sessionVersion: 1 });
    const actions = await db.auditLog.findMany({ where: { entityId: user.id, action: { startsWith: "staff." } }, orderBy: { createdAt: "asc" } });
    expect(actions.map((row) => row.action)).toEqual(["staff.create", "staff.disable", "staff.enable"]);
  });

  it("lists active accounts first", async () => {
    const list = await listStaff({ db, actor: admin });
    const firstDisabled = list.findIndex((user) => user.disabled);
    expect(firstDisabled === -1 || list.slice(firstDisabled).every((user) => user.disabled)).toBe(true);
    expect(JSON.stringify(list)).not.toContain("argon2");
  });
});

describe("the last active admin", () => {
  it("cannot disable or demote themselves, with a clear message; another admin lifts the rule", async () => {
    const { db: fresh } = await createMigratedDatabase();
    const only = await fresh.user.create({ data: { email: "only@x.test", name: "唯一", role: "ADMIN", passwordHash: "x" } });
    const actor: Actor = { id: only.id, role: "ADMIN" };
    // A disabled admin does not count.
    await fresh.user.create({ data: { email: "gone@x.test", name: "已停用", role: "ADMIN", passwordHash: "x", disabled: true } });

    for (const attempt of [
      () => setDisabled({ db: fresh, actor, userId: only.id, disabled: true }),
      () => changeRole({ db: fresh, actor, userId: only.id, role: "EDITOR" }),
    ]) {
      const error = await caught(attempt());
      expect(error!.code).toBe("INVALID_STATE");
      expect(error!.messageFor("zh-CN")).toContain("最后一个启用中的管理员账号");
      expect(error!.messageFor("en")).toContain("last active admin");
    }
    expect(await fresh.user.findUniqueOrThrow({ where: { id: only.id } })).toMatchObject({ role: "ADMIN", disabled: false, sessionVersion: 0 });
    expect(await fresh.auditLog.count({ where: { action: { startsWith: "staff." } } })).toBe(0);

    const second = (await createStaffAccount({ db: fresh, actor, email: "second@x.test", name: "第二", role: "ADMIN", password: "second-admin-pw" })).user;
    await changeRole({ db: fresh, actor, userId: only.id, role: "EDITOR" });
    expect((await fresh.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe("EDITOR");
    // Now `second` is the last one.
    const error = await caught(setDisabled({ db: fresh, actor: { id: second.id, role: "ADMIN" }, userId: second.id, disabled: true }));
    expect(error!.code).toBe("INVALID_STATE");
    await fresh.$disconnect();
  });

  it("two admins demoting each other at the same moment: one succeeds, one admin is left", async () => {
    const { db: fresh } = await createMigratedDatabase();
    const a = await fresh.user.create({ data: { email: "a@x.test", name: "甲", role: "ADMIN", passwordHash: "x" } });
    const b = await fresh.user.create({ data: { email: "b@x.test", name: "乙", role: "ADMIN", passwordHash: "x" } });
    const results = await Promise.allSettled([
      changeRole({ db: fresh, actor: { id: a.id, role: "ADMIN" }, userId: b.id, role: "EDITOR" }),
      setDisabled({ db: fresh, actor: { id: b.id, role: "ADMIN" }, userId: a.id, disabled: true }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await fresh.user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
    await fresh.$disconnect();
  });
});
