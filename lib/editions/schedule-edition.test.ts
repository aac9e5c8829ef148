import { revalidateTag } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { cacheTags, isCacheTag } from "@/lib/reader/cache-tags";
import { isRevalidationToken, revalidationToken } from "@/lib/reader/remote-revalidation";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { preflightEdition } from "./preflight";
import { PreflightFailedError } from "./publish-edition";
import { runDueSchedules, scheduleEdition, unscheduleEdition } from "./schedule-edition";

let db: Db;
let n: Newsroom;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  n = await seedNewsroom(db);
});

/** A one-page edition that passes pre-flight: page image, a ready story with a byline and its region. */
async function readyEdition(date: string) {
  const image = await db.asset.create({ data: { kind: "PAGE_IMAGE", storageKey: `page-images/aa/${date}.png`, mimeType: "image/png", byteSize: 1, sha256: date, width: 10, height: 10 } });
  const edition = await db.edition.create({ data: { publicationId: n.publicationId, date: new Date(`${date}T00:00:00Z`) } });
  const page = await db.page.create({ data: { editionId: edition.id, number: "A01", section: "A", position: 1, name: "要闻", imageAssetId: image.id, renderStatus: "READY" } });
  const article = await db.article.create({
    data: {
      publicationId: n.publicationId,
      headline: `${date} 头条`,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }] },
      status: "READY",
      bylines: { create: { name: "何榕", role: "REPORTER", display: "□江门日报记者/何榕", position: 1 } },
    },
  });
  const placement = await db.placement.create({ data: { articleId: article.id, pageId: page.id, position: 1 } });
  await db.region.create({ data: { pageId: page.id, placementId: placement.id, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]] } });
  return { editionId: edition.id, articleId: article.id, pageId: page.id };
}

describe("pre-flight", () => {
  it("passes a complete edition and names each missing piece otherwise", async () => {
    const { editionId, articleId, pageId } = await readyEdition("2031-01-01");
    expect(await preflightEdition({ db, editionId })).toEqual([]);
    await db.byline.deleteMany({ where: { articleId } });
    await db.region.deleteMany({ where: { pageId } });
    await db.article.update({ where: { id: articleId }, data: { status: "EDITING" } });
    const codes = (await preflightEdition({ db, editionId })).map((problem) => problem.code);
    expect(codes.sort()).toEqual(["story_no_byline", "story_no_region", "story_not_ready"]);
  });
});

describe("scheduled publishing", () => {
  it("refuses a time in the past, a reporter, and an edition with problems unless a reason is given", async () => {
    const { editionId, pageId } = await readyEdition("2031-02-01");
    const now = new Date("2031-01-31T12:00:00Z");
    expect(await outcome(scheduleEdition({ db, actor: n.editor, editionId, at: new Date("2031-01-31T11:00:00Z"), now }))).toBe("INVALID_INPUT");
    expect(await outcome(scheduleEdition({ db, actor: n.reporter, editionId, at: new Date("2031-02-01T00:00:00Z"), now }))).toBe("FORBIDDEN");
    await db.region.deleteMany({ where: { pageId } });
    await expect(scheduleEdition({ db, actor: n.editor, editionId, at: new Date("2031-02-01T00:00:00Z"), now })).rejects.toBeInstanceOf(PreflightFailedError);
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).status).toBe("PLANNING");
    await scheduleEdition({ db, actor: n.editor, editionId, at: new Date("2031-02-01T00:00:00Z"), now, override: "热区稍后补" });
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).status).toBe("SCHEDULED");
    await unscheduleEdition({ db, actor: n.editor, editionId });
    expect((await db.edition.findUniqueOrThrow({ where: { id: editionId } })).status).toBe("PLANNING");
  });

  it("publishes at its time (not before), once, as the editor who scheduled it, even when two instances run", async () => {
    const { editionId, articleId } = await readyEdition("2031-03-01");
    const at = new Date("2031-02-28T16:00:00Z");
    await scheduleEdition({ db, actor: n.editor, editionId, at, now: new Date("2031-02-28T10:00:00Z") });
    expect(await runDueSchedules({ db, now: new Date("2031-02-28T15:59:59Z") })).toEqual([]);
    vi.mocked(revalidateTag).mockClear();

    const [first, second] = await Promise.all([runDueSchedules({ db, now: at }), runDueSchedules({ db, now: at })]);
    expect([...first, ...second]).toEqual([{ editionId, published: true }]);
    const edition = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    expect(edition).toMatchObject({ status: "PUBLISHED", publishedById: n.editor.id, scheduledAt: null });
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("PUBLISHED");
    expect(await db.auditLog.count({ where: { entityId: editionId, action: "edition.publish" } })).toBe(1);
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(n.publicationId), { expire: 0 });
  });

  it("reports loudly when it cannot publish: back to planning, the reason stored and audited", async () => {
    const { editionId } = await readyEdition("2031-04-01");
    const scheduler = await db.user.create({ data: { email: "leaver@newsroom.test", name: "离职编辑", role: "EDITOR", passwordHash: "x" } });
    await scheduleEdition({ db, actor: { id: scheduler.id, role: "EDITOR" }, editionId, at: new Date("2031-03-31T16:00:00Z"), now: new Date("2031-03-30T00:00:00Z") });
    await db.user.update({ where: { id: scheduler.id }, data: { disabled: true } });
    const log = vi.fn();
    const results = await runDueSchedules({ db, now: new Date("2031-03-31T16:00:05Z"), log });
    expect(results).toEqual([{ editionId, published: false, error: "安排定时发布的账号已停用或不存在。" }]);
    const edition = await db.edition.findUniqueOrThrow({ where: { id: editionId } });
    expect(edition.status).toBe("PLANNING");
    expect(edition.scheduleError).toContain("定时发布失败");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("FAILED"));
    expect(await db.auditLog.count({ where: { entityId: editionId, action: "edition.schedule_failed" } })).toBe(1);
  });
});

describe("revalidation from outside a request", () => {
  it("accepts only the server's own token and only reader cache tags", () => {
    const token = revalidationToken("a-secret-of-at-least-thirty-two-chars!!");
    expect(isRevalidationToken("a-secret-of-at-least-thirty-two-chars!!", token)).toBe(true);
    expect(isRevalidationToken("another-secret-of-at-least-thirty-two!!", token)).toBe(false);
    expect(isRevalidationToken("a-secret-of-at-least-thirty-two-chars!!", null)).toBe(false);
    expect(isCacheTag(cacheTags.publication("01a2204c-ab80-741c-befc-4ec81a082185"))).toBe(true);
    expect(isCacheTag(cacheTags.edition("01a2204c-ab80-741c-befc-4ec81a082185", "2023-03-13"))).toBe(true);
    expect(isCacheTag("/admin")).toBe(false);
  });
});
