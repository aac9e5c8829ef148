import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { bodyFromBlocks } from "@/lib/articles/body";
import { createDbClient, type Db } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { findSearchOptions } from "@/lib/reader/find-search-options";
import { converterFor } from "@/lib/reader/script";
import { searchArticles, type SearchAudience } from "@/lib/search/search-articles";
import { createStory } from "@/lib/stories/create-story";
import { storySearchOptions } from "@/lib/stories/story-search-options";
import { createTestDatabase, createTestStorage, projectRoot } from "@/tests/helpers/database";
import { parseSearchRequest, searchHref, type SearchPageAudience, type UrlSearchParams } from "./search-request";

// The search pages' part of search, against the demo newsroom: a URL's
// parameters → the core's query and filters for readers and staff (the pages
// do exactly this), the filters' choices, and Traditional conversion of results.

const SEED_HEADLINE = "吹响推进高质量发展奋进号角";

let db: Db;
let publicationId: string;
let editor: Actor;
let reporter: Actor;
let draftId: string;
let draftOnlyPerson: string;
const DRAFT_WORD = "琵琶洲草稿测试词";

/** What a search page does with its URL. */
async function searchFromUrl(audience: SearchAudience, params: UrlSearchParams) {
  const kind: SearchPageAudience = audience.kind;
  const request = parseSearchRequest(params, kind);
  return searchArticles({ db, audience, q: request.q, filters: request.filters, page: request.page });
}
const reader = (): SearchAudience => ({ kind: "reader", publicationId });
const staff = (actor: Actor): SearchAudience => ({ kind: "staff", actor });
const headlines = (result: { hits: { headline: string }[] }) => result.hits.map((hit) => hit.headline);

beforeAll(async () => {
  const url = await createTestDatabase();
  await prepareDatabase({ connectionString: url, storage: await createTestStorage(), seedDemoData: true, root: projectRoot, log: () => {} });
  db = createDbClient(url);
  // The reader's cached queries use the app's client (uncached in tests).
  process.env.DATABASE_URL = url;
  publicationId = (await db.publication.findUniqueOrThrow({ where: { slug: "jmrb" } })).id;
  const user = async (email: string) => {
    const found = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
    return { id: found.id, role: found.role };
  };
  editor = await user("editor@example.com");
  reporter = await user("reporter@example.com");
  const person = await db.person.create({ data: { publicationId, name: "琵琶洲", role: "CORRESPONDENT" } });
  draftOnlyPerson = person.id;
  const draft = await createStory({
    db,
    actor: editor,
    content: {
      headline: `${DRAFT_WORD}的稿件`,
      body: bodyFromBlocks([{ type: "paragraph", text: "只在后台能找到。" }]),
      bylines: [{ personId: person.id, name: person.name, role: "CORRESPONDENT", organisation: null, display: "通讯员/琵琶洲" }],
    },
  });
  draftId = draft.id;
});

describe("the reader's search page", () => {
  it("finds the seed article first from ?q=招商引资 and from the Traditional ?q=招商引資", async () => {
    for (const q of ["招商引资", "招商引資"]) {
      const result = await searchFromUrl(reader(), { q });
      expect(result.hits[0]?.headline, q).toBe(SEED_HEADLINE);
      expect(result.hits[0]!.snippetHtml).toContain("<mark>招商引资</mark>");
    }
  });

  it("shows Traditional results with the marks intact", async () => {
    const result = await searchFromUrl(reader(), { q: "招商引資" });
    const t = converterFor("hant");
    const snippet = t(result.hits[0]!.snippetHtml);
    expect(snippet).toContain("<mark>招商引資</mark>");
    // Every tag survives the conversion, in place.
    expect(snippet.match(/<\/?mark>/g)).toEqual(result.hits[0]!.snippetHtml.match(/<\/?mark>/g));
    expect(t(result.hits[0]!.headlineHtml)).toBe("吹響推進高質量發展奮進號角");
    expect(t("&lt;b&gt; &amp; <mark>江门</mark>")).toBe("&lt;b&gt; &amp; <mark>江門</mark>");
  });

  it("applies the URL's date range, page name and byline", async () => {
    const he = (await db.person.findFirstOrThrow({ where: { name: "何榕" } })).id;
    const found = async (params: UrlSearchParams) => headlines(await searchFromUrl(reader(), { q: "招商引资", ...params })).includes(SEED_HEADLINE);
    expect(await found({ from: "2023-03-13", to: "2023-03-13" })).toBe(true);
    expect(await found({ to: "2023-03-12" })).toBe(false);
    expect(await found({ from: "2023-03-14" })).toBe(false);
    expect(await found({ pageName: "江海新闻" })).toBe(true);
    expect(await found({ pageName: "体育" })).toBe(false);
    expect(await found({ personId: he })).toBe(true);
    // A malformed filter is no filter.
    expect(await found({ from: "2023-13-40", personId: "x" })).toBe(true);
  });

  it("never shows a draft, whatever status the URL asks for", async () => {
    for (const status of [undefined, "DRAFT"]) {
      expect((await searchFromUrl(reader(), { q: DRAFT_WORD, status })).total).toBe(0);
    }
  });

  it("pages through results with the page in the URL", async () => {
    const first = await searchFromUrl(reader(), { q: "江门" });
    expect(first.pages).toBeGreaterThanOrEqual(1);
    const href = searchHref("/search", parseSearchRequest({ q: "江门" }, "reader"), { page: 2 });
    const second = await searchFromUrl(reader(), Object.fromEntries(new URL(href, "http://x.test").searchParams));
    expect(second.page).toBe(2);
    if (first.pages >= 2) expect(second.hits[0]?.articleId).not.toBe(first.hits[0]?.articleId);
  });

  it("offers only page names and people readers can see as filter choices", async () => {
    const options = await findSearchOptions(publicationId);
    expect(options.pageNames.slice(0, 2)).toEqual(["要闻", "综合"]);
    expect(options.pageNames).toContain("江海新闻");
    expect(new Set(options.pageNames).size).toBe(options.pageNames.length);
    const names = options.people.map((person) => person.name);
    expect(names).toContain("何榕");
    // On the planned edition of 2023-03-14 only, or on a draft only.
    expect(names).not.toContain("李雪");
    expect(names).not.toContain("琵琶洲");
  });
});

describe("the dashboard's search page", () => {
  it("finds the draft for the desk, with a status filter from the URL", async () => {
    expect((await searchFromUrl(staff(editor), { q: DRAFT_WORD })).hits.map((hit) => hit.articleId)).toEqual([draftId]);
    expect((await searchFromUrl(staff(editor), { q: DRAFT_WORD, status: "DRAFT" })).total).toBe(1);
    expect((await searchFromUrl(staff(editor), { q: DRAFT_WORD, status: "PUBLISHED" })).total).toBe(0);
    expect((await searchFromUrl(staff(editor), { q: DRAFT_WORD, personId: draftOnlyPerson })).total).toBe(1);
  });

  it("shows a reporter what the story list shows them: not the desk's draft", async () => {
    expect((await searchFromUrl(staff(reporter), { q: DRAFT_WORD })).total).toBe(0);
    const own = await createStory({ db, actor: reporter, content: { headline: `${DRAFT_WORD}记者自己的稿`, body: bodyFromBlocks([{ type: "paragraph", text: "记者的草稿。" }]) } });
    expect((await searchFromUrl(staff(reporter), { q: DRAFT_WORD })).hits.map((hit) => hit.articleId)).toEqual([own.id]);
  });

  it("offers every page name and person of the publication as filter choices", async () => {
    const options = await storySearchOptions({ db });
    expect(options.pageNames).toContain("江海新闻");
    expect(options.people.map((person) => person.name)).toEqual(expect.arrayContaining(["何榕", "李雪", "琵琶洲"]));
  });
});
