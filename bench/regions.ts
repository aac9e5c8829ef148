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
import { chineseTestPages } from "../tests/pages/chinese-pages";

const { values } = parseArgs({ options: { verbose: { type: "boolean", default: false } } });

interface TruthArticle {
  key: string;
  story: StoryText;
  boxes: Rect[];
}
interface BenchPage {
  name: string;
  layout: PageLayout;
  readSeconds: number;
  /** null: the page must be refused (unusable text layer). */
  articles: TruthArticle[] | null;
  /** Articles only their text tells apart (untitled briefs): one block from the geometry alone. */
  geometryGroups?: { keys: string[]; boxes: Rect[] }[];
}

/** A deterministic generator, so every run perturbs the same words. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/**
 * The newsroom's version of a printed story, as a layout desk's edits make the
 * two differ: one sentence of the body the desk cut (present in the newsroom's
 * text, absent in print: here a sentence of the printed text is dropped and
 * another article's sentence added), about one word in eight changed, every
 * number changed, and the rest of a jumped story (its continuation) appended.
 */
function newsroomVersion(story: StoryText, seed: number, filler: string): StoryText {
  const next = random(seed);
  const cjk = /[\u3400-\u9fff]/.test(story.headline + story.body.join(""));
  const edit = (text: string) => {
    const numbers = text.replace(/\d+/g, (digits) => String(Number(digits) + 1));
    if (cjk) return [...numbers].map((char) => (/[\u3400-\u9fff]/.test(char) && next() < 0.06 ? "某" : char)).join("");
    return numbers
      .split(" ")
      .map((word) => (next() < 0.12 ? "edited" : word))
      .join(" ");
  };
  const sentences = story.body.flatMap((paragraph) => paragraph.split(/(?<=[。！？.!?])\s*/u)).filter(Boolean);
  const dropped = sentences.length > 3 ? Math.floor(next() * sentences.length) : -1;
  const body = [sentences.filter((_, index) => index !== dropped).map(edit).join(cjk ? "" : " "), filler];
  return { ...story, headline: edit(story.headline), subtitle: story.subtitle && edit(story.subtitle), body, captions: story.captions.map(edit) };
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
    pages.push({ name: file.replace(/\.pdf$/, ""), layout, readSeconds, articles });
  }
  return pages;
}

function fixturePage(): BenchPage {
  const [layout, readSeconds] = timed(() => readPageLayout(fixturePagePdf()));
  const stories = fixtureStories();
  const articles = fixtureTruth().map((truth) => ({ key: stories.find((story) => story.headline === truth.headline)!.key, boxes: [truth.box], story: stories.find((story) => story.headline === truth.headline)! }));
  return { name: "demo 2023-03-13 A05", layout, readSeconds, articles };
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

/** Each true article paired with a region: by story in text mode, by largest overlap (each region once) in geometric mode. */
function score(page: BenchPage, mode: "text" | "geometry"): Score {
  const articles = mode === "text" ? (page.articles ?? []) : geometryArticles(page);
  const stories = mode === "text" ? articles.map((article, index) => newsroomVersion(article.story, index + 1, articles[(index + 1) % articles.length]!.story.body.slice(-1).join(""))) : [];
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
    for (const article of articles) console.log(`    ${mode} ${(ious.get(article.key) ?? 0).toFixed(2)}  ${article.story.headline.slice(0, 60)}`);
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
  };
}

function generatedPages(): BenchPage[] {
  return chineseTestPages().map((page) => {
    const [layout, readSeconds] = timed(() => readPageLayout(page.pdf));
    return { name: `generated ${page.name}`, layout, readSeconds, articles: page.articles, geometryGroups: page.geometryGroups };
  });
}

/** The articles as geometric detection should find them: each group of untitled briefs as one. */
function geometryArticles(page: BenchPage): TruthArticle[] {
  const articles = page.articles ?? [];
  const grouped = new Set(page.geometryGroups?.flatMap((group) => group.keys));
  const groups = (page.geometryGroups ?? []).map((group) => ({ key: group.keys.join("+"), boxes: group.boxes, story: articles.find((article) => article.key === group.keys[0])!.story }));
  return [...articles.filter((article) => !grouped.has(article.key)), ...groups];
}

const pages = [...realPages(), ...generatedPages(), fixturePage()];
console.log("| page | mode | articles | matched | IoU ≥ 0.8 | median IoU | regions without a story | s (detect) | s (read PDF) |");
console.log("|---|---|---|---|---|---|---|---|---|");
const totals = { text: { articles: 0, good: 0, strays: 0, slowest: 0 }, geometry: { articles: 0, good: 0, strays: 0, slowest: 0 } };
let refusals = 0;
let unusable = 0;
for (const page of pages) {
  if (values.verbose) console.log(`  ${page.name}`);
  for (const mode of ["text", "geometry"] as const) {
    const result = score(page, mode);
    if (page.articles === null) {
      if (mode === "text") unusable += 1;
      if (mode === "text" && result.refused) refusals += 1;
      console.log(`| ${page.name} | ${mode} | unusable text layer | refused: ${result.refused ?? "NO (regions made)"} | | | ${result.strays} | ${result.seconds.toFixed(3)} | ${page.readSeconds.toFixed(2)} |`);
      continue;
    }
    const total = totals[mode];
    total.articles += result.articles;
    total.good += result.good;
    total.strays += result.strays;
    total.slowest = Math.max(total.slowest, result.seconds);
    console.log(
      `| ${page.name} | ${mode} | ${result.articles} | ${result.matched} | ${result.good} | ${result.median.toFixed(2)} | ${result.strays} | ${result.seconds.toFixed(3)} | ${page.readSeconds.toFixed(2)} |`,
    );
  }
}
for (const mode of ["text", "geometry"] as const) {
  const total = totals[mode];
  console.log(
    `${mode}: ${total.good} of ${total.articles} articles with IoU ≥ 0.8 (${((100 * total.good) / Math.max(1, total.articles)).toFixed(0)} %), ${total.strays} regions without a story, slowest page ${total.slowest.toFixed(3)} s`,
  );
}
console.log(`unusable text layers refused: ${refusals} of ${unusable}`);
