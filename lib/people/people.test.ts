import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { formatByline } from "./byline";
import { createPerson } from "./create-person";
import { getPerson, listPeople } from "./list-people";
import { updatePerson } from "./update-person";

let db: Db;
const admin: Actor = { id: "", role: "ADMIN" };
let publicationId: string;
let reporterUserId: string;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  admin.id = (await db.user.create({ data: { email: "chief@x.test", name: "总编", role: "ADMIN", passwordHash: "x" } })).id;
  reporterUserId = (await db.user.create({ data: { email: "hr@x.test", name: "何榕", role: "REPORTER", passwordHash: "x" } })).id;
  await db.publication.create({ data: { slug: "other", name: "侨报", isDefault: false } });
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
});

function caught(promise: Promise<unknown>) {
  return promise.then(
    () => undefined,
    (error: unknown) => error as AppError,
  );
}

describe("people (署名人)", () => {
  it("adds a correspondent without an account or organisation, to the default publication, audited", async () => {
    const person = await createPerson({ db, actor: admin, name: " 江宣 ", role: "CORRESPONDENT", organisation: "  " });
    expect(person).toMatchObject({ name: "江宣", role: "CORRESPONDENT", organisation: null, userId: null, active: true, publicationId });
    expect(formatByline(person)).toBe("□通讯员/江宣");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "person.create", entityId: person.id } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "person", data: { name: "江宣", role: "CORRESPONDENT", organisation: null, userId: null, active: true } });
  });

  it("keeps Chinese names and organisations with full-width punctuation exactly as typed", async () => {
    const name = "欧阳·娜娜（特约）";
    const organisation = "江门日报社，新会记者站";
    const person = await createPerson({ db, actor: admin, name, role: "INTERN", organisation });
    const { person: read } = await getPerson({ db, actor: admin, personId: person.id });
    expect(read.name).toBe(name);
    expect(read.organisation).toBe(organisation);
    expect(formatByline(read)).toBe("□江门日报社，新会记者站实习生/欧阳·娜娜（特约）");
    const updated = await updatePerson({ db, actor: admin, personId: person.id, name: "欧阳·娜娜：新", role: "INTERN", organisation, active: true });
    expect(updated.name).toBe("欧阳·娜娜：新");
  });

  it("links a staff account to one person only, with a clear message", async () => {
    const own = await createPerson({ db, actor: admin, name: "何榕", role: "REPORTER", organisation: "江门日报", userId: reporterUserId });
    expect(formatByline(own)).toBe("□江门日报记者/何榕");
    const before = await db.person.count();
    const error = await caught(createPerson({ db, actor: admin, name: "何榕二", role: "REPORTER", userId: reporterUserId }));
    expect(error!.code).toBe("CONFLICT");
    expect(error!.messageFor("zh-CN")).toBe("该员工账号已关联署名人“何榕”。");
    expect(await db.person.count()).toBe(before);
    const missing = await caught(createPerson({ db, actor: admin, name: "无账号", role: "REPORTER", userId: "0195e7a0-0000-7000-8000-000000000000" }));
    expect(missing!.code).toBe("INVALID_INPUT");
    // The same person keeps its own link when saved again.
    await expect(updatePerson({ db, actor: admin, personId: own.id, name: "何榕", role: "REPORTER", organisation: "江门日报", userId: reporterUserId, active: true })).resolves.toBeDefined();
  });

  it("retires someone without touching the bylines already printed, and audits the change", async () => {
    const person = await createPerson({ db, actor: admin, name: "邱昱", role: "PHOTOGRAPHER" });
    const article = await db.article.create({ data: { publicationId, headline: "测试稿件", body: { type: "doc", content: [] } } });
    await db.byline.create({ data: { articleId: article.id, personId: person.id, position: 0, role: "PHOTOGRAPHER", name: "邱昱", display: "□摄影/邱昱" } });

    await updatePerson({ db, actor: admin, personId: person.id, name: "邱昱", role: "PHOTOGRAPHER", active: false });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).active).toBe(false);
    expect(await db.byline.findFirstOrThrow({ where: { personId: person.id } })).toMatchObject({ display: "□摄影/邱昱" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "person.update", entityId: person.id } });
    expect(audit.data).toEqual({ name: "邱昱", changes: { active: { from: true, to: false } } });

    const { people } = await listPeople({ db, actor: admin });
    expect(people.at(-1)!.id).toBe(person.id);
  });

  it("saving without a change writes no audit row", async () => {
    const person = await createPerson({ db, actor: admin, name: "不变", role: "EDITOR" });
    await updatePerson({ db, actor: admin, personId: person.id, name: "不变", role: "EDITOR", organisation: "", active: true });
    expect(await db.auditLog.count({ where: { action: "person.update", entityId: person.id } })).toBe(0);
  });

  it("refuses bad input with a clear message and changes nothing", async () => {
    const before = await db.person.count();
    const empty = await caught(createPerson({ db, actor: admin, name: "　", role: "REPORTER" }));
    expect(empty!.code).toBe("INVALID_INPUT");
    expect(empty!.messageFor("zh-CN")).toBe("请填写署名。");
    expect((await caught(createPerson({ db, actor: admin, name: "长".repeat(51), role: "REPORTER" })))!.code).toBe("INVALID_INPUT");
    expect((await caught(createPerson({ db, actor: admin, name: "某人", role: "REPORTER", publicationId: "nope" })))!.code).toBe("NOT_FOUND");
    expect(await db.person.count()).toBe(before);
    expect((await caught(updatePerson({ db, actor: admin, personId: "bad", name: "x", role: "REPORTER", active: true })))!.code).toBe("NOT_FOUND");
  });
});
