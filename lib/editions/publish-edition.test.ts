import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { cacheTags } from "@/lib/reader/cache-tags";
import { findEditionDates } from "@/lib/reader/find-edition-dates";
import { findEditionView } from "@/lib/reader/find-edition-view";
import { createMigratedDatabase, createTestStorage, demoDir } from "@/tests/helpers/database";
import { importEdition } from "./import-edition";
import { PreflightFailedError, publishEdition, withdrawEdition } from "./publish-edition";
import path from "node:path";

let db: Db;
let publicationId: string;
let editionId: string;
const editor = { id: "", role: "EDITOR" as const };
const reporter = { id: "", role: "REPORTER" as const };

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  process.env.DATABASE_URL = created.url;
  publicationId = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
  editor.id = (await db.user.create({ data: { email: "e@x.test", name: "编辑", role: "EDITOR", passwordHash: "x" } })).id;
  reporter.id = (await db.user.create({ data: { email: "r@x.test", name: "记者", role: "REPORTER", passwordHash: "x" } })).id;
  const report = await importEdition({ db, storage: await createTestStorage(), folder: path.join(demoDir, "editions", "2023-03-12") });
  editionId = report.editionId;
  await db.article.updateMany({ data: { status: "READY" } });
});

beforeEach(() => vi.mocked(revalidateTag).mockClear());

describe("publishing an edition", () => {
  it("is refused to a reporter, audited, and changes nothing", async () => {
    const error = await publishEdition({ db, actor: reporter, editionId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
    expect((error as AppError).messageFor("zh-CN")).toBe("您没有执行此操作的权限。");
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).status).toBe("PLANNING");
    expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: reporter.id } })).toBe(1);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("runs pre-flight first: without page images or regions it is refused, listing what is missing, and nothing changes", async () => {
    const error = await publishEdition({ db, actor: editor, editionId }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PreflightFailedError);
    const problems = (error as PreflightFailedError).problems;
    expect(problems.map((problem) => problem.code)).toContain("page_no_image");
    expect(problems.map((problem) => problem.code)).toContain("story_no_region");
    expect(problems.find((problem) => problem.code === "page_no_image")).toMatchObject({ "zh-CN": "第A01版还没有版面图（请上传版面 PDF）。", href: "/admin/editions/2023-03-12/pages/A01" });
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).status).toBe("PLANNING");
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it("makes the whole edition visible to readers at once and revalidates the reader cache", async () => {
    expect(await findEditionView(publicationId, "2023-03-12")).toBeNull();
    await publishEdition({ db, actor: editor, editionId, override: "版面图稍后补上" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "edition.publish" } });
    expect(audit.data).toMatchObject({ overrideReason: "版面图稍后补上" });

    const edition = await findEditionView(publicationId, "2023-03-12");
    expect(edition?.pages).toHaveLength(4);
    expect(edition!.pages.every((page) => page.articles.length > 0)).toBe(true);
    expect(await db.article.count({ where: { status: "READY" } })).toBe(0);
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(publicationId), { expire: 0 });
    expect(await findEditionDates(publicationId)).toEqual(["2023-03-12"]);
  });

  it("withdraws (撤版) with a reason: the edition disappears from the reader site", async () => {
    await expect(withdrawEdition({ db, actor: editor, editionId, reason: " " })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await withdrawEdition({ db, actor: editor, editionId, reason: "版面有误" });
    expect(await findEditionView(publicationId, "2023-03-12")).toBeNull();
    expect(await findEditionDates(publicationId)).toEqual([]);
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(publicationId), { expire: 0 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "edition.withdraw" } });
    expect(audit.data).toEqual({ reason: "版面有误" });
  });

  it("republishes a withdrawn edition, keeping its first publication time", async () => {
    const before = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    await publishEdition({ db, actor: editor, editionId, override: "重新发布", now: new Date("2030-01-01T00:00:00Z") });
    const after = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    expect(after.status).toBe("PUBLISHED");
    expect(after.publishedAt).toEqual(before.publishedAt);
    expect(after.withdrawnAt).toBeNull();
  });
});
