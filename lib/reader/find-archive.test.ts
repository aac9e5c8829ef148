import { revalidateTag } from "next/cache";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { bodyFromBlocks } from "@/lib/articles/body";
import type { Db } from "@/lib/db/client";
import { editionDate } from "@/lib/time/edition-date";
import { archiveSitemapXml, sitemapIndexXml } from "@/lib/feeds/sitemaps";
import { publishEdition, withdrawEdition } from "@/lib/editions/publish-edition";
import { createMigratedDatabase, sql } from "@/tests/helpers/database";
import { olderAndNewer } from "./archive-calendar";
import { cacheTags } from "./cache-tags";
import { archiveYears, findArchiveMonthEditions, findArchiveMonths, findEditionDatesInYear } from "./find-archive";
import { findEditionMonth, findLatestEditionDate, neighbourEditions } from "./find-edition-dates";

// Outside Next there is no incremental cache (tests/setup-env.ts); here the
// pass-through is also recorded, to check which tags the archive is cached under.
vi.mock("next/cache", () => ({
  unstable_cache: vi.fn(<T extends (...args: never[]) => unknown>(load: T) => load),
  revalidateTag: vi.fn(),
}));

let db: Db;
let url: string;
let jmrb: string;
let weekly: string;
const editor = { id: "", role: "EDITOR" as const };

type Status = "PLANNING" | "SCHEDULED" | "PUBLISHED" | "WITHDRAWN";
type PageSpec = { number: string; name?: string; status?: "PLANNING" | "PUBLISHED" | "WITHDRAWN"; stories?: { headline: string; status?: "PUBLISHED" | "DRAFT" | "READY" }[] };

async function edition(publicationId: string, date: string, status: Status, pages: PageSpec[] = [{ number: "A01" }], issueNumber?: number) {
  const created = await db.edition.create({ data: { publicationId, date: editionDate(date), status, issueNumber } });
  for (const [index, spec] of pages.entries()) {
    const page = await db.page.create({
      data: {
        editionId: created.id,
        number: spec.number,
        section: spec.number.slice(0, 1),
        position: index + 1,
        name: spec.name ?? "要闻",
        status: spec.status ?? (status === "PUBLISHED" || status === "WITHDRAWN" ? "PUBLISHED" : "PLANNING"),
      },
    });
    for (const [position, story] of (spec.stories ?? []).entries()) {
      const article = await db.article.create({
        data: { publicationId, headline: story.headline, status: story.status ?? "PUBLISHED", body: bodyFromBlocks([{ type: "paragraph", text: story.headline }]) },
      });
      await db.placement.create({ data: { pageId: page.id, articleId: article.id, position: position + 1 } });
    }
  }
  return created.id;
}

beforeAll(async () => {
  const created = await createMigratedDatabase();
  db = created.db;
  url = created.url;
  process.env.DATABASE_URL = url;
  jmrb = (await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } })).id;
  weekly = (await db.publication.create({ data: { slug: "weekly", name: "侨乡周刊" } })).id;
  editor.id = (await db.user.create({ data: { email: "e@x.test", name: "编辑", role: "EDITOR", passwordHash: "x" } })).id;

  await edition(jmrb, "2022-12-30", "PUBLISHED");
  await edition(jmrb, "2022-12-31", "PUBLISHED");
  await edition(jmrb, "2023-01-01", "PUBLISHED");
  await edition(jmrb, "2023-01-02", "WITHDRAWN");
  await edition(jmrb, "2023-01-03", "PLANNING");
  await edition(jmrb, "2023-01-04", "SCHEDULED");
  await edition(
    jmrb,
    "2023-03-12",
    "PUBLISHED",
    [
      {
        number: "A01",
        stories: [{ headline: "侨乡各界热议全国两会" }, { headline: "未发布的草稿", status: "DRAFT" }, { headline: "我市部署安全生产大检查" }],
      },
      { number: "A02", name: "综合", stories: [{ headline: "第二版的稿件" }] },
      { number: "A03", name: "撤下的版", status: "WITHDRAWN" },
    ],
    17889,
  );
  // Its first page withdrawn on its own: the edition now starts on A02.
  await edition(
    jmrb,
    "2023-03-13",
    "PUBLISHED",
    [
      { number: "A01", status: "WITHDRAWN", stories: [{ headline: "撤下的头版稿件" }] },
      { number: "A02", name: "综合", stories: [{ headline: "江门代表委员：把两会精神转化为实干动力" }] },
    ],
    17890,
  );
  await edition(jmrb, "2023-03-14", "PLANNING");
  await edition(jmrb, "2023-12-31", "PUBLISHED");
  await edition(jmrb, "2024-01-01", "PUBLISHED");
  await edition(weekly, "2023-03-15", "PUBLISHED");
  await edition(weekly, "2023-02-01", "PUBLISHED");
});

describe("the archive", () => {
  it("counts published editions per month in SQL, newest first, of one publication only", async () => {
    const months = await findArchiveMonths(jmrb);
    expect(months).toEqual([
      { month: "2024-01", editions: 1, latest: "2024-01-01" },
      { month: "2023-12", editions: 1, latest: "2023-12-31" },
      { month: "2023-03", editions: 2, latest: "2023-03-13" },
      { month: "2023-01", editions: 1, latest: "2023-01-01" },
      { month: "2022-12", editions: 2, latest: "2022-12-31" },
    ]);
    expect(await findArchiveMonths(weekly)).toEqual([
      { month: "2023-03", editions: 1, latest: "2023-03-15" },
      { month: "2023-02", editions: 1, latest: "2023-02-01" },
    ]);
  });

  it("groups the months by year with their counts", async () => {
    const years = archiveYears(await findArchiveMonths(jmrb));
    expect(years.map(({ year, editions, months }) => ({ year, editions, months: months.map((month) => month.month) }))).toEqual([
      { year: 2024, editions: 1, months: ["2024-01"] },
      { year: 2023, editions: 4, months: ["2023-12", "2023-03", "2023-01"] },
      { year: 2022, editions: 2, months: ["2022-12"] },
    ]);
    expect(archiveYears([])).toEqual([]);
  });

  it("gives a page the month it shows and the editions either side, from published editions of its publication", async () => {
    const january = await findEditionMonth(jmrb, "2023-01");
    // 2023-01-02 (withdrawn), -03 (planning) and -04 (scheduled) are not there.
    expect(january).toEqual({ month: "2023-01", dates: ["2023-01-01"], before: "2022-12-31", after: "2023-03-12", afterMonthLatest: "2023-03-13" });
    expect(neighbourEditions(january, "2023-01-01")).toEqual({ previous: "2022-12-31", next: "2023-03-12" });

    const march = await findEditionMonth(jmrb, "2023-03");
    expect(march).toEqual({ month: "2023-03", dates: ["2023-03-13", "2023-03-12"], before: "2023-01-01", after: "2023-12-31", afterMonthLatest: "2023-12-31" });
    expect(neighbourEditions(march, "2023-03-12")).toEqual({ previous: "2023-01-01", next: "2023-03-13" });
    expect(neighbourEditions(march, "2023-03-13")).toEqual({ previous: "2023-03-12", next: "2023-12-31" });

    const newest = await findEditionMonth(jmrb, "2024-01");
    expect(newest).toMatchObject({ dates: ["2024-01-01"], before: "2023-12-31", after: null, afterMonthLatest: null });
    expect(neighbourEditions(newest, "2024-01-01")).toEqual({ previous: "2023-12-31", next: undefined });
    expect(await findEditionMonth(jmrb, "2022-12")).toMatchObject({ dates: ["2022-12-31", "2022-12-30"], before: null });
    expect(await findEditionMonth(weekly, "2023-03")).toMatchObject({ dates: ["2023-03-15"], before: "2023-02-01", after: null });

    expect(await findLatestEditionDate(jmrb)).toBe("2024-01-01");
    expect(await findLatestEditionDate(weekly)).toBe("2023-03-15");
  });

  it("lists a year's published days within the year's bounds (withdrawn, planned and scheduled left out)", async () => {
    expect(await findEditionDatesInYear(jmrb, 2023)).toEqual(["2023-01-01", "2023-03-12", "2023-03-13", "2023-12-31"]);
    expect(await findEditionDatesInYear(jmrb, 2022)).toEqual(["2022-12-30", "2022-12-31"]);
    expect(await findEditionDatesInYear(jmrb, 2024)).toEqual(["2024-01-01"]);
    expect(await findEditionDatesInYear(jmrb, 2021)).toEqual([]);
  });

  it("keeps months apart at the turn of the year, and steps from January back to December", async () => {
    expect((await findArchiveMonthEditions(jmrb, "2023-12")).map((edition) => edition.date)).toEqual(["2023-12-31"]);
    expect((await findArchiveMonthEditions(jmrb, "2024-01")).map((edition) => edition.date)).toEqual(["2024-01-01"]);
    expect((await findArchiveMonthEditions(jmrb, "2023-01")).map((edition) => edition.date)).toEqual(["2023-01-01"]);
    expect((await findArchiveMonthEditions(jmrb, "2022-12")).map((edition) => edition.date)).toEqual(["2022-12-30", "2022-12-31"]);
    const months = (await findArchiveMonths(jmrb)).map((entry) => entry.month);
    expect(olderAndNewer(months, "2023-01")).toEqual({ older: "2022-12", newer: "2023-03" });
    expect(olderAndNewer(months, "2023-12")).toEqual({ older: "2023-03", newer: "2024-01" });
    expect(olderAndNewer(months, "2024-01")).toEqual({ older: "2023-12", newer: undefined });
  });

  it("gives each edition of a month its issue number, published page count and first page's published headlines", async () => {
    expect(await findArchiveMonthEditions(jmrb, "2023-03")).toEqual([
      {
        date: "2023-03-12",
        issueNumber: 17889,
        pageCount: 2,
        firstPage: { number: "A01", name: "要闻" },
        headlines: [
          { headline: "侨乡各界热议全国两会", position: 1 },
          { headline: "我市部署安全生产大检查", position: 3 },
        ],
      },
      {
        date: "2023-03-13",
        issueNumber: 17890,
        pageCount: 1,
        firstPage: { number: "A02", name: "综合" },
        headlines: [{ headline: "江门代表委员：把两会精神转化为实干动力", position: 1 }],
      },
    ]);
    expect(await findArchiveMonthEditions(jmrb, "2023-04")).toEqual([]);
  });

  it("follows publishing and withdrawing, whose revalidation reaches the archive's sitemap", async () => {
    const editionId = (await db.edition.findFirstOrThrow({ where: { publicationId: jmrb, date: editionDate("2023-03-13") } })).id;
    vi.mocked(revalidateTag).mockClear();
    await withdrawEdition({ db, actor: editor, editionId, reason: "版面有误" });
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(jmrb), { expire: 0 });
    expect((await findArchiveMonths(jmrb)).find((month) => month.month === "2023-03")).toEqual({ month: "2023-03", editions: 1, latest: "2023-03-12" });
    expect(await findEditionDatesInYear(jmrb, 2023)).not.toContain("2023-03-13");

    vi.mocked(revalidateTag).mockClear();
    await publishEdition({ db, actor: editor, editionId, override: "测试" });
    expect(revalidateTag).toHaveBeenCalledWith(cacheTags.publication(jmrb), { expire: 0 });
    expect((await findArchiveMonthEditions(jmrb, "2023-03")).map((edition) => edition.date)).toEqual(["2023-03-12", "2023-03-13"]);
  });
});

describe("the archive's sitemap", () => {
  it("lists the archive, each year and each month with editions, and is in the sitemap index", async () => {
    const xml = await archiveSitemapXml("jmrb-archive.xml");
    const locs = [...(xml ?? "").matchAll(/<loc>http[^<]+?(\/archive[^<]*)<\/loc><lastmod>([^<]+)</g)].map((match) => `${match[1]} ${match[2]}`);
    expect(locs).toEqual([
      "/archive 2024-01-01",
      "/archive/2024 2024-01-01",
      "/archive/2023 2023-12-31",
      "/archive/2022 2022-12-31",
      "/archive/2024/01 2024-01-01",
      "/archive/2023/12 2023-12-31",
      "/archive/2023/03 2023-03-13",
      "/archive/2023/01 2023-01-01",
      "/archive/2022/12 2022-12-31",
    ]);
    expect(await archiveSitemapXml("weekly-archive.xml")).toContain("/p/weekly/archive/2023/02</loc>");
    for (const file of ["nope-archive.xml", "jmrb-2023-03.xml", "_-archive.xml", "jmrb-archive.xml.gz"]) expect(await archiveSitemapXml(file)).toBeNull();
    expect(await sitemapIndexXml()).toContain("/sitemaps/jmrb-archive.xml</loc><lastmod>2024-01-01</lastmod>");
  });
});

describe("twenty years of a daily", () => {
  let daily: string;

  beforeAll(async () => {
    daily = (await db.publication.create({ data: { slug: "daily", name: "二十年日报" } })).id;
    // 2004-01-01 … 2023-12-31, every day; the 100th day of each year withdrawn.
    await sql(
      url,
      `INSERT INTO editions (id, publication_id, date, status, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, day::date,
              (CASE WHEN extract(doy FROM day) = 100 THEN 'WITHDRAWN' ELSE 'PUBLISHED' END)::edition_status, now(), now()
       FROM generate_series('2004-01-01'::date, '2023-12-31'::date, interval '1 day') AS day`,
      [daily],
    );
    await sql(url, "ANALYZE editions");
  });

  it("counts 240 months in one grouped query", async () => {
    const started = performance.now();
    const months = await findArchiveMonths(daily);
    const elapsed = performance.now() - started;
    expect(months).toHaveLength(240);
    expect(months[0]).toEqual({ month: "2023-12", editions: 31, latest: "2023-12-31" });
    // The withdrawn 100th day of the year falls in April (the 10th, or the 9th in leap years).
    expect(months.find((month) => month.month === "2023-04")).toEqual({ month: "2023-04", editions: 29, latest: "2023-04-30" });
    expect(months.find((month) => month.month === "2024-02")).toBeUndefined();
    const years = archiveYears(months);
    expect(years).toHaveLength(20);
    expect(years.find((year) => year.year === 2020)!.editions).toBe(365);
    expect(years.find((year) => year.year === 2023)!.editions).toBe(364);
    // Generous bound for a shared 2-core machine; the query itself takes a few ms.
    expect(elapsed).toBeLessThan(1_000);
  });

  it("reads a year or a month by an index range scan, never the whole table", async () => {
    expect(await findEditionDatesInYear(daily, 2016)).toHaveLength(365);
    expect(await findArchiveMonthEditions(daily, "2016-02")).toHaveLength(29);
    const plan = await sql<{ "QUERY PLAN": string }>(
      url,
      `EXPLAIN SELECT date FROM editions
       WHERE publication_id = $1::uuid AND status = 'PUBLISHED' AND date >= '2016-01-01' AND date < '2017-01-01'
       ORDER BY date`,
      [daily],
    );
    // (publication, status, date) or the unique (publication, date): either is a range scan of one year.
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index (Only )?Scan (using|on) editions_publication_id_(status_date_idx|date_key)/);
    expect(text).not.toContain("Seq Scan");
  });
});
