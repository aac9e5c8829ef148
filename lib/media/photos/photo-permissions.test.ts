import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { deletePhoto } from "./delete-photo";
import { streamOf, testJpeg } from "./test-images";
import { updatePhoto, updatePhotoMetadata } from "./update-photo";
import { uploadPhoto } from "./upload-photo";

// Every role × every photo action, allowed and refused. A refusal changes
// nothing and leaves a permission.denied row in the audit log.

let db: Db;
let storage: DiskStorage;
let n: Newsroom;
let seed = 100;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  storage = await createTestStorage();
  n = await seedNewsroom(db);
});

const roles: Role[] = ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"];
const actorFor = (role: Role): Actor => ({ ADMIN: n.admin, EDITOR: n.editor, REPORTER: n.reporter, PHOTOGRAPHER: n.photographer })[role];

async function photoBy(actor: Actor): Promise<string> {
  const data = await testJpeg({ seed: seed++, width: 400, height: 300 });
  return (await uploadPhoto({ db, storage, actor, body: streamOf(data), declaredSize: data.length })).photoId;
}

async function deniedCount(actor: Actor): Promise<number> {
  return db.auditLog.count({ where: { actorId: actor.id, action: "permission.denied" } });
}

const expected = {
  upload: { ADMIN: "ok", EDITOR: "ok", REPORTER: "ok", PHOTOGRAPHER: "ok" },
  editOwn: { ADMIN: "ok", EDITOR: "ok", REPORTER: "ok", PHOTOGRAPHER: "ok" },
  editOthers: { ADMIN: "ok", EDITOR: "ok", REPORTER: "FORBIDDEN", PHOTOGRAPHER: "ok" },
  delete: { ADMIN: "ok", EDITOR: "ok", REPORTER: "FORBIDDEN", PHOTOGRAPHER: "FORBIDDEN" },
} satisfies Record<string, Record<Role, string>>;

describe.each(roles)("photo permissions for %s", (role) => {
  it("upload", async () => {
    const actor = actorFor(role);
    const data = await testJpeg({ seed: seed++, width: 200, height: 100 });
    expect(await outcome(uploadPhoto({ db, storage, actor, body: streamOf(data), declaredSize: data.length }))).toBe(expected.upload[role]);
  });

  it("edit own upload", async () => {
    const actor = actorFor(role);
    const photoId = await photoBy(actor);
    expect(await outcome(updatePhoto({ db, actor, photoId, changes: { caption: `${role} 的图片说明` } }))).toBe(expected.editOwn[role]);
  });

  it("edit someone else's upload", async () => {
    const actor = actorFor(role);
    const photoId = await photoBy(n.otherReporter);
    const before = await deniedCount(actor);
    const result = await outcome(updatePhotoMetadata({ db, actor, photoId, caption: "改过的说明", credit: "某人 摄" }));
    expect(result).toBe(expected.editOthers[role]);
    const photo = await db.photo.findUniqueOrThrow({ where: { id: photoId } });
    if (result === "ok") expect(photo.caption).toBe("改过的说明");
    else {
      expect(photo.caption).toBeNull();
      expect(await deniedCount(actor)).toBe(before + 1);
    }
  });

  it("delete", async () => {
    const actor = actorFor(role);
    const photoId = await photoBy(n.photographer);
    const before = await deniedCount(actor);
    const result = await outcome(deletePhoto({ db, storage, actor, photoId }));
    expect(result).toBe(expected.delete[role]);
    expect(await db.photo.count({ where: { id: photoId } })).toBe(result === "ok" ? 0 : 1);
    if (result !== "ok") expect(await deniedCount(actor)).toBe(before + 1);
  });
});

describe("photo changes", () => {
  it("are audited", async () => {
    const photoId = await photoBy(n.photographer);
    await updatePhoto({ db, actor: n.editor, photoId, changes: { credit: "邱昱 摄", focalX: 0.25, focalY: 0.75 } });
    await deletePhoto({ db, storage, actor: n.editor, photoId });
    const actions = await db.auditLog.findMany({ where: { entityId: photoId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual([
      { action: "photo.upload", actorId: n.photographer.id },
      { action: "photo.update", actorId: n.editor.id },
      { action: "photo.delete", actorId: n.editor.id },
    ]);
  });

  it("deleting removes the files too", async () => {
    const photoId = await photoBy(n.photographer);
    const asset = await db.photo.findUniqueOrThrow({ where: { id: photoId } }).asset({ include: { derivatives: true } });
    await deletePhoto({ db, storage, actor: n.admin, photoId });
    expect(await db.asset.count({ where: { id: asset!.id } })).toBe(0);
    for (const key of [asset!.storageKey, ...asset!.derivatives.map((d) => d.storageKey)]) expect(await storage.exists(key)).toBe(false);
  });

  it("refuse to delete a photo used by a story, with a clear message", async () => {
    const photoId = await photoBy(n.photographer);
    const article = await db.article.create({
      data: { publicationId: n.publicationId, headline: "江门新闻", body: { type: "doc", content: [] }, createdById: n.reporter.id },
    });
    await db.articlePhoto.create({ data: { articleId: article.id, photoId, position: 1 } });
    const error = await deletePhoto({ db, storage, actor: n.editor, photoId }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: "INVALID_STATE" });
    expect((error as { messageFor(locale: string): string }).messageFor("zh-CN")).toBe("这张图片已用于 1 篇稿件，不能删除。请先从稿件中移除。");
    expect(await db.photo.count({ where: { id: photoId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "photo.delete", entityId: photoId } })).toBe(0);
  });

  it("refuse bad input with a message naming the field, and change nothing", async () => {
    const photoId = await photoBy(n.photographer);
    const tooLong = await updatePhoto({ db, actor: n.editor, photoId, changes: { credit: "摄".repeat(201) } }).catch((reason: unknown) => reason);
    expect((tooLong as { messageFor(locale: string): string }).messageFor("zh-CN")).toContain("署名");
    const focal = await updatePhoto({ db, actor: n.editor, photoId, changes: { focalX: 1.5, focalY: 0.5 } }).catch((reason: unknown) => reason);
    expect((focal as { messageFor(locale: string): string }).messageFor("en")).toContain("focal point");
    const half = await updatePhoto({ db, actor: n.editor, photoId, changes: { focalX: 0.5 } }).catch((reason: unknown) => reason);
    expect(half).toMatchObject({ code: "INVALID_INPUT" });
    const stranger = await updatePhoto({ db, actor: n.editor, photoId, changes: { photographerId: "0190a4b2-0000-7000-8000-000000000000" } }).catch((reason: unknown) => reason);
    expect(stranger).toMatchObject({ code: "INVALID_INPUT" });
    const photo = await db.photo.findUniqueOrThrow({ where: { id: photoId } });
    expect(photo).toMatchObject({ credit: null, focalX: null, focalY: null, photographerId: null });
    expect(await db.auditLog.count({ where: { action: "photo.update", entityId: photoId } })).toBe(0);
  });
});
