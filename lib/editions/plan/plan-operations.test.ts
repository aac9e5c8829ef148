import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { createEdition } from "./create-edition";
import { loadFlatPlan } from "./load-flat-plan";
import { addPage, movePage, removePage, renamePage, renumberSection, reorderPages } from "./page-operations";
import { continueStory, moveStory, placeStory, unplaceStory } from "./place-story";

// The planning rules: creating editions from the standing page list, page
// numbers and order, story order on pages, moves, 转版 parts, and what a
// removed page leaves behind.

let db: Db;
let n: Newsroom;
let day = 0;
const nextDate = () => new Date(Date.UTC(2032, 0, 1 + day++)).toISOString().slice(0, 10);

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  n = await seedNewsroom(db);
  await db.pageName.createMany({
    data: [
      { publicationId: n.publicationId, name: "要闻", defaultNumber: "A01", position: 1 },
      { publicationId: n.publicationId, name: "综合", defaultNumber: "A02", position: 2 },
      { publicationId: n.publicationId, name: "旧版", defaultNumber: "A09", position: 9, active: false },
      { publicationId: n.publicationId, name: "无号", defaultNumber: null, position: 10 },
    ],
  });
});

async function edition() {
  const created = await createEdition({ db, actor: n.editor, input: { date: nextDate() } });
  const pages = await db.page.findMany({ where: { editionId: created.id }, orderBy: { position: "asc" } });
  return { ...created, pages };
}

async function story(options: { headline?: string; plannedDate?: string; status?: "DRAFT" | "READY" | "KILLED"; byline?: boolean } = {}) {
  const article = await db.article.create({
    data: {
      publicationId: n.publicationId,
      headline: options.headline ?? "稿件",
      body: { type: "doc", content: [] },
      status: options.status ?? "DRAFT",
      plannedDate: options.plannedDate ? new Date(`${options.plannedDate}T00:00:00Z`) : null,
      plannedPageNameId: options.plannedDate ? n.pageNameId : null,
      ...(options.byline ? { bylines: { create: { name: "何榕", role: "REPORTER", display: "□江门日报记者/何榕", position: 1 } } } : {}),
    },
  });
  return article.id;
}

const order = async (pageId: string) =>
  (await db.placement.findMany({ where: { pageId }, orderBy: { position: "asc" }, select: { articleId: true, position: true } })).map((p) => p.articleId);
const parts = async (articleId: string) =>
  (await db.placement.findMany({ where: { articleId }, orderBy: { part: "asc" }, select: { part: true, page: { select: { number: true } } } })).map((p) => `${p.part}:${p.page.number}`);

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, zh: error.messageFor("zh-CN"), en: error.messageFor("en") };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("creating an edition", () => {
  it("takes every active standing page in order, with its usual number, and audits it", async () => {
    const date = nextDate();
    const created = await createEdition({ db, actor: n.editor, input: { date, issueNumber: 12345 } });
    expect(created).toMatchObject({ date, issueNumber: 12345, pages: 4 });
    const pages = await db.page.findMany({ where: { editionId: created.id }, orderBy: { position: "asc" } });
    expect(pages.map((p) => `${p.position} ${p.number} ${p.section} ${p.name}`)).toEqual(["1 A01 A 要闻", "2 A02 A 综合", "3 A05 A 江海新闻", "4 A06 A 无号"]);
    expect(pages.every((p) => p.pageNameId && p.status === "PLANNING")).toBe(true);
    const audit = await db.auditLog.findFirst({ where: { action: "edition.create", entityId: created.id } });
    expect(audit?.actorId).toBe(n.editor.id);
  });

  it("takes only the chosen page names", async () => {
    const names = await db.pageName.findMany({ where: { name: { in: ["江海新闻", "旧版"] } } });
    const created = await createEdition({ db, actor: n.editor, input: { date: nextDate(), pageNameIds: names.map((p) => p.id) } });
    const pages = await db.page.findMany({ where: { editionId: created.id }, orderBy: { position: "asc" } });
    expect(pages.map((p) => p.number)).toEqual(["A05", "A09"]);
  });

  it("refuses a second edition of the same date with a clear message, changing nothing", async () => {
    const date = nextDate();
    await createEdition({ db, actor: n.editor, input: { date } });
    const before = await db.edition.count();
    const error = await refusal(createEdition({ db, actor: n.admin, input: { date } }));
    expect(error.code).toBe("CONFLICT");
    expect(error.zh).toBe(`${date} 这一期已经存在，不能重复创建。`);
    expect(await db.edition.count()).toBe(before);
  });

  it("refuses an impossible date and an empty page list", async () => {
    expect(await outcome(createEdition({ db, actor: n.editor, input: { date: "2031-02-30" } }))).toBe("INVALID_INPUT");
    expect(await outcome(createEdition({ db, actor: n.editor, input: { date: nextDate(), pageNameIds: [] } }))).toBe("INVALID_INPUT");
  });
});

describe("pages", () => {
  it("adds a page with the next free number, refusing a taken or malformed number", async () => {
    const e = await edition();
    const added = await addPage({ db, actor: n.editor, editionId: e.id, name: "体育" });
    expect(added.number).toBe("A07");
    const second = await addPage({ db, actor: n.editor, editionId: e.id, name: "副刊", number: "b01", position: 1 });
    expect(second.number).toBe("B01");
    const pages = await db.page.findMany({ where: { editionId: e.id }, orderBy: { position: "asc" } });
    expect(pages.map((p) => p.number)).toEqual(["B01", "A01", "A02", "A05", "A06", "A07"]);
    expect((await refusal(addPage({ db, actor: n.editor, editionId: e.id, name: "重复", number: "A05" }))).zh).toBe("这一期已经有 A05 版了，请换一个版号。");
    expect((await refusal(addPage({ db, actor: n.editor, editionId: e.id, name: "坏号", number: "5" }))).code).toBe("INVALID_INPUT");
    expect((await refusal(addPage({ db, actor: n.editor, editionId: e.id, name: "  " }))).zh).toBe("请填写版名。");
    expect(await db.page.count({ where: { editionId: e.id } })).toBe(6);
  });

  it("renames a page, linking it to the standing page name of that name", async () => {
    const e = await edition();
    const page = e.pages[3]!;
    await renamePage({ db, actor: n.editor, pageId: page.id, name: "江海新闻" });
    expect(await db.page.findUniqueOrThrow({ where: { id: page.id } })).toMatchObject({ name: "江海新闻", pageNameId: n.pageNameId });
    await renamePage({ db, actor: n.editor, pageId: page.id, name: "两会特刊", number: "A08" });
    expect(await db.page.findUniqueOrThrow({ where: { id: page.id } })).toMatchObject({ name: "两会特刊", number: "A08", pageNameId: null });
    expect(await outcome(renamePage({ db, actor: n.editor, pageId: page.id, name: "x", number: "A01" }))).toBe("CONFLICT");
    const audit = await db.auditLog.findMany({ where: { action: "page.rename", entityId: page.id } });
    expect(audit).toHaveLength(2);
  });

  it("reorders pages keeping their numbers, refuses a stale order, and renumbers a section on request", async () => {
    const e = await edition();
    const ids = e.pages.map((p) => p.id);
    await reorderPages({ db, actor: n.editor, editionId: e.id, pageIds: [ids[2]!, ids[0]!, ids[1]!, ids[3]!] });
    const numbers = async () => (await db.page.findMany({ where: { editionId: e.id }, orderBy: { position: "asc" } })).map((p) => p.number);
    expect(await numbers()).toEqual(["A05", "A01", "A02", "A06"]);
    expect(await outcome(reorderPages({ db, actor: n.editor, editionId: e.id, pageIds: ids.slice(1) }))).toBe("CONFLICT");
    await movePage({ db, actor: n.editor, pageId: ids[3]!, direction: "up" });
    expect(await numbers()).toEqual(["A05", "A01", "A06", "A02"]);
    await renumberSection({ db, actor: n.editor, editionId: e.id, section: "A" });
    expect(await numbers()).toEqual(["A01", "A02", "A03", "A04"]);
    const pages = await db.page.findMany({ where: { editionId: e.id }, orderBy: { position: "asc" } });
    expect(pages.map((p) => p.name)).toEqual(["江海新闻", "要闻", "无号", "综合"]);
    expect(await db.auditLog.count({ where: { action: "page.reorder", entityId: e.id } })).toBe(2);
  });

  it("removing a page keeps its stories: they become unplaced, and a continued story keeps its other part", async () => {
    const e = await edition();
    const [a01, a02] = [e.pages[0]!, e.pages[1]!];
    const alone = await story({ plannedDate: e.date });
    const continued = await story();
    await placeStory({ db, actor: n.editor, pageId: a01.id, articleId: alone });
    await placeStory({ db, actor: n.editor, pageId: a01.id, articleId: continued });
    await continueStory({ db, actor: n.editor, articleId: continued, pageId: a02.id });
    const removed = await removePage({ db, actor: n.editor, pageId: a01.id });
    expect(removed).toEqual({ number: "A01", unplaced: 2 });
    expect(await db.article.count({ where: { id: { in: [alone, continued] } } })).toBe(2);
    expect(await parts(continued)).toEqual(["1:A02"]);
    expect((await db.page.findMany({ where: { editionId: e.id }, orderBy: { position: "asc" } })).map((p) => p.position)).toEqual([1, 2, 3]);
    const plan = await loadFlatPlan({ db, actor: n.editor, date: e.date });
    expect(plan.unplaced.map((s) => s.articleId)).toEqual([alone]);
  });

  it("a published edition's pages and placements cannot change", async () => {
    const e = await edition();
    const id = await story();
    const placed = await placeStory({ db, actor: n.editor, pageId: e.pages[0]!.id, articleId: id });
    await db.edition.update({ where: { id: e.id }, data: { status: "PUBLISHED" } });
    const refused = await refusal(renamePage({ db, actor: n.editor, pageId: e.pages[0]!.id, name: "新名" }));
    expect(refused.code).toBe("INVALID_STATE");
    expect(refused.zh).toMatch(/已发布.*请先撤版/);
    expect(await outcome(removePage({ db, actor: n.editor, pageId: e.pages[0]!.id }))).toBe("INVALID_STATE");
    expect(await outcome(addPage({ db, actor: n.editor, editionId: e.id, name: "加版" }))).toBe("INVALID_STATE");
    expect(await outcome(unplaceStory({ db, actor: n.editor, placementId: placed.placementId }))).toBe("INVALID_STATE");
    expect(await db.page.count({ where: { editionId: e.id } })).toBe(4);
    expect(await db.placement.count({ where: { articleId: id } })).toBe(1);
  });
});

describe("stories on pages", () => {
  it("places stories in order, at a position, and moves them within and across pages", async () => {
    const e = await edition();
    const [a01, a02] = [e.pages[0]!, e.pages[1]!];
    const [s1, s2, s3, s4] = [await story(), await story(), await story(), await story()];
    await placeStory({ db, actor: n.editor, pageId: a01.id, articleId: s1 });
    await placeStory({ db, actor: n.editor, pageId: a01.id, articleId: s2 });
    const third = await placeStory({ db, actor: n.editor, pageId: a01.id, articleId: s3, position: 1 });
    expect(third.position).toBe(1);
    expect(await order(a01.id)).toEqual([s3, s1, s2]);

    const p1 = (await db.placement.findFirstOrThrow({ where: { articleId: s1 } })).id;
    await moveStory({ db, actor: n.editor, placementId: p1, pageId: a01.id, position: 3 });
    expect(await order(a01.id)).toEqual([s3, s2, s1]);

    await placeStory({ db, actor: n.editor, pageId: a02.id, articleId: s4 });
    const moved = await moveStory({ db, actor: n.editor, placementId: p1, pageId: a02.id, position: 1 });
    expect(moved).toMatchObject({ page: "A02", position: 1, changed: true });
    expect(await order(a01.id)).toEqual([s3, s2]);
    expect(await order(a02.id)).toEqual([s1, s4]);
    const positions = await db.placement.findMany({ where: { pageId: { in: [a01.id, a02.id] } }, orderBy: [{ pageId: "asc" }, { position: "asc" }], select: { position: true } });
    expect(positions.map((p) => p.position)).toEqual([1, 2, 1, 2]);
    expect(await db.auditLog.count({ where: { action: "story.move", entityId: s1 } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "story.place", entityId: s3 } })).toBe(1);
  });

  it("refuses placing a placed story twice and a killed story, with clear messages", async () => {
    const e = await edition();
    const id = await story();
    await placeStory({ db, actor: n.editor, pageId: e.pages[0]!.id, articleId: id });
    expect((await refusal(placeStory({ db, actor: n.editor, pageId: e.pages[1]!.id, articleId: id }))).zh).toMatch(/已在 .* A01 版上/);
    const killed = await story({ status: "KILLED" });
    expect((await refusal(placeStory({ db, actor: n.editor, pageId: e.pages[0]!.id, articleId: killed }))).zh).toBe("这篇稿件已撤稿，不能上版。");
    expect(await db.placement.count({ where: { articleId: { in: [id, killed] } } })).toBe(1);
  });

  it("continues a story on other pages (转版) as parts 2, 3 and renumbers parts when one is taken off", async () => {
    const e = await edition();
    const [a01, a02, a05] = [e.pages[0]!, e.pages[1]!, e.pages[2]!];
    const id = await story();
    expect(await outcome(continueStory({ db, actor: n.editor, articleId: id, pageId: a02.id }))).toBe("INVALID_STATE");
    const start = await placeStory({ db, actor: n.editor, pageId: a01.id, articleId: id });
    const second = await continueStory({ db, actor: n.editor, articleId: id, pageId: a02.id });
    expect(second.part).toBe(2);
    await continueStory({ db, actor: n.editor, articleId: id, pageId: a05.id });
    expect(await parts(id)).toEqual(["1:A01", "2:A02", "3:A05"]);
    expect(await outcome(continueStory({ db, actor: n.editor, articleId: id, pageId: a02.id }))).toBe("INVALID_STATE");
    expect(await outcome(moveStory({ db, actor: n.editor, placementId: start.placementId, pageId: a05.id }))).toBe("INVALID_STATE");
    await unplaceStory({ db, actor: n.editor, placementId: start.placementId });
    expect(await parts(id)).toEqual(["1:A02", "2:A05"]);
    expect(await db.auditLog.count({ where: { action: "story.unplace", entityId: id } })).toBe(1);
    const plan = await loadFlatPlan({ db, actor: n.editor, date: e.date });
    const onA05 = plan.pages.find((p) => p.number === "A05")!.stories[0]!;
    expect(onA05).toMatchObject({ part: 2, parts: [{ part: 1, pageNumber: "A02" }, { part: 2, pageNumber: "A05" }] });
  });

  it("a story cannot move to another edition's page", async () => {
    const [one, two] = [await edition(), await edition()];
    const placed = await placeStory({ db, actor: n.editor, pageId: one.pages[0]!.id, articleId: await story() });
    expect(await outcome(moveStory({ db, actor: n.editor, placementId: placed.placementId, pageId: two.pages[0]!.id }))).toBe("INVALID_INPUT");
  });
});

describe("the flat plan", () => {
  it("lists pages with their stories and what is missing, and the stories planned for the date", async () => {
    const e = await edition();
    const ready = await story({ headline: "待发稿", status: "READY", byline: true });
    const draft = await story({ headline: "草稿无署名" });
    const brief = await story({ headline: "简讯", status: "READY" });
    await db.article.update({ where: { id: brief }, data: { noByline: true } });
    const planned = await story({ headline: "拟用稿", plannedDate: e.date });
    await story({ headline: "撤掉的", plannedDate: e.date, status: "KILLED" });
    await placeStory({ db, actor: n.editor, pageId: e.pages[0]!.id, articleId: ready });
    await placeStory({ db, actor: n.editor, pageId: e.pages[0]!.id, articleId: draft });
    await placeStory({ db, actor: n.editor, pageId: e.pages[0]!.id, articleId: brief });
    const plan = await loadFlatPlan({ db, actor: n.editor, date: e.date });
    expect(plan.edition).toMatchObject({ id: e.id, date: e.date, status: "PLANNING" });
    const [a01, a02] = plan.pages;
    expect(a01!.stories.map((s) => [s.headline, s.status, s.bylines, s.noByline])).toEqual([
      ["待发稿", "READY", ["□江门日报记者/何榕"], false],
      ["草稿无署名", "DRAFT", [], false],
      // Printed without a byline (不署名): none is missing.
      ["简讯", "READY", [], true],
    ]);
    expect(a01!.missing).toEqual([{ kind: "noPdf" }, { kind: "notReady", headlines: ["草稿无署名"] }, { kind: "noByline", headlines: ["草稿无署名"] }]);
    expect(a02!.missing).toEqual([{ kind: "noPdf" }, { kind: "noStories" }]);
    expect(a01!.thumbnail).toBeNull();
    const jianghai = plan.pages.find((p) => p.name === "江海新闻")!;
    expect(plan.unplaced).toEqual([expect.objectContaining({ articleId: planned, plannedPageName: "江海新闻", suggestedPageId: jianghai.id })]);
  });

  it("shows the 240 px page image as the thumbnail", async () => {
    const e = await edition();
    const asset = await db.asset.create({
      data: {
        kind: "PAGE_IMAGE", storageKey: `pages/${e.id}.png`, mimeType: "image/png", byteSize: 1, sha256: "x",
        derivatives: { create: [240, 640, 1200].map((width) => ({ width, height: width * 1.4, mimeType: "image/webp", storageKey: `pages/${e.id}-${width}.webp`, byteSize: 1 })) },
      },
    });
    await db.page.update({ where: { id: e.pages[0]!.id }, data: { imageAssetId: asset.id, pdfAssetId: asset.id, renderStatus: "READY" } });
    const plan = await loadFlatPlan({ db, actor: n.editor, date: e.date });
    expect(plan.pages[0]!.thumbnail).toEqual({ url: `/media/pages/${e.id}-240.webp`, width: 240, height: 336 });
    expect(plan.pages[0]!.missing).toEqual([{ kind: "noStories" }]);
  });

  it("an unknown date is NOT_FOUND", async () => {
    expect(await outcome(loadFlatPlan({ db, actor: n.editor, date: "2099-01-01" }))).toBe("NOT_FOUND");
    expect(await outcome(loadFlatPlan({ db, actor: n.editor, date: "nonsense" }))).toBe("NOT_FOUND");
  });
});
