// Generates a synthetic archive of a city daily for the search and archive
// benchmark (bench/search.ts, issue #6).
//   npm run bench:generate [-- --years 5] [--seed jmrb] [--workers 2] [--fresh]
// Every day of the N years up to February 2023 (the demo editions are of 12–14
// March 2023) gets an edition of 8–12 pages at weekends and 16–28 on weekdays,
// 4–11 stories a page (about 50,000 stories a year), written from a vocabulary of the paper's words
// (bench/archive/), with bylines from a pool of reporters and correspondents and
// the page names of the standing list. 20 known stories are planted across the
// years for the judged relevance set (bench/archive/planted.ts). Search rows are
// computed with the app's own searchRow on worker threads (segmentation is the
// costly part) and everything goes in by multi-row INSERT. The result lives in
// .data/bench/archive-<years>y (see bench/archive/archive-database.ts); an
// existing archive is kept unless --fresh.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { prepareDatabase } from "../lib/db/prepare-database";
import { DiskStorage } from "../lib/storage/storage";
import { fromRoot, projectRoot } from "../scripts/lib/project";
import { archiveDir, BASELINE_DATABASE, clusterDir, manifestFile, readManifest, storageDir, type ArchiveManifest } from "./archive/archive-database";
import { PLANTED } from "./archive/planted";
import { randomFrom } from "./archive/random";
import { GIVEN, PAGE_PLAN, SURNAMES } from "./archive/vocabulary";
import type { DaysJob } from "./archive/write-days";

const { values } = parseArgs({
  options: {
    years: { type: "string", default: "5" },
    seed: { type: "string", default: "jmrb" },
    workers: { type: "string", default: String(os.availableParallelism()) },
    fresh: { type: "boolean", default: false },
  },
});
const years = Number(values.years);
if (!(years > 0 && years <= 30)) throw new Error("--years: a number of years, up to 30 (fractions are fine for quick runs)");
const workerCount = Math.max(1, Number(values.workers));
const seed = values.seed;
const dir = archiveDir(years);

const existing = await readManifest(dir);
if (existing && !values.fresh) {
  console.log(`${path.relative(process.cwd(), dir)} already holds ${existing.articles} stories (${existing.from} – ${existing.to}); --fresh to generate again.`);
  process.exit(0);
}
if (existsSync(dir)) await rm(dir, { recursive: true, force: true });

/**
 * The demo's first edition is 2023-03-12, issue 17889. The archive ends with
 * February 2023, so that March 2023 holds the demo editions alone in both
 * databases and its archive page compares like with like.
 */
const DEMO_FIRST = Date.parse("2023-03-12T00:00:00Z");
const DEMO_FIRST_ISSUE = 17_889;
const LAST_DAY = Date.parse("2023-02-28T00:00:00Z");
const DAY = 86_400_000;
const dayCount = Math.round(years * 365.25);
const dates = Array.from({ length: dayCount }, (_, index) => new Date(LAST_DAY - (dayCount - 1 - index) * DAY).toISOString().slice(0, 10));
const issues = Object.fromEntries(dates.map((date) => [date, DEMO_FIRST_ISSUE - Math.round((DEMO_FIRST - Date.parse(`${date}T00:00:00Z`)) / DAY)]));

const started = performance.now();
const server = await startEmbeddedPostgres({ dataDir: clusterDir(dir), log: (line) => console.log(`[postgres] ${line}`) });
const admin = new pg.Client({ connectionString: server.url });
try {
  await admin.connect();
  // A bulk load on a throw-away cluster: no fsync, big checkpoints, memory for index builds. Reset at the end,
  // so the benchmark measures PostgreSQL's defaults, as `npm start` runs it.
  for (const setting of ["fsync = off", "full_page_writes = off", "synchronous_commit = off", "max_wal_size = '8GB'", "maintenance_work_mem = '1GB'"]) {
    await admin.query(`ALTER SYSTEM SET ${setting}`);
  }
  await admin.query("SELECT pg_reload_conf()");

  const storage = new DiskStorage(storageDir(dir));
  const baselineUrl = await server.createDatabase(BASELINE_DATABASE);
  for (const url of [server.url, baselineUrl]) {
    await prepareDatabase({ connectionString: url, storage, seedDemoData: true, root: projectRoot, log: (line) => console.log(`[prepare] ${line}`) });
  }
} catch (error) {
  await server.stop();
  throw error;
} finally {
  await admin.end();
}

const db = new pg.Client({ connectionString: server.url });
await db.connect();
try {
  const publicationId = (await db.query<{ id: string }>("SELECT id FROM publications WHERE slug = 'jmrb'")).rows[0]!.id;
  const pageNameIds = await addPageNames(publicationId);
  const people = await addPeople(publicationId);
  const corpus = await demoSentences();
  const planted = PLANTED.map((story) => ({ ...story, date: dates[Math.floor(story.at * (dates.length - 1))]! }));

  // The search table's secondary indexes are built once after the load (far faster than row by row), as migrated.
  const indexes = (
    await db.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'article_search' AND indexname <> 'article_search_pkey'`,
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX "${index.name}"`);

  // Weeks dealt out to the workers in turn: each writes its weeks oldest first, so rows land in about date order.
  const shares: string[][] = Array.from({ length: workerCount }, () => []);
  for (let index = 0; index < dates.length; index += 1) shares[Math.floor(index / 7) % workerCount]!.push(dates[index]!);
  console.log(`Generating ${dates[0]} – ${dates.at(-1)} (${dates.length} days) with ${workerCount} worker thread(s)…`);

  let written = 0;
  const progress = setInterval(() => {
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${written} stories, ${(written / seconds).toFixed(0)}/s, ${seconds.toFixed(0)} s`);
  }, 15_000);
  await Promise.all(
    shares.map((share) =>
      runWorker({ url: server.url, seed, publicationId, dates: share, issues, pageNameIds, people, planted, corpus }, (articles) => {
        written += articles;
      }),
    ),
  );
  clearInterval(progress);

  console.log("Building the search indexes and analysing…");
  for (const index of indexes) await db.query(index.definition);
  await db.query("VACUUM (ANALYZE)");
  for (const setting of ["fsync", "full_page_writes", "synchronous_commit", "max_wal_size", "maintenance_work_mem"]) await db.query(`ALTER SYSTEM RESET ${setting}`);
  await db.query("SELECT pg_reload_conf()");
  await db.query("CHECKPOINT");

  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0]!.n);
  const size = async (sql: string) => (await db.query<{ size: string }>(`SELECT pg_size_pretty((${sql})::bigint) AS size`)).rows[0]!.size;
  const found = await db.query<{ key: string; id: string }>("SELECT external_id AS key, id FROM articles WHERE external_id LIKE 'planted-%'");
  const ids = new Map(found.rows.map((row) => [row.key, row.id]));
  const missing = planted.filter((story) => !ids.has(story.key));
  if (missing.length) throw new Error(`Planted stories missing: ${missing.map((story) => story.key).join(", ")}`);
  const manifest: ArchiveManifest = {
    years,
    seed,
    from: dates[0]!,
    to: dates.at(-1)!,
    editions: await count("SELECT count(*) AS n FROM editions"),
    pages: await count("SELECT count(*) AS n FROM pages"),
    articles: await count("SELECT count(*) AS n FROM articles"),
    generationSeconds: Math.round((performance.now() - started) / 1000),
    workers: workerCount,
    loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
    sizes: {
      database: await size("pg_database_size(current_database())"),
      articles: await size("pg_total_relation_size('articles')"),
      articleSearch: await size("pg_total_relation_size('article_search')"),
      articleSearchHeap: await size("pg_relation_size('article_search')"),
      articleSearchToast: await size("pg_total_relation_size((SELECT reltoastrelid FROM pg_class WHERE relname = 'article_search'))"),
      documentIndex: await size("pg_relation_size('article_search_document_idx')"),
    },
    planted: planted.map((story) => ({ key: story.key, id: ids.get(story.key) ?? "", date: story.date, query: story.query, headline: story.headline })),
  };
  await writeFile(manifestFile(dir), JSON.stringify(manifest, null, 2) + "\n");
  console.log(JSON.stringify({ ...manifest, planted: `${manifest.planted.length} stories` }, null, 2));
} finally {
  await db.end();
  await server.stop();
}

/** The standing list extended with the pages a bigger edition carries (the demo has seven). */
async function addPageNames(publicationId: string): Promise<Record<string, string>> {
  for (const [index, plan] of PAGE_PLAN.entries()) {
    await db.query(
      `INSERT INTO page_names (id, publication_id, name, position) VALUES ($1, $2, $3, $4) ON CONFLICT (publication_id, name) DO NOTHING`,
      [randomUUID(), publicationId, plan.name, 100 + index],
    );
  }
  const rows = (await db.query<{ id: string; name: string }>("SELECT id, name FROM page_names WHERE publication_id = $1", [publicationId])).rows;
  return Object.fromEntries(rows.map((row) => [row.name, row.id]));
}

/** 120 reporters and 180 correspondents with names made of common surnames and given-name characters. */
async function addPeople(publicationId: string): Promise<DaysJob["people"]> {
  const random = randomFrom(`${seed}:people`);
  const names = new Set<string>();
  const people: DaysJob["people"] = [];
  while (people.length < 300) {
    const name = random.any(SURNAMES) + random.any(GIVEN) + (random.chance(0.7) ? random.any(GIVEN) : "");
    if (names.has(name)) continue;
    names.add(name);
    const role = people.length < 120 ? "REPORTER" : "CORRESPONDENT";
    const id = randomUUID();
    await db.query(`INSERT INTO people (id, publication_id, name, role, organisation, updated_at) VALUES ($1, $2, $3, $4::byline_role, $5, now())`, [
      id,
      publicationId,
      name,
      role,
      role === "REPORTER" ? "江门日报" : null,
    ]);
    people.push({ id, name, role });
  }
  return people;
}

/** The demo newsroom's real sentences (prisma/demo), mixed into the generated bodies. */
async function demoSentences(): Promise<string[]> {
  const editions = fromRoot("prisma", "demo", "editions");
  const sentences: string[] = [];
  for (const date of await readdir(editions)) {
    const manifest = JSON.parse(await readFile(path.join(editions, date, "manifest.json"), "utf8")) as {
      pages: { stories: { body?: { type: string; text: string }[] }[] }[];
    };
    for (const story of manifest.pages.flatMap((page) => page.stories)) {
      for (const block of story.body ?? []) {
        if (block.type !== "paragraph") continue;
        for (const sentence of block.text.match(/[^。！？]+[。！？]/g) ?? []) if (sentence.length >= 12 && sentence.length <= 120) sentences.push(sentence);
      }
    }
  }
  return sentences;
}

/** One worker thread writing a share of the days (bench/archive/write-days.ts). */
function runWorker(job: DaysJob, progress: (articles: number) => void): Promise<void> {
  // tsx does not reach a worker's entry on Node 20 through execArgv; load it the way lib/pages/read-page-pdf-off-thread.ts does.
  const entry = new URL("./archive/write-days-thread.ts", import.meta.url).href;
  const worker = new Worker(`import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`, {
    eval: true,
    workerData: job,
  });
  worker.on("message", (message: { articles: number }) => progress(message.articles));
  return new Promise((resolve, reject) => {
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`A generator thread stopped (exit code ${code})`))));
  });
}
