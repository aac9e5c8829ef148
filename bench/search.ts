// Search, reader views and the archive calendar at the size of a generated
// archive against the empty-archive baseline, in the same run (issue #6).
//   npm run bench:generate -- --years 5        (once: writes .data/bench/archive-5y)
//   npm run bench:search [-- --years 5 --runs 5 --view-runs 30]
// Both databases live on the archive's own embedded PostgreSQL (PostgreSQL's
// default settings, as `npm start` runs it): `baseline` is the demo newsroom,
// `newsroom` the demo newsroom plus the generated years. Prints:
// - search latency of searchArticles (parse, SQL, hits with highlighted
//   snippets: all the search page waits for) over the fixed query set
//   (bench/archive/search-queries.ts), p50/p95 per query and per class;
// - the judged relevance set: the rank of each planted story for its query;
// - the reader's page and article view data and the archive pages' queries,
//   uncached (what a first render or a cache miss costs; a cached page does not
//   touch the database), with ratios to the baseline.
// Queries run one at a time, the two databases interleaved, after one warm-up pass.
import os from "node:os";
import { parseArgs } from "node:util";
import type { Actor } from "../lib/auth/permissions";
import { createDbClient, type Db } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { applyMigrations } from "../lib/db/migrations/apply-migrations";
import { searchArticles, type SearchAudience } from "../lib/search/search-articles";
import { fromRoot } from "../scripts/lib/project";
import { ARCHIVE_DATABASE, archiveDir, BASELINE_DATABASE, clusterDir, readManifest } from "./archive/archive-database";
import { SEARCH_QUERIES, type BenchQuery } from "./archive/search-queries";
import { pointReaderAt, bypassReaderCache } from "./archive/uncached-reader";

const { values } = parseArgs({
  options: {
    years: { type: "string", default: "5" },
    runs: { type: "string", default: "5" },
    "view-runs": { type: "string", default: "30" },
  },
});
const years = Number(values.years);
const runs = Number(values.runs);
const viewRuns = Number(values["view-runs"]);
const dir = archiveDir(years);
const manifest = await readManifest(dir);
if (!manifest) {
  console.error(`No generated archive in ${dir}: run \`npm run bench:generate -- --years ${years}\` first.`);
  process.exit(2);
}

bypassReaderCache();
const { readerContext } = await import("../lib/reader/reader-context");
const { findEditionView } = await import("../lib/reader/find-edition-view");
const { findArticleView } = await import("../lib/reader/find-article-view");
const { findEditionMonth } = await import("../lib/reader/find-edition-dates");
const { findSearchOptions } = await import("../lib/reader/find-search-options");
const { archiveYears, findArchiveMonths, findArchiveMonthEditions, findEditionDatesInYear } = await import("../lib/reader/find-archive");

const server = await startEmbeddedPostgres({ dataDir: clusterDir(dir) });
const baselineUrl = server.url.replace(new RegExp(`/${ARCHIVE_DATABASE}$`), `/${BASELINE_DATABASE}`);
// Migrations written since the archive was generated (indexes, mostly), as a server start would apply them.
for (const url of [baselineUrl, server.url]) await applyMigrations({ connectionString: url, migrationsDir: fromRoot("prisma", "migrations") });
const loadAtStart = os.loadavg();

interface Target {
  name: "baseline" | "archive";
  db: Db;
  publicationId: string;
  editor: Actor;
  reporterId: string;
}

async function target(name: Target["name"], url: string): Promise<Target> {
  const db = createDbClient(url);
  const publicationId = (await db.publication.findUniqueOrThrow({ where: { slug: "jmrb" } })).id;
  const editorUser = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" }, select: { id: true, role: true } });
  // The busiest byline: the person filter at its most expensive.
  const [busiest] = await db.$queryRaw<{ id: string }[]>`SELECT person_id AS id FROM bylines WHERE person_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  return { name, db, publicationId, editor: editorUser, reporterId: busiest!.id };
}

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

try {
  const targets = [await target("baseline", baselineUrl), await target("archive", server.url)];
  const [baseline, archive] = targets as [Target, Target];
  console.log(
    `\nArchive: ${manifest.articles} stories, ${manifest.editions} editions, ${manifest.pages} pages (${manifest.from} – ${manifest.to}); ` +
      `baseline: ${await baseline.db.article.count()} stories. node ${process.version}, ${os.cpus().length} cores, load average ${loadAtStart.map((n) => n.toFixed(1)).join(" ")}, ${new Date().toISOString()}\n`,
  );

  // ---- search latency ----
  const search = (t: Target, query: BenchQuery) => {
    const audience: SearchAudience = query.staff ? { kind: "staff", actor: t.editor } : { kind: "reader", publicationId: t.publicationId };
    return searchArticles({ db: t.db, audience, q: query.q, filters: query.filters?.({ reporterId: t.reporterId }), page: query.page });
  };
  const samples = new Map<Target, number[][]>(targets.map((t) => [t, SEARCH_QUERIES.map(() => [])]));
  const totals: string[] = [];
  for (const t of targets) for (const query of SEARCH_QUERIES) await search(t, query);
  for (let run = 0; run < runs; run += 1) {
    for (const t of targets) {
      for (const [index, query] of SEARCH_QUERIES.entries()) {
        const [result, elapsed] = await timed(() => search(t, query));
        samples.get(t)![index]!.push(elapsed);
        if (t === archive && run === 0) totals[index] = `${result.total}${result.totalCapped ? "+" : ""}`;
      }
    }
  }
  console.log(`### Search latency, ms (${runs} runs of each query)\n`);
  console.log("| class | query | matches at size | baseline p50 | at size p50 | at size p95 | p50 ratio |");
  console.log("|---|---|---|---|---|---|---|");
  for (const [index, query] of SEARCH_QUERIES.entries()) {
    const base = samples.get(baseline)![index]!;
    const size = samples.get(archive)![index]!;
    const label = [query.q, query.page ? `page ${query.page}` : "", query.filters ? JSON.stringify(query.filters({ reporterId: "…" })) : "", query.staff ? "(staff)" : ""].filter(Boolean).join(" ");
    console.log(`| ${query.class} | ${label.replace(/\|/g, "\\|")} | ${totals[index]} | ${ms(percentile(base, 50))} | ${ms(percentile(size, 50))} | ${ms(percentile(size, 95))} | ${ratio(percentile(size, 50), percentile(base, 50))} |`);
  }
  console.log("\n| class | baseline p50 / p95 | at size p50 / p95 |");
  console.log("|---|---|---|");
  const classes = [...new Set(SEARCH_QUERIES.map((query) => query.class))];
  const pooled = (t: Target, keep: (query: BenchQuery) => boolean) => SEARCH_QUERIES.flatMap((query, index) => (keep(query) ? samples.get(t)![index]! : []));
  for (const name of [...classes, "all"]) {
    const keep = (query: BenchQuery) => name === "all" || query.class === name;
    const base = pooled(baseline, keep);
    const size = pooled(archive, keep);
    console.log(`| ${name} | ${ms(percentile(base, 50))} / ${ms(percentile(base, 95))} | ${ms(percentile(size, 50))} / ${ms(percentile(size, 95))} |`);
  }
  const p95 = percentile(pooled(archive, () => true), 95);
  console.log(`\nSearch p95 at size: ${ms(p95)} ms (target < 100 ms: ${p95 < 100 ? "met" : "NOT met"}).\n`);

  // ---- relevance ----
  console.log("### Judged relevance set (rank of the best answer, readers' search)\n");
  console.log("| query | best answer (date) | rank |");
  console.log("|---|---|---|");
  let inTopThree = 0;
  for (const planted of manifest.planted) {
    const result = await searchArticles({ db: archive.db, audience: { kind: "reader", publicationId: archive.publicationId }, q: planted.query });
    const rank = result.hits.findIndex((hit) => hit.articleId === planted.id) + 1;
    if (rank >= 1 && rank <= 3) inTopThree += 1;
    console.log(`| ${planted.query} | ${planted.headline} (${planted.date}) | ${rank || `not in top ${result.hits.length}`} |`);
  }
  console.log(`\nBest answer in the top 3: ${inTopThree} of ${manifest.planted.length} (target ≥ 18).\n`);

  // ---- reader views and the archive, uncached ----
  const seedArticleId = async (t: Target) => {
    const [row] = await t.db.$queryRaw<{ id: string }[]>`
      SELECT p.article_id AS id FROM placements p JOIN pages g ON g.id = p.page_id JOIN editions e ON e.id = g.edition_id
      WHERE e.date = '2023-03-13' AND g.number = 'A05' AND p.position = 4`;
    return row!.id;
  };
  // What the page route reads: the publication, the edition, and the month of editions for its calendar.
  const pageView = async (date: string, page: string) => {
    const context = await readerContext({ script: "hans", publication: "_" }, () => "/");
    const edition = (await findEditionView(context.publication.id, date))!;
    const month = await findEditionMonth(context.publication.id, date.slice(0, 7));
    return { context, edition, month, page: edition.pages.find((candidate) => candidate.number === page) };
  };
  const views: { name: string; run: (t: Target, articleId: string) => Promise<unknown>; sizeOnly?: boolean }[] = [
    { name: "page view 2023-03-13/A05 (publication, edition, month of editions)", run: () => pageView("2023-03-13", "A05") },
    {
      // What the article route reads: the publication, the edition, the article.
      name: "article view 2023-03-13/A05/4 (publication, edition, article)",
      run: async (t, id) => {
        const context = await readerContext({ script: "hans", publication: "_" }, () => "/");
        return [await findEditionView(context.publication.id, "2023-03-13"), await findArticleView(t.publicationId, id)];
      },
    },
    { name: "archive index (months of every year)", run: async (t) => archiveYears(await findArchiveMonths(t.publicationId)) },
    { name: "archive year 2023 (months, dates of the year)", run: async (t) => [await findArchiveMonths(t.publicationId), await findEditionDatesInYear(t.publicationId, 2023)] },
    { name: "archive month 2023-03 (months, editions with front-page headlines)", run: async (t) => [await findArchiveMonths(t.publicationId), await findArchiveMonthEditions(t.publicationId, "2023-03")] },
    { name: "search page filter choices (page names, bylines of published stories)", run: (t) => findSearchOptions(t.publicationId) },
    { name: `page view of an old edition ${manifest.from}/A01`, run: () => pageView(manifest.from, "A01"), sizeOnly: true },
    { name: "archive year 2022 (a full year)", run: async (t) => [await findArchiveMonths(t.publicationId), await findEditionDatesInYear(t.publicationId, 2022)], sizeOnly: true },
    { name: "archive month 2022-12 (a full month)", run: async (t) => [await findArchiveMonths(t.publicationId), await findArchiveMonthEditions(t.publicationId, "2022-12")], sizeOnly: true },
  ];
  const articleIds = new Map<Target, string>([
    [baseline, await seedArticleId(baseline)],
    [archive, await seedArticleId(archive)],
  ]);
  const viewSamples = new Map<string, number[]>();
  for (let run = -1; run < viewRuns; run += 1) {
    for (const view of views) {
      for (const t of targets) {
        if (view.sizeOnly && t === baseline) continue;
        pointReaderAt(t.db);
        const [, elapsed] = await timed(() => view.run(t, articleIds.get(t)!));
        if (run < 0) continue; // warm-up
        const key = `${view.name}|${t.name}`;
        viewSamples.set(key, [...(viewSamples.get(key) ?? []), elapsed]);
      }
    }
  }
  console.log(`### Reader views and archive pages, uncached data, ms (${viewRuns} runs)\n`);
  console.log("| what | baseline p50 / p95 | at size p50 / p95 | p50 ratio |");
  console.log("|---|---|---|---|");
  for (const view of views) {
    const size = viewSamples.get(`${view.name}|archive`)!;
    const base = viewSamples.get(`${view.name}|baseline`);
    const baseCell = base ? `${ms(percentile(base, 50))} / ${ms(percentile(base, 95))}` : "—";
    console.log(`| ${view.name} | ${baseCell} | ${ms(percentile(size, 50))} / ${ms(percentile(size, 95))} | ${base ? ratio(percentile(size, 50), percentile(base, 50)) : "—"} |`);
  }
  console.log(`\nLoad average at the end: ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
  for (const t of targets) await t.db.$disconnect();
} finally {
  await server.stop();
}
