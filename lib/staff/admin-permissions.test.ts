import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { listAuditActors, listAuditLog } from "@/lib/audit/list-audit-log";
import { createPerson } from "@/lib/people/create-person";
import { getPerson, listPeople } from "@/lib/people/list-people";
import { updatePerson } from "@/lib/people/update-person";
import { listPublicationSettings } from "@/lib/publications/publication-settings";
import { updatePublicationSettings } from "@/lib/publications/update-publication-settings";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { changeRole } from "./change-role";
import { createStaffAccount } from "./create-staff-account";
import { getStaffAccount, listStaff } from "./list-staff";
import { resetPassword } from "./reset-password";
import { setDisabled } from "./set-disabled";

// Every role against every administration function: only admins get through;
// anyone else gets FORBIDDEN, changes nothing, and leaves a permission.denied row.

let db: Db;
const actors = {} as Record<Role, Actor>;
let targetId: string;
let personId: string;
let publicationId: string;
let serial = 0;
const unique = () => `${(serial += 1)}`;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  for (const role of ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"] as const) {
    const user = await db.user.create({ data: { email: `${role.toLowerCase()}@x.test`, name: role, role, passwordHash: "x" } });
    actors[role] = { id: user.id, role };
  }
  // A second admin, so the admin's role changes and disables never hit the last-admin rule.
  await db.user.create({ data: { email: "admin2@x.test", name: "副管理员", role: "ADMIN", passwordHash: "x" } });
  targetId = (await db.user.create({ data: { email: "target@x.test", name: "目标", role: "REPORTER", passwordHash: "x" } })).id;
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
  personId = (await db.person.create({ data: { publicationId, name: "江宣", role: "CORRESPONDENT" } })).id;
});

const cases: { name: string; permission: string; run: (actor: Actor) => Promise<unknown> }[] = [
  { name: "list staff", permission: "staff.manage", run: (actor) => listStaff({ db, actor }) },
  { name: "open a staff account", permission: "staff.manage", run: (actor) => getStaffAccount({ db, actor, userId: targetId }) },
  {
    name: "create a staff account",
    permission: "staff.manage",
    run: (actor) => createStaffAccount({ db, actor, email: `new${unique()}@x.test`, name: "新人", role: "REPORTER", password: "long-enough-password" }),
  },
  {
    name: "change a role",
    permission: "staff.manage",
    run: (actor) => changeRole({ db, actor, userId: targetId, role: serial++ % 2 ? "EDITOR" : "PHOTOGRAPHER" }),
  },
  { name: "reset a password", permission: "staff.manage", run: (actor) => resetPassword({ db, actor, userId: targetId }) },
  { name: "disable an account", permission: "staff.manage", run: (actor) => setDisabled({ db, actor, userId: targetId, disabled: true }) },
  { name: "enable an account", permission: "staff.manage", run: (actor) => setDisabled({ db, actor, userId: targetId, disabled: false }) },
  { name: "list people", permission: "people.manage", run: (actor) => listPeople({ db, actor }) },
  { name: "open a person", permission: "people.manage", run: (actor) => getPerson({ db, actor, personId }) },
  { name: "create a person", permission: "people.manage", run: (actor) => createPerson({ db, actor, name: `通讯员${unique()}`, role: "CORRESPONDENT" }) },
  {
    name: "update a person",
    permission: "people.manage",
    run: (actor) => updatePerson({ db, actor, personId, name: `江宣${unique()}`, role: "CORRESPONDENT", active: true }),
  },
  { name: "list publication settings", permission: "publication.manage", run: (actor) => listPublicationSettings({ db, actor }) },
  {
    name: "update publication settings",
    permission: "publication.manage",
    run: (actor) => updatePublicationSettings({ db, actor, publicationId, settings: { name: "江门日报", footerPhone: `0750-${unique()}` } }),
  },
  { name: "view the audit log", permission: "audit.view", run: (actor) => listAuditLog({ db, actor }) },
  { name: "list audit actors", permission: "audit.view", run: (actor) => listAuditActors({ db, actor }) },
];

/** Everything these functions could change, hashes included. */
async function snapshot() {
  return JSON.stringify([
    await db.user.findMany({ orderBy: { id: "asc" }, omit: { passwordHash: false } }),
    await db.person.findMany({ orderBy: { id: "asc" } }),
    await db.publication.findMany({ orderBy: { id: "asc" } }),
    await db.signInThrottle.count(),
  ]);
}

describe.each(cases)("$name ($permission)", ({ run, permission }) => {
  it("is allowed to an admin", async () => {
    const denials = await db.auditLog.count({ where: { action: "permission.denied" } });
    await expect(run(actors.ADMIN)).resolves.toBeDefined();
    expect(await db.auditLog.count({ where: { action: "permission.denied" } })).toBe(denials);
  });

  it.each(["EDITOR", "REPORTER", "PHOTOGRAPHER"] as const)("is refused to %s: FORBIDDEN, nothing changed, audited", async (role) => {
    const before = await snapshot();
    const denials = await db.auditLog.count({ where: { action: "permission.denied", actorId: actors[role].id } });
    const error = await run(actors[role]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect((error as AppError).messageFor("zh-CN")).toBe("您没有执行此操作的权限。");
    expect(await snapshot()).toBe(before);
    const rows = await db.auditLog.findMany({ where: { action: "permission.denied", actorId: actors[role].id }, orderBy: { createdAt: "desc" } });
    expect(rows).toHaveLength(denials + 1);
    expect(rows[0]!.data).toMatchObject({ attempted: permission, role });
  });
});
