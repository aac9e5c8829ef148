import { revalidateTag } from "next/cache";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { cacheTags } from "@/lib/reader/cache-tags";
import { createMigratedDatabase } from "@/tests/helpers/database";
import { seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { correctStory } from "./correct-story";
import { createStory } from "./create-story";
import { touchPresence } from "./presence";
import { getRevisionContent, listRevisions, restoreRevision } from "./revisions";
import { saveStory } from "./save-story";
import { StoryConflictError } from "./story-conflict";
import { storyContentFrom, storyContentSelect, type StoryContentInput } from "./story-content";
import { loadStoryEditor } from "./load-story-editor";
import { diffStoryContents, diffText } from "./story-diff";

let db: Db;
let n: Newsroom;

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  n = await seedNewsroom(db);
});
beforeEach(() => vi.mocked(revalidateTag).mockClear());

const stored = (id: string) => db.article.findUniqueOrThrow({ where: { id }, select: storyContentSelect });
const paragraph = (text: string) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] });
const subhead = (text: string) => ({ type: "heading" as const, attrs: { level: 3 as const }, content: [{ type: "text" as const, text }] });

const chinese: StoryContentInput = {
  kicker: "“双区”驱动 ——江门“十四五”",
  headline: "江门：今年招商引资5000万元（含GDP）！",
  subtitle: "《侨都》记者调查：“快！”",
  body: {
    type: "doc",
    content: [paragraph("　　3月12日，记者从市商务局获悉：全市新签约项目……共计5000万元；“稳中求进”。"), subhead("一、项目落地"), paragraph("第二段：《通知》指出——"), subhead("二、下一步")],
  },
  summary: "摘要：招商引资？是的！",
  editorialNote: "请核对数字（5000万元）。",
};

describe("saving a story", () => {
  it("round-trips Chinese text with full-width punctuation unchanged", async () => {
    const { id } = await createStory({ db, actor: n.reporter });
    await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 1, content: chinese });
    const stored = await db.article.findUniqueOrThrow({ where: { id } });
    expect(stored.kicker).toBe(chinese.kicker);
    expect(stored.headline).toBe(chinese.headline);
    expect(stored.subtitle).toBe(chinese.subtitle);
    expect(stored.body).toEqual(chinese.body);
    expect(stored.summary).toBe(chinese.summary);
    expect(await getRevisionContent({ db, actor: n.reporter, storyId: id, version: 2 })).toMatchObject({ headline: chinese.headline, body: chinese.body });
  });

  it("gives the reporter's byline identity to a new story and counts words as 字数", async () => {
    const { id } = await createStory({ db, actor: n.reporter, content: chinese });
    const story = await db.article.findUniqueOrThrow({ where: { id }, include: { bylines: true } });
    expect(story.bylines.map((byline) => byline.display)).toEqual(["□江门日报记者/何榕"]);
    expect(story.wordCount).toBeGreaterThan(60);
  });

  it("makes every save a revision with who and when, and skips saves that change nothing", async () => {
    const { id } = await createStory({ db, actor: n.reporter });
    await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 1, content: { ...chinese, headline: "第一稿" } });
    const unchanged = await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 2, content: { ...chinese, headline: "第一稿" } });
    expect(unchanged).toMatchObject({ version: 2, changed: false });
    await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 2, content: { ...chinese, headline: "第二稿" } });
    const revisions = await listRevisions({ db, actor: n.reporter, storyId: id });
    expect(revisions.map((revision) => [revision.version, revision.createdBy?.name])).toEqual([
      [3, "何榕"],
      [2, "何榕"],
      [1, "何榕"],
    ]);
  });

  it("saves 不署名 (printed without a byline) with the story, as a version of its own, bylines kept", async () => {
    const { id } = await createStory({ db, actor: n.reporter, content: chinese });
    const saved = await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 1, content: { ...storyContentFrom(await stored(id)), noByline: true } });
    expect(saved).toMatchObject({ version: 2, changed: true });
    const story = await db.article.findUniqueOrThrow({ where: { id }, include: { bylines: true } });
    expect(story.noByline).toBe(true);
    expect(story.bylines.map((byline) => byline.display)).toEqual(["□江门日报记者/何榕"]);
    const [before, after] = await Promise.all([1, 2].map((version) => getRevisionContent({ db, actor: n.reporter, storyId: id, version })));
    expect([before!.noByline, after!.noByline]).toEqual([false, true]);
    expect(diffStoryContents(before!, after!).map((field) => field.field)).toEqual(["noByline"]);
    expect((await loadStoryEditor({ db, actor: n.editor, storyId: id })).content.noByline).toBe(true);
    // A save without the field (an older editor) leaves it off: the content is sent whole.
    await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 2, content: chinese });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).noByline).toBe(false);
  });

  it("restores an old version as a new revision, keeping history", async () => {
    const { id } = await createStory({ db, actor: n.reporter });
    await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 1, content: { ...chinese, headline: "原标题" } });
    await saveStory({ db, actor: n.reporter, storyId: id, baseVersion: 2, content: { ...chinese, headline: "改坏的标题" } });
    const restored = await restoreRevision({ db, actor: n.reporter, storyId: id, version: 2, baseVersion: 3 });
    expect(restored.version).toBe(4);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe("原标题");
    const revisions = await listRevisions({ db, actor: n.reporter, storyId: id });
    expect(revisions[0]).toMatchObject({ version: 4, note: "restored v2" });
    expect(revisions).toHaveLength(4);
  });
});

describe("two people saving the same version", () => {
  it("refuses the second save with the first one's text, and loses nothing", async () => {
    const { id } = await createStory({ db, actor: n.reporter, content: chinese });
    await saveStory({ db, actor: n.editor, storyId: id, baseVersion: 1, content: { ...chinese, headline: "编辑甲的标题" } });
    const error = await saveStory({ db, actor: n.secondEditor, storyId: id, baseVersion: 1, content: { ...chinese, headline: "编辑乙的标题" } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoryConflictError);
    const conflict = (error as StoryConflictError).current;
    expect(conflict).toMatchObject({ version: 2, updatedByName: "梁晓婷" });
    expect(conflict.content.headline).toBe("编辑甲的标题");
    expect((error as StoryConflictError).messageFor("zh-CN")).toContain("保存冲突");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe("编辑甲的标题");

    // Overwriting knowingly: the second editor saves on top of version 2; both texts stay in history.
    await saveStory({ db, actor: n.secondEditor, storyId: id, baseVersion: conflict.version, content: { ...chinese, headline: "编辑乙的标题" } });
    const headlines = await Promise.all([2, 3].map(async (version) => (await getRevisionContent({ db, actor: n.editor, storyId: id, version })).headline));
    expect(headlines).toEqual(["编辑甲的标题", "编辑乙的标题"]);
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const { id } = await createStory({ db, actor: n.reporter, content: chinese });
    const results = await Promise.allSettled(
      [n.editor, n.secondEditor].map((actor, index) => saveStory({ db, actor, storyId: id, baseVersion: 1, content: { ...chinese, headline: `同时保存${index}` } })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StoryConflictError);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe("comparing versions", () => {
  it("shows word-level changes in Chinese text", () => {
    const parts = diffText("今年招商引资5000万元", "今年招商引资6000万元");
    expect(parts).toEqual([
      { kind: "same", text: "今年招商引资" },
      { kind: "removed", text: "5000" },
      { kind: "added", text: "6000" },
      { kind: "same", text: "万元" },
    ]);
  });

  it("lists only the fields that changed", async () => {
    const before = (await import("./story-content")).storyContentSchema.parse(chinese);
    const after = { ...before, headline: "新标题", body: { ...before.body, content: [...before.body.content, paragraph("新增一段。")] } };
    const diff = diffStoryContents(before, after);
    expect(diff.map((field) => field.field)).toEqual(["headline", "body"]);
    expect(diff[1]!.parts.filter((part) => part.kind === "added").map((part) => part.text).join("")).toContain("新增一段");
  });
});

describe("correcting a published story", () => {
  it("publishes the note, keeps a revision and revalidates only the article when the headline stays", async () => {
    const { id } = await createStory({ db, actor: n.reporter, content: chinese });
    await db.article.update({ where: { id }, data: { status: "PUBLISHED" } });
    await expect(saveStory({ db, actor: n.editor, storyId: id, baseVersion: 1, content: chinese })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(correctStory({ db, actor: n.editor, storyId: id, baseVersion: 1, content: chinese, correction: "  " })).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const fixed = { ...chinese, body: { type: "doc" as const, content: [paragraph("改正后的正文：6000万元。")] } };
    const result = await correctStory({ db, actor: n.editor, storyId: id, baseVersion: 1, content: fixed, correction: "原文数字有误，已更正为6000万元。" });
    expect(result.version).toBe(2);
    expect(await db.correction.findMany({ where: { articleId: id }, select: { text: true } })).toEqual([{ text: "原文数字有误，已更正为6000万元。" }]);
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([[cacheTags.article(id), { expire: 0 }]]);
  });
});

describe("presence", () => {
  it("tells an editor who else has the story open, and forgets people who left", async () => {
    const { id } = await createStory({ db, actor: n.reporter, content: chinese });
    const now = new Date();
    await touchPresence({ db, actor: n.editor, storyId: id, now: new Date(now.getTime() - 120_000) });
    await touchPresence({ db, actor: n.secondEditor, storyId: id, now });
    const seen = await touchPresence({ db, actor: n.reporter, storyId: id, now });
    expect(seen.others.map((user) => user.name)).toEqual(["陈编辑"]);
    expect(seen.version).toBe(1);
  });
});
