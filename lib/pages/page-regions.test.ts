import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage } from "@/tests/helpers/database";
import { outcome, seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { createStoryFromRegion, storyFromParts, storyTextFrom } from "./create-story-from-region";
import { matchPageFile } from "./match-page-file";
import { nextRegionNumber } from "./region-numbers";
import { rectangle } from "./region-schema";
import { regionsVersion } from "./regions-version";
import { savePageRegions } from "./save-page-regions";
import { bodyOf, importDemoEdition, readFixturePdf } from "./test-pages";
import { uploadPagePdf } from "./upload-page-pdf";

describe("matchPageFile", () => {
  const pages = [{ number: "A01" }, { number: "A05" }, { number: "B12" }];
  it.each([
    ["A05.pdf", "A05"],
    ["a05.PDF", "A05"],
    ["A5.pdf", "A05"],
    ["2023-03-13-A05.pdf", "A05"],
    ["b12.pdf", "B12"],
  ])("matches %s to %s", (name, number) => expect(matchPageFile(name, pages)?.number).toBe(number));
  it.each(["A06.pdf", "cover.pdf", "A.pdf", "05.pdf"])("matches %s to no page", (name) => expect(matchPageFile(name, pages)).toBeNull());
});

describe("storyTextFrom", () => {
  it("takes the detected headline and makes a paragraph of each line, without repeating the headline", () => {
    expect(storyTextFrom("共建科研平台\n\n第一段。\n第二段。", "共建 科研平台")).toEqual({ headline: "共建 科研平台", paragraphs: ["第一段。", "第二段。"] });
    expect(storyTextFrom("标题行\n正文。", null)).toEqual({ headline: "标题行", paragraphs: ["正文。"] });
  });
});

describe("storyFromParts", () => {
  const parts = { kicker: "引题", headline: "主题", subtitle: null, byline: "文/图 江门日报记者 何榕", paragraphs: ["", "正文。"], captions: [] };
  it("keeps a byline line it cannot read as bylines in the editorial note, as printed", () => {
    expect(storyFromParts(parts, null)).toMatchObject({ bylines: [], editorialNote: "版面署名：文/图 江门日报记者 何榕（未能识别为署名，请在“署名”中填写）" });
  });
  it("takes the detected headline, else the first paragraph, when the parts have none", () => {
    expect(storyFromParts({ ...parts, headline: " ", byline: null }, "识别标题")).toMatchObject({ headline: "识别标题", editorialNote: null });
    const fromBody = storyFromParts({ ...parts, headline: "", byline: null, paragraphs: ["第一段当标题", "正文。"] }, null);
    expect(fromBody.headline).toBe("第一段当标题");
    expect(fromBody.body).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "正文。" }] }] });
  });
});

describe("page regions", () => {
  let db: Db;
  let storage: DiskStorage;
  let newsroom: Newsroom;
  let a05: string;
  let a01: string;
  let a06: string;
  let placementOnA05: string;
  let placementOnA01: string;

  beforeAll(async () => {
    ({ db } = await createMigratedDatabase());
    storage = await createTestStorage();
    newsroom = await seedNewsroom(db);
    const { page } = await importDemoEdition(db, storage);
    a05 = page("A05").id;
    a01 = page("A01").id;
    a06 = page("A06").id;
    placementOnA05 = (await db.placement.findFirstOrThrow({ where: { pageId: a05 } })).id;
    placementOnA01 = (await db.placement.findFirstOrThrow({ where: { pageId: a01 } })).id;
  });
  afterAll(() => db.$disconnect());

  const box = rectangle({ x: 0.1, y: 0.1, w: 0.3, h: 0.2 });
  const save = (actor: Actor, regions: unknown[], pageId = a05) =>
    savePageRegions({ db, actor, input: { pageId, regions } as Parameters<typeof savePageRegions>[0]["input"] });
  const snapshot = () => db.region.findMany({ where: { pageId: a05 }, orderBy: { id: "asc" } });

  it("creates, updates and deletes regions in one save, each audited", async () => {
    const first = await save(newsroom.editor, [
      { polygon: box, placementId: placementOnA05 },
      { polygon: rectangle({ x: 0.5, y: 0.5, w: 0.2, h: 0.2 }), placementId: null },
    ]);
    expect(first).toEqual({ created: 2, updated: 0, deleted: 0 });
    const [kept, dropped] = await db.region.findMany({ where: { pageId: a05 }, orderBy: { createdAt: "asc" } });
    await db.region.update({ where: { id: kept!.id }, data: { moved: true } });

    const moved = rectangle({ x: 0.15, y: 0.1, w: 0.3, h: 0.2 });
    const second = await save(newsroom.editor, [{ id: kept!.id, polygon: moved, placementId: null }]);
    expect(second).toEqual({ created: 0, updated: 1, deleted: 1 });
    const after = await db.region.findUniqueOrThrow({ where: { id: kept!.id } });
    expect(after).toMatchObject({ polygon: moved, placementId: null, moved: false, source: "MANUAL" });
    expect(await db.region.findUnique({ where: { id: dropped!.id } })).toBeNull();
    const actions = (await db.auditLog.findMany({ where: { entityType: "region" }, orderBy: { createdAt: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["region.create", "region.create", "region.delete", "region.update"]);

    // Saving the same list again changes (and audits) nothing.
    expect(await save(newsroom.editor, [{ id: kept!.id, polygon: moved, placementId: null }])).toEqual({ created: 0, updated: 0, deleted: 0 });
  });

  it("numbers new regions after the page's highest number; a region keeps its number when moved or reassigned", async () => {
    const numbers = async () => (await db.region.findMany({ where: { pageId: a06 }, orderBy: { number: "asc" } })).map((region) => [region.number, region.id] as const);
    const placement = (await db.placement.findFirstOrThrow({ where: { pageId: a06 } })).id;
    expect(nextRegionNumber(await db.region.findMany({ where: { pageId: a06 }, select: { number: true } }))).toBe(1);
    await save(newsroom.editor, [1, 2, 3].map((index) => ({ polygon: rectangle({ x: 0.1 * index, y: 0.1, w: 0.05, h: 0.05 }), placementId: null })), a06);
    const first = await numbers();
    expect(first.map(([number]) => number)).toEqual([1, 2, 3]);
    const [one, two, three] = first.map(([, id]) => id);

    // Region 2 is moved and given a story, region 3 deleted, and a new one drawn: it is 4 (3 is not reused in the same save).
    await save(
      newsroom.editor,
      [
        { id: one, polygon: rectangle({ x: 0.1, y: 0.1, w: 0.05, h: 0.05 }), placementId: null },
        { id: two, polygon: rectangle({ x: 0.5, y: 0.5, w: 0.2, h: 0.2 }), placementId: placement },
        { polygon: box, placementId: null },
      ],
      a06,
    );
    const second = await numbers();
    expect(second.map(([number]) => number)).toEqual([1, 2, 4]);
    expect(second.slice(0, 2).map(([, id]) => id)).toEqual([one, two]);
    expect(second.map(([, id]) => id)).not.toContain(three);
    expect(nextRegionNumber(await db.region.findMany({ where: { pageId: a06 }, select: { number: true } }))).toBe(5);

    // Deleting a region below the highest leaves the others' numbers alone; the next new one still counts on.
    await save(newsroom.editor, [{ id: two, polygon: rectangle({ x: 0.5, y: 0.5, w: 0.2, h: 0.2 }), placementId: placement }, { id: second[2]![1], polygon: box, placementId: null }, { polygon: box, placementId: null }], a06);
    expect((await numbers()).map(([number]) => number)).toEqual([2, 4, 5]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "region.create", data: { path: ["pageId"], equals: a06 } }, orderBy: { createdAt: "desc" } });
    expect(audit.data).toMatchObject({ number: 5 });
  });

  it("refuses a save based on regions that changed since the editor loaded them, changing nothing", async () => {
    const loaded = regionsVersion(await snapshot());
    // Someone else saves first (or a new PDF's detection replaces the regions).
    await save(newsroom.editor, [{ polygon: rectangle({ x: 0.2, y: 0.2, w: 0.1, h: 0.1 }), placementId: null }]);
    const theirs = await snapshot();
    const stale = savePageRegions({ db, actor: newsroom.editor, input: { pageId: a05, regions: [], baseVersion: loaded } });
    await expect(stale).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await snapshot()).toEqual(theirs);
    // Based on the current version, the same save goes through.
    const current = regionsVersion(theirs);
    expect(await savePageRegions({ db, actor: newsroom.editor, input: { pageId: a05, regions: [], baseVersion: current } })).toMatchObject({ deleted: 1 });
  });

  const invalid: [string, () => unknown[], string][] = [
    ["a coordinate off the page", () => [{ polygon: [[0, 0], [1.2, 0], [1, 1]], placementId: null }], "坐标"],
    ["a negative coordinate", () => [{ polygon: [[-0.1, 0], [1, 0], [1, 1]], placementId: null }], "坐标"],
    ["two points", () => [{ polygon: [[0, 0], [1, 1]], placementId: null }], "至少有 3 个点"],
    ["a number that is not one", () => [{ polygon: [[0, 0], [Number.NaN, 0], [1, 1]], placementId: null }], "坐标"],
    ["a placement of another page", () => [{ polygon: box, placementId: placementOnA01 }], "本版"],
    ["a placement id that is not a uuid", () => [{ polygon: box, placementId: "x" }], "本版"],
    ["a region of another page", () => [{ id: "00000000-0000-7000-8000-000000000001", polygon: box, placementId: null }], "不属于这一版"],
    ["too many regions", () => Array.from({ length: 301 }, () => ({ polygon: box, placementId: null })), "300"],
  ];
  for (const [what, regions, message] of invalid) {
    it(`refuses ${what} with a clear message and changes nothing`, async () => {
      const before = await snapshot();
      const audits = await db.auditLog.count();
      const error = await save(newsroom.editor, regions()).catch((reason: unknown) => reason);
      expect(error).toMatchObject({ code: "INVALID_INPUT" });
      expect((error as { messageFor: (locale: "zh-CN") => string }).messageFor("zh-CN")).toContain(message);
      expect(await snapshot()).toEqual(before);
      expect(await db.auditLog.count()).toBe(audits);
    });
  }

  it("creates a draft story from an unmatched region's text, places it last on the page and links the region", async () => {
    const region = await db.region.create({
      data: { pageId: a05, polygon: box, source: "AUTO", confidence: 0.2, extractedHeadline: "新发现的稿件", extractedText: "新发现的稿件\n第一段正文。\n\n第二段正文。" },
    });
    const positions = (await db.placement.findMany({ where: { pageId: a05 } })).map((placement) => placement.position);
    const result = await createStoryFromRegion({ db, actor: newsroom.editor, regionId: region.id });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId } });
    expect(article).toMatchObject({ status: "DRAFT", headline: "新发现的稿件", createdById: newsroom.editor.id });
    expect(article.body).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "第一段正文。" }] },
        { type: "paragraph", content: [{ type: "text", text: "第二段正文。" }] },
      ],
    });
    const placement = await db.placement.findUniqueOrThrow({ where: { id: result.placementId } });
    expect(placement).toMatchObject({ pageId: a05, part: 1, position: Math.max(...positions) + 1 });
    expect((await db.region.findUniqueOrThrow({ where: { id: region.id } })).placementId).toBe(placement.id);
    expect(await db.auditLog.count({ where: { action: "story.create_from_region", entityId: article.id } })).toBe(1);

    const articles = await db.article.count();
    expect(await outcome(createStoryFromRegion({ db, actor: newsroom.editor, regionId: region.id }))).toBe("INVALID_STATE");
    expect(await db.article.count()).toBe(articles);
  });

  it("fills a story's fields from the region's parts: bylines as printed, photo captions in the editorial note, not the body", async () => {
    const region = await db.region.create({
      data: {
        pageId: a05,
        polygon: box,
        source: "AUTO",
        number: 90,
        extractedHeadline: "江海区首个“招聘夜市”热闹开市",
        extractedText: "全文（旧字段，此处不用）",
        extractedParts: {
          kicker: "稳就业 促发展",
          headline: "江海区首个“招聘夜市”热闹开市",
          subtitle: "60余家企业提供岗位1200多个",
          byline: "□江门日报记者/区晓琳 通讯员/江宣",
          paragraphs: ["3月10日晚，江海区首个“招聘夜市”开市。", "现场人头攒动。"],
          captions: ["求职者在招聘夜市了解岗位信息。区晓琳 摄"],
        },
      },
    });
    const result = await createStoryFromRegion({ db, actor: newsroom.editor, regionId: region.id });
    const article = await db.article.findUniqueOrThrow({ where: { id: result.articleId }, include: { bylines: { orderBy: { position: "asc" } } } });
    expect(article).toMatchObject({
      status: "DRAFT",
      kicker: "稳就业 促发展",
      headline: "江海区首个“招聘夜市”热闹开市",
      subtitle: "60余家企业提供岗位1200多个",
      editorialNote: "版面图片说明：求职者在招聘夜市了解岗位信息。区晓琳 摄",
    });
    expect(article.body).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "3月10日晚，江海区首个“招聘夜市”开市。" }] },
        { type: "paragraph", content: [{ type: "text", text: "现场人头攒动。" }] },
      ],
    });
    // Free-form bylines (no person): the editor picks the person if there is one; the editor's own byline is not added.
    expect(article.bylines.map(({ personId, name, role, organisation, display }) => ({ personId, name, role, organisation, display }))).toEqual([
      { personId: null, name: "区晓琳", role: "REPORTER", organisation: "江门日报", display: "□江门日报记者/区晓琳" },
      { personId: null, name: "江宣", role: "CORRESPONDENT", organisation: null, display: "通讯员/江宣" },
    ]);
    expect((await db.region.findUniqueOrThrow({ where: { id: region.id } })).placementId).toBe(result.placementId);
  });

  it("makes one story when two editors create it from the same region at once, and leaves no stray draft", async () => {
    const region = await db.region.create({ data: { pageId: a05, polygon: box, extractedHeadline: "同时点击的稿件", extractedText: "同时点击的稿件\n正文。" } });
    const articles = await db.article.count();
    const results = await Promise.all([1, 2].map(() => outcome(createStoryFromRegion({ db, actor: newsroom.editor, regionId: region.id }))));
    expect(results.sort()).toEqual(["INVALID_STATE", "ok"]);
    expect(await db.article.count()).toBe(articles + 1);
    expect(await db.article.count({ where: { headline: "同时点击的稿件", placements: { none: {} } } })).toBe(0);
  });

  it("refuses to create a story from a region without text", async () => {
    const region = await db.region.create({ data: { pageId: a05, polygon: box } });
    const articles = await db.article.count();
    expect(await outcome(createStoryFromRegion({ db, actor: newsroom.editor, regionId: region.id }))).toBe("INVALID_STATE");
    expect(await db.article.count()).toBe(articles);
  });

  describe("permissions: only the desk (admin, editor) uploads pages and edits regions", () => {
    const roles = ["admin", "editor", "reporter", "photographer"] as const;
    const allowed = { admin: true, editor: true, reporter: false, photographer: false };

    for (const role of roles) {
      it(`${role}: ${allowed[role] ? "allowed" : "refused, audited, nothing changed"}`, async () => {
        const actor = newsroom[role];
        const pageBefore = await db.page.findUniqueOrThrow({ where: { id: a01 } });
        const regionsBefore = await db.region.findMany({ where: { pageId: a01 }, orderBy: { id: "asc" } });
        const articlesBefore = await db.article.count();
        const region = await db.region.create({ data: { pageId: a01, polygon: box, extractedHeadline: `来自区域 ${role}`, extractedText: "正文。" } });
        const regionsWithNew = [...regionsBefore.map((r) => ({ id: r.id, polygon: r.polygon, placementId: r.placementId })), { id: region.id, polygon: box, placementId: null }];
        const denialsBefore = await db.auditLog.count({ where: { action: "permission.denied", actorId: actor.id } });

        const results = [
          await outcome(uploadPagePdf({ db, storage, actor, pageId: a01, body: bodyOf(await readFixturePdf()) })),
          await outcome(save(actor, [...regionsWithNew, { polygon: box, placementId: placementOnA01 }], a01)),
          await outcome(createStoryFromRegion({ db, actor, regionId: region.id })),
        ];
        if (allowed[role]) {
          expect(results).toEqual(["ok", "ok", "ok"]);
          await db.page.update({ where: { id: a01 }, data: { renderStatus: pageBefore.renderStatus, pendingPdfAssetId: pageBefore.pendingPdfAssetId } });
        } else {
          expect(results).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"]);
          expect(await db.page.findUniqueOrThrow({ where: { id: a01 } })).toEqual(pageBefore);
          expect(await db.region.count({ where: { pageId: a01 } })).toBe(regionsBefore.length + 1);
          expect((await db.region.findUniqueOrThrow({ where: { id: region.id } })).placementId).toBeNull();
          expect(await db.article.count()).toBe(articlesBefore);
          expect(await db.auditLog.count({ where: { action: "permission.denied", actorId: actor.id } })).toBe(denialsBefore + 3);
        }
        await db.region.deleteMany({ where: { pageId: a01 } });
      });
    }
  });
});
