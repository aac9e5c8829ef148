import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { createDbClient } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { bodyFromBlocks } from "@/lib/articles/body";
import { editionDate } from "@/lib/time/edition-date";
import { findFeedArticles } from "@/lib/feeds/find-feed-articles";
import { monthSitemapXml, newsSitemapXml, sitemapIndexXml } from "@/lib/feeds/sitemaps";
import { reindexPageArticles } from "@/lib/search/index-article";
import { createTestDatabase, createTestStorage, projectRoot } from "@/tests/helpers/database";
import { findArticleView } from "./find-article-view";
import { findArchiveMonthEditions, findArchiveMonths, findEditionDatesInYear } from "./find-archive";
import { findEditionDates } from "./find-edition-dates";
import { findEditionView } from "./find-edition-view";
import { findSearchOptions } from "./find-search-options";

// The reader site, its feeds and its sitemaps only ever show published articles
// on published pages of published editions. Everything else is made here and
// must not appear anywhere.

let db: Db;
let publicationId: string;
const SECRET = "未发布的秘密稿件";
const ids: Record<string, string> = {};

beforeAll(async () => {
  const url = await createTestDatabase();
  await prepareDatabase({ connectionString: url, storage: await createTestStorage(), seedDemoData: true, root: projectRoot, log: () => {} });
  process.env.DATABASE_URL = url;
  db = createDbClient(url);
  const publication = await db.publication.findUniqueOrThrow({ where: { slug: "jmrb" } });
  publicationId = publication.id;
  const article = (headline: string, status: "DRAFT" | "READY" | "KILLED" | "PUBLISHED") =>
    db.article.create({ data: { publicationId, headline, status, body: bodyFromBlocks([{ type: "paragraph", text: SECRET }]), publishedAt: status === "PUBLISHED" ? new Date() : null } });

  // A draft and a killed story placed on the published page A05.
  const a05 = await db.page.findFirstOrThrow({ where: { number: "A05", edition: { date: editionDate("2023-03-13") } } });
  for (const [key, status] of [["draft", "DRAFT"], ["killed", "KILLED"]] as const) {
    const created = await article(`${SECRET} ${key}`, status);
    ids[key] = created.id;
    await db.placement.create({ data: { pageId: a05.id, articleId: created.id, position: 90 + Object.keys(ids).length } });
  }
  // The demo's edition still being planned, with a "published" article on it.
  const plannedPage = await db.page.findFirstOrThrow({ where: { number: "A01", edition: { date: editionDate("2023-03-14"), status: "PLANNING" } } });
  const onPlanned = await article(`${SECRET} planned`, "PUBLISHED");
  ids.planned = onPlanned.id;
  await db.placement.create({ data: { pageId: plannedPage.id, articleId: onPlanned.id, position: 1 } });
  // A withdrawn page of the published edition (its stories leave the search index with it, as withdrawPage does).
  const a08 = await db.page.findFirstOrThrow({ where: { number: "A08", edition: { date: editionDate("2023-03-13") } } });
  await db.$transaction(async (tx) => {
    await tx.page.update({ where: { id: a08.id }, data: { status: "WITHDRAWN" } });
    await reindexPageArticles(tx, [a08.id]);
  });
});

describe("unpublished content is not reachable", () => {
  it("is not in the edition the reader sees", async () => {
    const edition = await findEditionView(publicationId, "2023-03-13");
    expect(edition).not.toBeNull();
    expect(JSON.stringify(edition)).not.toContain(SECRET);
    expect(edition!.pages.map((page) => page.number)).not.toContain("A08");
  });

  it("has no edition page, date or article view", async () => {
    expect(await findEditionView(publicationId, "2023-03-14")).toBeNull();
    expect(await findEditionDates(publicationId)).toEqual(["2023-03-13", "2023-03-12"]);
    for (const id of [ids.draft!, ids.killed!]) expect(await findArticleView(publicationId, id)).toBeNull();
  });

  it("is not in the archive (往期)", async () => {
    expect(await findArchiveMonths(publicationId)).toEqual([{ month: "2023-03", editions: 2, latest: "2023-03-13" }]);
    expect(await findEditionDatesInYear(publicationId, 2023)).toEqual(["2023-03-12", "2023-03-13"]);
    const month = await findArchiveMonthEditions(publicationId, "2023-03");
    expect(month.map((edition) => [edition.date, edition.pageCount])).toEqual([["2023-03-12", 4], ["2023-03-13", 7]]);
    expect(JSON.stringify(month)).not.toContain(SECRET);
  });

  it("is not offered by the search filters", async () => {
    const options = await findSearchOptions(publicationId);
    expect(options.pageNames).toContain("江海新闻");
    const people = options.people.map((person) => person.name);
    expect(people).toContain("何榕");
    // Bylined only on the withdrawn page A08 (黄俊杰) or the planned edition (李雪).
    expect(people).not.toContain("黄俊杰");
    expect(people).not.toContain("李雪");
  });

  it("is in no feed and no sitemap", async () => {
    const feed = await findFeedArticles({ publicationId, limit: 1000 });
    expect(feed.length).toBeGreaterThan(20);
    expect(JSON.stringify(feed)).not.toContain(SECRET);
    expect(feed.some((article) => article.pageNumber === "A08")).toBe(false);

    const index = await sitemapIndexXml();
    expect(index).toContain("/sitemaps/jmrb-2023-03.xml");
    const month = await monthSitemapXml("jmrb-2023-03.xml");
    expect(month).toContain("/2023-03-13/A05/4</loc>");
    expect(month).not.toContain("2023-03-14");
    expect(month).not.toContain("/2023-03-13/A08");
    expect(await newsSitemapXml()).not.toContain(SECRET);
  });
});
