// Article-region accuracy on real printed pages and generated Chinese pages (issue #11).
//   npm run bench:regions [-- --verbose]
// Pages:
// - ../shared/realpages/*.pdf with the true article boxes made by hand in
//   ../shared/realpages/truth/<name>.json (kept outside the repo with the PDFs:
//   the papers' copyright; skipped with a note when absent);
// - the generated Chinese pages with their exact boxes (tests/pages/chinese-pages.ts);
// - the demo page A05 with its hand-drawn blocks.
// Each page runs twice: text-anchored (findRegions with the stories' text as a
// layout desk may have changed it: see newsroomVersion) and geometric (no
// stories known). Per page: articles / matched (a region for the article) /
// IoU >= 0.8 / median IoU / regions without a story / seconds (detection from the
// page's layout, without reading the PDF or drawing its image; the layout read is
// printed apart). A page whose text layer is unusable must be refused with its reason.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { StoryText } from "../lib/regions/anchor-stories";
import { findRegions } from "../lib/regions/find-regions";
import { fixturePagePdf, fixtureStories, fixtureTruth } from "../lib/regions/fixture-page";
import { shapeIou } from "../lib/regions/iou";
import type { DetectedRegion } from "../lib/regions/page-article";
import { readPageLayout, type PageLayout } from "../lib/regions/read-page-layout";
import type { Rect } from "../lib/regions/rect";
import { chineseTestPages, unusableTestPages } from "../tests/pages/chinese-pages";
import { newsroomVersion } from "../tests/pages/newsroom-version";

const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false }, edits: { type: "string", default: "5" } } });
/** Text-anchored runs per page, each with another set of desk edits (the figures are their mean). */
const EDIT_RUNS = Math.max(1, Number(values.edits));

interface TruthArticle {
  key: string;
  story: StoryText;
  boxes: Rect[];
}
interface BenchPage {
  name: string;
  kind: "real" | "generated" | "demo";
  layout: PageLayout;
  readSeconds: number;
  /** null: the page must be refused (unusable text layer). */
  articles: TruthArticle[] | null;
  /** Articles only their text tells apart (untitled briefs): one block from the geometry alone. */
  geometryGroups?: { keys: string[]; boxes: Rect[] }[];
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, (performance.now() - start) / 1000];
}

function realPages(): BenchPage[] {
  const folder = path.resolve(import.meta.dirname, "..", "..", "shared", "realpages");
  if (!existsSync(folder)) {
    console.log(`(no ${folder}: real pages skipped)`);
    return [];
  }
  const pages: BenchPage[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".pdf")).sort()) {
    const truthFile = path.join(folder, "truth", file.replace(/\.pdf$/, ".json"));
    if (!existsSync(truthFile)) {
      console.log(`(no true boxes for ${file} in ${path.dirname(truthFile)}: skipped)`);
      continue;
    }
    const truth = JSON.parse(readFileSync(truthFile, "utf8")) as {
      textLayer: string;
      articles: { id: string; kicker: string | null; headline: string; decks?: string[]; byline: string | null; body: string[]; captions?: string[]; boxes: Rect[] }[];
    };
    const [layout, readSeconds] = timed(() => readPageLayout(readFileSync(path.join(folder, file))));
    const articles =
      truth.textLayer === "usable"
        ? truth.articles.map((article) => ({
            key: article.id,
            boxes: article.boxes,
            story: {
              key: article.id,
              kicker: article.kicker,
              headline: article.headline,
              subtitle: article.decks?.length ? article.decks.join(" ") : null,
              bylines: article.byline ? [article.byline] : [],
              body: article.body,
              captions: article.captions ?? [],
            },
          }))
        : null;
    pages.push({ name: file.replace(/\.pdf$/, ""), kind: "real", layout, readSeconds, articles });
  }
  return pages;
}

function fixturePage(): BenchPage {
  const [layout, readSeconds] = timed(() => readPageLayout(fixturePagePdf()));
  const stories = fixtureStories();
  const articles = fixtureTruth().map((truth) => ({ key: stories.find((story) => story.headline === truth.headline)!.key, boxes: [truth.box], story: stories.find((story) => story.headline === truth.headline)! }));
  return { name: "demo 2023-03-13 A05", kind: "demo", layout, readSeconds, articles };
}

interface Score {
  articles: number;
  matched: number;
  good: number;
  median: number;
  strays: number;
  seconds: number;
  refused: string | null;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Text of the same script printed on another page (the continuation of a
 * jumped story is not on this page): a paragraph of another page's article.
 */
function fillerFor(page: BenchPage, story: StoryText, index: number): string {
  const cjk = /[\u3400-\u9fff]/.test(story.headline);
  const others = pages.filter((other) => other !== page && other.articles?.some((article) => /[\u3400-\u9fff]/.test(article.story.headline) === cjk));
  const other = others[index % Math.max(1, others.length)];
  const candidates = (other?.articles ?? []).filter((article) => /[\u3400-\u9fff]/.test(article.story.headline) === cjk && !page.articles?.some((own) => own.key === article.key));
  return candidates[index % Math.max(1, candidates.length)]?.story.body.slice(-1).join("") ?? "";
}

/** Each true article paired with a region: by story in text mode, by largest overlap (each region once) in geometric mode. */
function scoreRun(page: BenchPage, mode: "text" | "geometry", run: number): Score & { ious: number[] } {
  const articles = mode === "text" ? (page.articles ?? []) : geometryArticles(page);
  const stories = mode === "text" ? articles.map((article, index) => newsroomVersion(article.story, run * 1000 + index + 1, fillerFor(page, article.story, index))) : [];
  const [result, seconds] = timed(() => findRegions(page.layout, stories));
  const ious = new Map<string, number>();
  const used = new Set<DetectedRegion>();
  if (mode === "text") {
    for (const region of result.regions) {
      const article = articles.find((candidate) => candidate.key === region.storyKey);
      if (!article) continue;
      used.add(region);
      ious.set(article.key, Math.max(ious.get(article.key) ?? 0, shapeIou(region.shape, article.boxes)));
    }
  } else {
    const pairs = articles.flatMap((article) => result.regions.map((region) => ({ article, region, iou: shapeIou(region.shape, article.boxes) }))).filter((pair) => pair.iou > 0.1);
    for (const pair of pairs.sort((a, b) => b.iou - a.iou)) {
      if (used.has(pair.region) || ious.has(pair.article.key)) continue;
      used.add(pair.region);
      ious.set(pair.article.key, pair.iou);
    }
  }
  if (values.verbose) {
    for (const article of articles) console.log(`    ${mode}${mode === "text" ? ` #${run + 1}` : ""} ${(ious.get(article.key) ?? 0).toFixed(2)}  ${article.story.headline.slice(0, 60)}`);
    for (const region of result.regions.filter((candidate) => !used.has(candidate))) console.log(`    ${mode} stray: ${region.headline.slice(0, 60)}`);
  }
  const all = articles.map((article) => ious.get(article.key) ?? 0);
  return {
    articles: articles.length,
    matched: ious.size,
    good: all.filter((value) => value >= 0.8).length,
    median: median(all),
    strays: result.regions.length - used.size,
    seconds,
    refused: result.issue,
    ious: all,
  };
}

/** A page's score: geometric detection once; text-anchored detection once per set of desk edits, averaged. */
function score(page: BenchPage, mode: "text" | "geometry"): Score {
  const runs = Array.from({ length: mode === "text" && page.articles ? EDIT_RUNS : 1 }, (_, run) => scoreRun(page, mode, run));
  const mean = (pick: (run: Score) => number) => runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  return {
    articles: runs[0]!.articles,
    matched: mean((run) => run.matched),
    good: mean((run) => run.good),
    median: median(runs.flatMap((run) => run.ious)),
    strays: mean((run) => run.strays),
    seconds: Math.max(...runs.map((run) => run.seconds)),
    refused: runs[0]!.refused,
  };
}

function generatedPages(): BenchPage[] {
  const usable = chineseTestPages().map((page): BenchPage => {
    const [layout, readSeconds] = timed(() => readPageLayout(page.pdf));
    return { name: `generated ${page.name}`, kind: "generated", layout, readSeconds, articles: page.articles, geometryGroups: page.geometryGroups };
  });
  const unusable = unusableTestPages().map((page): BenchPage => {
    const [layout, readSeconds] = timed(() => readPageLayout(page.pdf));
    return { name: `generated ${page.name}`, kind: "generated", layout, readSeconds, articles: null };
  });
  return [...usable, ...unusable];
}

/** The articles as geometric detection should find them: each group of untitled briefs as one. */
function geometryArticles(page: BenchPage): TruthArticle[] {
  const articles = page.articles ?? [];
  const grouped = new Set(page.geometryGroups?.flatMap((group) => group.keys));
  const groups = (page.geometryGroups ?? []).map((group) => ({ key: group.keys.join("+"), boxes: group.boxes, story: articles.find((article) => article.key === group.keys[0])!.story }));
  return [...articles.filter((article) => !grouped.has(article.key)), ...groups];
}

const pages = [...realPages(), ...generatedPages(), fixturePage()];
// Warm up once (the first call loads the script converter's tables and compiles the detector), so each page's seconds are its own.
findRegions(pages.at(-1)!.layout, []);
findRegions(pages.at(-1)!.layout, fixtureStories());
console.log(`Text-anchored figures are the mean of ${EDIT_RUNS} runs, each with another set of desk edits (--edits N).`);
console.log("| page | mode | articles | matched | IoU ≥ 0.8 | median IoU | regions without a story | s (detect) | s (read PDF) |");
console.log("|---|---|---|---|---|---|---|---|---|");
const totals = new Map<string, { articles: number; good: number; strays: number; slowest: number }>();
const figure = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
let refusals = 0;
let unusable = 0;
for (const page of pages) {
  if (values.verbose) console.log(`  ${page.name}`);
  for (const mode of ["text", "geometry"] as const) {
    const result = score(page, mode);
    if (page.articles === null) {
      if (mode === "text") unusable += 1;
      if (mode === "text" && result.refused) refusals += 1;
      console.log(`| ${page.name} | ${mode} | unusable text layer | refused: ${result.refused ?? "NO (regions made)"} | | | ${figure(result.strays)} | ${result.seconds.toFixed(3)} | ${page.readSeconds.toFixed(2)} |`);
      continue;
    }
    const key = `${page.kind} pages, ${mode}`;
    const total = totals.get(key) ?? { articles: 0, good: 0, strays: 0, slowest: 0 };
    total.articles += result.articles;
    total.good += result.good;
    total.strays += result.strays;
    total.slowest = Math.max(total.slowest, result.seconds);
    totals.set(key, total);
    console.log(
      `| ${page.name} | ${mode} | ${result.articles} | ${figure(result.matched)} | ${figure(result.good)} | ${result.median.toFixed(2)} | ${figure(result.strays)} | ${result.seconds.toFixed(3)} | ${page.readSeconds.toFixed(2)} |`,
    );
  }
}
for (const [key, total] of totals) {
  console.log(
    `${key}: ${figure(total.good)} of ${total.articles} articles with IoU ≥ 0.8 (${((100 * total.good) / Math.max(1, total.articles)).toFixed(0)} %), ${figure(total.strays)} regions without a story, slowest page ${total.slowest.toFixed(3)} s`,
  );
}
console.log(`unusable text layers refused: ${refusals} of ${unusable}`);
