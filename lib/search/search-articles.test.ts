import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { bodyFromBlocks } from "@/lib/articles/body";
import { createDbClient, type Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { editionDate } from "@/lib/time/edition-date";
import { renamePage } from "@/lib/editions/plan/page-operations";
import { publishEdition, withdrawEdition } from "@/lib/editions/publish-edition";
import { updatePhoto } from "@/lib/media/photos/update-photo";
import { correctStory } from "@/lib/stories/correct-story";
import { createStory } from "@/lib/stories/create-story";
import { saveStory } from "@/lib/stories/save-story";
import { storyContentFrom, storyContentSelect } from "@/lib/stories/story-content";
import { transitionStory } from "@/lib/stories/transition-story";
import { createTestDatabase, createTestStorage, projectRoot, sql } from "@/tests/helpers/database";
import { backfillSearchIndex, backfillSearchIndexInBackground, countPendingSearchRows } from "./backfill-search-index";
import { reindexArticles, reindexEditionArticles } from "./index-article";
import { HEAD_CANDIDATES, RECENT_CANDIDATES, SEARCH_COUNT_CAP, searchArticles, SEARCH_PAGE_SIZE, type SearchAudience, type SearchFilters, type SearchResult } from "./search-articles";

// The search core against the demo newsroom (loaded the way a server loads it
// on first start) and stories written through the newsroom's own functions.

const SEED_HEADLINE = "吹响推进高质量发展奋进号角";

let db: Db;
let url: string;
let publicationId: string;
let editor: Actor;
let reporter: Actor;
let otherReporter: Actor;
let photographer: Actor;

const reader = (): SearchAudience => ({ kind: "reader", publicationId });
const staff = (actor: Actor = editor): SearchAudience => ({ kind: "staff", actor });
const search = (audience: SearchAudience, q: string, filters?: SearchFilters, page?: number) => searchArticles({ db, audience, q, filters, page });
const headlines = (result: SearchResult) => result.hits.map((hit) => hit.headline);
const ids = (result: SearchResult) => result.hits.map((hit) => hit.articleId);

async function articleId(headline: string) {
  return (await db.article.findFirstOrThrow({ where: { headline }, select: { id: true } })).id;
}

/** A story written and saved through the newsroom's functions (a draft unless moved on). */
async function writeStory(options: { actor?: Actor; headline: string; body: string[]; kicker?: string; plannedDate?: string }) {
  const actor = options.actor ?? editor;
  const story = await createStory({
    db,
    actor,
    content: {
      headline: options.headline,
      kicker: options.kicker ?? null,
      body: bodyFromBlocks(options.body.map((text) => ({ type: "paragraph" as const, text }))),
    },
  });
  if (!options.plannedDate) return story.id;
  const stored = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: storyContentSelect });
  await saveStory({ db, actor, storyId: story.id, baseVersion: story.version, content: { ...storyContentFrom(stored), plannedDate: options.plannedDate } });
  return story.id;
}

beforeAll(async () => {
  url = await createTestDatabase();
  await prepareDatabase({ connectionString: url, storage: await createTestStorage(), seedDemoData: true, root: projectRoot, log: () => {} });
  db = createDbClient(url);
  publicationId = (await db.publication.findUniqueOrThrow({ where: { slug: "jmrb" } })).id;
  const user = async (email: string) => {
    const found = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
    return { id: found.id, role: found.role };
  };
  editor = await user("editor@example.com");
  reporter = await user("reporter@example.com");
  photographer = await user("photographer@example.com");
  const created = await db.user.create({ data: { email: "reporter2@example.com", name: "李记者", role: "REPORTER", passwordHash: "x" } });
  otherReporter = { id: created.id, role: created.role };
});

describe("the demo newsroom", () => {
  it("indexes every article when the database is prepared", async () => {
    const [row] = await sql<{ articles: number; indexed: number }>(url, "SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM article_search) AS indexed");
    expect(row!.indexed).toBe(row!.articles);
    expect(row!.articles).toBeGreaterThan(30);
  });

  it("finds the seed article first for 招商引资, where readers find it, with the word marked", async () => {
    const result = await search(reader(), "招商引资");
    expect(result.reason).toBeNull();
    expect(result.hits[0]).toMatchObject({
      headline: SEED_HEADLINE,
      kicker: "江海区积极打造招商引资“强磁场”",
      editionDate: "2023-03-13",
      pageNumber: "A05",
      pageName: "江海新闻",
      position: 4,
      status: "PUBLISHED",
    });
    expect(result.hits[0]!.snippetHtml).toContain("<mark>招商引资</mark>");
    expect(result.hits[0]!.bylines).toEqual(["□江门日报记者/何榕"]);
  });

  it("finds it for the Traditional 招商引資 too, marking the Simplified text", async () => {
    const result = await search(reader(), "招商引資");
    expect(result.hits[0]?.headline).toBe(SEED_HEADLINE);
    expect(result.hits[0]!.snippetHtml).toContain("<mark>招商引资</mark>");
    expect(result.words).toEqual(["招商引资"]);
  });

  it("finds mixed numbers and Chinese (5000万元, full-width ５０００萬元), and marks the headline", async () => {
    for (const q of ["5000万元", "５０００萬元"]) {
      const result = await search(reader(), q);
      expect(result.hits[0]?.headline, q).toBe("共建科研平台最高可获5000万元补助");
      expect(result.hits[0]!.headlineHtml).toBe("共建科研平台最高可获<mark>5000万元</mark>补助");
    }
  });

  it("ranks a headline match above matches in the kicker and body", async () => {
    const result = await search(reader(), "招商");
    expect(headlines(result).slice(0, 2)).toEqual(["蓬江区春季招商推介会签约项目22个", SEED_HEADLINE]);
  });

  it("filters by date range, page name and byline", async () => {
    const seed = await articleId(SEED_HEADLINE);
    const he = (await db.person.findFirstOrThrow({ where: { name: "何榕" } })).id;
    const other = (await db.person.findFirstOrThrow({ where: { name: "李思敏" } })).id;
    const found = async (filters: SearchFilters) => ids(await search(reader(), "招商引资", filters)).includes(seed);
    expect(await found({ from: "2023-03-13", to: "2023-03-13" })).toBe(true);
    expect(await found({ to: "2023-03-12" })).toBe(false);
    expect(await found({ from: "2023-03-14" })).toBe(false);
    expect(await found({ from: "2023-03-13", to: "2023-03-01" })).toBe(true);
    expect(await found({ pageName: "江海新闻" })).toBe(true);
    expect(await found({ pageName: "要闻" })).toBe(false);
    expect(await found({ personId: he })).toBe(true);
    expect(await found({ personId: other })).toBe(false);
  });

  it("does not show readers the planned edition's ready stories; staff see them", async () => {
    const planned = await articleId("我市召开优化营商环境推进会");
    expect(ids(await search(reader(), "营商环境"))).not.toContain(planned);
    expect(ids(await search(reader(), "营商环境")).length).toBeGreaterThan(0);
    expect(ids(await search(staff(), "营商环境"))).toContain(planned);
  });
});

describe("ranking and paging", () => {
  it("breaks ties by recency: of two equal stories the later one comes first", async () => {
    const older = await writeStory({ headline: "湿地观鸟", body: ["黑脸琵鹭飞抵银湖湾湿地。"], plannedDate: "2023-01-05" });
    const newer = await writeStory({ headline: "湿地观鸟", body: ["黑脸琵鹭飞抵银湖湾湿地。"], plannedDate: "2023-02-05" });
    const result = await search(staff(), "黑脸琵鹭");
    expect(ids(result)).toEqual([newer, older]);
    expect(result.hits[0]!.editionDate).toBe("2023-02-05");
  });

  it("pages by 20, with the total", async () => {
    const written = [];
    for (let i = 1; i <= 25; i += 1) written.push(await writeStory({ headline: `第${i}期简报`, body: [`鲟鱼放流活动第${i}次举行。`] }));
    const first = await search(staff(), "鲟鱼");
    const second = await search(staff(), "鲟鱼", {}, 2);
    expect(first).toMatchObject({ total: 25, totalCapped: false, pages: 2, page: 1, pageSize: SEARCH_PAGE_SIZE });
    expect(first.hits).toHaveLength(20);
    expect(second.hits).toHaveLength(5);
    expect(new Set([...ids(first), ...ids(second)])).toEqual(new Set(written));
    expect((await search(staff(), "鲟鱼", {}, 3)).hits).toEqual([]);
  });

  it("matches a quoted phrase only as written; words without quotes in any order", async () => {
    const inOrder = await writeStory({ headline: "鹦鹉园扩建", body: ["鹦鹉园项目投资增长明显。"] });
    const apart = await writeStory({ headline: "鹦鹉园简讯", body: ["鹦鹉园的投资和项目都在增长。"] });
    expect(new Set(ids(await search(staff(), "鹦鹉 项目投资")))).toEqual(new Set([inOrder, apart]));
    expect(ids(await search(staff(), '鹦鹉 "项目投资"'))).toEqual([inOrder]);
    expect(ids(await search(staff(), "鹦鹉 “项目 投资”"))).toEqual([inOrder]);
  });

  it("finds Latin words and numbers in any case and width", async () => {
    const story = await writeStory({ headline: "一季度经济数据", body: ["全市GDP同比增长5.2%，COVID-19影响减弱，新增就业12,500人。"] });
    for (const q of ["gdp 5.2", "ＧＤＰ", "covid-19", "Covid 19", "12500", "12,500"]) expect(ids(await search(staff(), q)), q).toContain(story);
    expect((await search(staff(), "12500")).hits.find((hit) => hit.articleId === story)?.snippetHtml).toContain("<mark>12,500</mark>");
  });
});

describe("the index follows every change in the same transaction", () => {
  it("publishing shows the planned edition to readers; withdrawing hides it again", async () => {
    const edition = await db.edition.findFirstOrThrow({ where: { publicationId, date: editionDate("2023-03-14") } });
    const planned = await articleId("我市召开优化营商环境推进会");
    await publishEdition({ db, actor: editor, editionId: edition.id, override: "测试" });
    expect(ids(await search(reader(), "营商环境"))).toContain(planned);
    await withdrawEdition({ db, actor: editor, editionId: edition.id, reason: "测试撤版" });
    expect(ids(await search(reader(), "营商环境"))).not.toContain(planned);
    expect(ids(await search(staff(), "营商环境"))).toContain(planned);
  });

  it("writes the index inside the caller's transaction: seen there, not outside, gone on rollback", async () => {
    const edition = await db.edition.findFirstOrThrow({ where: { publicationId, date: editionDate("2023-03-13") } });
    const seed = await articleId(SEED_HEADLINE);
    const visible = `SELECT visible FROM article_search WHERE article_id = $1::uuid`;
    const inside = await db
      .$transaction(async (tx) => {
        await tx.edition.update({ where: { id: edition.id }, data: { status: "WITHDRAWN" } });
        await reindexEditionArticles(tx, edition.id);
        const rows = await tx.$queryRawUnsafe<{ visible: boolean }[]>(visible, seed);
        expect((await sql<{ visible: boolean }>(url, visible, [seed]))[0]?.visible).toBe(true);
        throw Object.assign(new Error("rollback"), { rows });
      })
      .catch((error: { rows?: { visible: boolean }[] }) => error.rows);
    expect(inside?.[0]?.visible).toBe(false);
    expect(ids(await search(reader(), "招商引资"))).toContain(seed);
  });

  it("killing (撤稿) a published story takes it out of the reader's search", async () => {
    const story = await articleId("全力推动经济运行加速向好");
    expect(ids(await search(reader(), "经济运行"))).toContain(story);
    await transitionStory({ db, actor: editor, storyId: story, transition: "kill", note: "测试撤稿" });
    expect(ids(await search(reader(), "经济运行"))).not.toContain(story);
    expect((await search(staff(), "经济运行")).hits.find((hit) => hit.articleId === story)?.status).toBe("KILLED");
  });

  it("a correction (更正) is searchable at once, and the corrected words are gone", async () => {
    const story = await articleId("共建科研平台最高可获5000万元补助");
    const stored = await db.article.findUniqueOrThrow({ where: { id: story }, select: { ...storyContentSelect, version: true } });
    const content = storyContentFrom(stored);
    const corrected = { ...content, body: bodyFromBlocks([{ type: "paragraph", text: "平台重点支持量子计算与新材料研究。" }]) };
    expect(ids(await search(reader(), "量子计算"))).not.toContain(story);
    expect(ids(await search(reader(), "重点实验室"))).toContain(story);
    await correctStory({ db, actor: editor, storyId: story, baseVersion: stored.version, content: corrected, correction: "更正了研究方向。" });
    expect(ids(await search(reader(), "量子计算"))).toContain(story);
    expect(ids(await search(reader(), "重点实验室"))).not.toContain(story);
    // The headline did not change.
    expect(ids(await search(reader(), "科研平台 5000万元"))).toContain(story);
  });

  it("a photo caption edit changes what finds the stories showing the photo", async () => {
    const seed = await articleId(SEED_HEADLINE);
    const use = await db.articlePhoto.findFirstOrThrow({ where: { articleId: seed }, select: { photoId: true } });
    expect(ids(await search(reader(), "应急产业园区"))).toContain(seed);
    await updatePhoto({ db, actor: editor, photoId: use.photoId, changes: { caption: "白鹭在江海区湿地觅食。" } });
    expect(ids(await search(reader(), "白鹭"))).toContain(seed);
  });

  it("renaming a page moves its stories to the new page name filter", async () => {
    const edition = await db.edition.findFirstOrThrow({ where: { publicationId, date: editionDate("2023-03-14") } });
    const page = await db.page.findFirstOrThrow({ where: { editionId: edition.id, number: "A01" } });
    const planned = await articleId("我市召开优化营商环境推进会");
    await renamePage({ db, actor: editor, pageId: page.id, name: "头版" });
    expect(ids(await search(staff(), "营商环境", { pageName: "头版" }))).toEqual([planned]);
    expect(ids(await search(staff(), "营商环境", { pageName: "要闻" }))).not.toContain(planned);
  });
});

describe("staff search", () => {
  it("shows a draft to its reporter and the desk, not to readers or other reporters", async () => {
    const draft = await writeStory({ actor: otherReporter, headline: "火烈鸟迁徙记", body: ["一群火烈鸟在镇海湾停留。"] });
    expect(ids(await search(staff(editor), "火烈鸟"))).toEqual([draft]);
    expect(ids(await search(staff(otherReporter), "火烈鸟"))).toEqual([draft]);
    expect(ids(await search(staff(reporter), "火烈鸟"))).toEqual([]);
    expect(ids(await search(staff(photographer), "火烈鸟"))).toEqual([]);
    expect(ids(await search(reader(), "火烈鸟"))).toEqual([]);
    expect((await search(staff(editor), "火烈鸟", { status: "PUBLISHED" })).hits).toEqual([]);
  });
});

describe("hostile and odd queries", () => {
  const queries = [
    "'; DROP TABLE articles; --",
    "招商' OR '1'='1",
    "& | ! : * ( ) ' \\",
    "招商:* & !引资 | (江海",
    "<-> <1> !! && || ::",
    "\\'\\\\''",
    "😀🎉👍🏽",
    "招商😀引资",
    "\u0000招商\u0000",
    "\ud800招商",
    "招商引资".repeat(2500),
    "a".repeat(10_000),
    "江".repeat(10_000),
    Array.from({ length: 5000 }, (_, i) => `词${i}`).join(" "),
    '"""""',
    "“",
    "%_%",
    "\u202e招商\u200b",
  ];

  it("never throw, for readers and staff", async () => {
    for (const q of queries) {
      for (const audience of [reader(), staff()]) {
        const result = await search(audience, q);
        expect(result.hits.length, q.slice(0, 20)).toBeLessThanOrEqual(SEARCH_PAGE_SIZE);
      }
    }
    expect(await db.article.count()).toBeGreaterThan(0);
  });

  it("cut very long queries, saying so", async () => {
    const result = await search(reader(), "招商引资".repeat(2500));
    expect(result.truncated).toBe(true);
    expect(result.reason).toBeNull();
  });

  it("answer an empty or punctuation-only query with a reason, not an error", async () => {
    expect(await search(reader(), "")).toMatchObject({ reason: "blank", hits: [], total: 0 });
    expect(await search(reader(), "   \n ")).toMatchObject({ reason: "blank", hits: [] });
    expect(await search(reader(), "！？…… 😀 &|!")).toMatchObject({ reason: "no_terms", hits: [] });
  });

  it("ignore filters that make no sense", async () => {
    const filters = [
      { from: "not a date", to: "2023-13-45" },
      { pageName: "'; DROP TABLE pages; --\u0000" },
      { personId: "not-a-uuid" },
      { page: -5 },
    ];
    for (const filter of filters) {
      const { page, ...rest } = filter as SearchFilters & { page?: number };
      const result = await search(reader(), "招商引资", rest, page);
      expect(result.reason).toBeNull();
    }
    expect((await search(reader(), "招商引资", {}, -5)).page).toBe(1);
  });
});

describe("the boot-time backfill", () => {
  it("indexes missing and out-of-date articles, and does nothing when there are none", async () => {
    const seed = await articleId(SEED_HEADLINE);
    await sql(url, "DELETE FROM article_search WHERE article_id = $1::uuid", [seed]);
    await sql(url, "UPDATE articles SET updated_at = now() WHERE headline = $1", ["蓬江区春季招商推介会签约项目22个"]);
    expect(ids(await search(reader(), "招商引资"))).not.toContain(seed);
    expect(await backfillSearchIndex({ db })).toBe(2);
    expect(ids(await search(reader(), "招商引资"))).toContain(seed);
    expect(await backfillSearchIndex({ db })).toBe(0);
  });

  it("leaves a large backfill to the background, which one instance runs while the server serves", async () => {
    const missing = await sql<{ article_id: string }>(url, "DELETE FROM article_search WHERE article_id IN (SELECT article_id FROM article_search LIMIT 3) RETURNING article_id");
    const prepare = async () =>
      prepareDatabase({ connectionString: url, storage: await createTestStorage(), seedDemoData: true, root: projectRoot, log: () => {}, deferSearchBackfillOver: 2 });
    expect(await prepare()).toEqual({ searchBackfillDeferred: true });
    expect(await countPendingSearchRows(db)).toBe(3);

    // Another instance holds the lock: this one leaves the work to it.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(4201705313)");
    expect(await backfillSearchIndexInBackground({ db, connectionString: url, log: () => {} })).toBe(0);
    await holder.end();

    expect(await backfillSearchIndexInBackground({ db, connectionString: url, log: () => {} })).toBe(3);
    expect(await countPendingSearchRows(db)).toBe(0);
    expect(await prepare()).toEqual({ searchBackfillDeferred: false });
    expect(missing).toHaveLength(3);
  });
});

describe("a word in more than SEARCH_COUNT_CAP stories", () => {
  it("ranks the stories with the words in their head, however old, with the newest others; the total says 1000+", async () => {
    const rows = await sql<{ id: string }>(
      url,
      `INSERT INTO articles (id, publication_id, headline, body, status, planned_date, updated_at)
       SELECT gen_random_uuid(), $1::uuid, '第' || i || '期动物园简报',
         jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph', 'content',
           jsonb_build_array(jsonb_build_object('type', 'text', 'text', '熊猫馆第' || i || '次开放。'))))),
         'DRAFT', date '2010-01-01' + i, now()
       FROM generate_series(1, ${SEARCH_COUNT_CAP + 100}) AS i
       RETURNING id`,
      [publicationId],
    );
    const old = await writeStory({ headline: "熊猫馆迎来新成员", body: ["两只大熊猫抵达。"], plannedDate: "2001-05-01" });
    const oldInBody = await writeStory({ headline: "动物园旧闻", body: ["熊猫馆当年开放。"], plannedDate: "2001-04-01" });
    await db.$transaction((tx) => reindexArticles(tx, rows.map((row) => row.id)), { timeout: 120_000 });

    const result = await search(staff(), "熊猫馆");
    expect(result).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true, page: 1 });
    expect(result.hits[0]?.articleId).toBe(old);
    // Of the stories that only mention the words, the newest are ranked.
    expect(result.hits[1]?.editionDate).toBe(isoDay(SEARCH_COUNT_CAP + 100));
    // The ranked set: the one head match and the newest RECENT_CANDIDATES; the pages end with it.
    expect(HEAD_CANDIDATES).toBeGreaterThan(1);
    expect(result.pages).toBe(Math.ceil((1 + RECENT_CANDIDATES) / SEARCH_PAGE_SIZE));
    const last = await search(staff(), "熊猫馆", {}, result.pages);
    expect(ids(last)).not.toContain(oldInBody);
  });

  it("counts a phrase of common words by what the bounded set holds, as 'at least', and its last page is never empty", async () => {
    // 次 and 开放 are in every 熊猫馆 story (the test above), next to each other: the phrase is checked on the
    // ranked set only, so the count is the matches found there.
    const result = await search(staff(), '"次开放"');
    expect(result).toMatchObject({ total: RECENT_CANDIDATES, totalCapped: true, pages: RECENT_CANDIDATES / SEARCH_PAGE_SIZE });
    expect((await search(staff(), '"次开放"', {}, result.pages)).hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect((await search(staff(), '"次开放"', {}, result.pages + 1)).hits).toEqual([]);
    // In the wrong order, the words never meet: nothing, however common they are.
    expect(await search(staff(), '"开放次"')).toMatchObject({ total: 0, totalCapped: false, hits: [] });
  });

  it("keeps a headline's words in the row's head column and leaves the body's out", async () => {
    const id = await articleId("熊猫馆迎来新成员");
    const [row] = await sql<{ head: string }>(url, "SELECT head::text AS head FROM article_search WHERE article_id = $1::uuid", [id]);
    expect(row?.head).toContain("'熊猫馆'");
    expect(row?.head).not.toContain("'抵达'");
  });
});

/** 2010-01-01 plus n days, as yyyy-mm-dd. */
function isoDay(n: number): string {
  return new Date(Date.UTC(2010, 0, 1 + n)).toISOString().slice(0, 10);
}
