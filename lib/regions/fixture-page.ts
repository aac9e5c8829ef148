import { readFileSync } from "node:fs";
import path from "node:path";
import type { StoryText } from "./anchor-stories";
import type { Rect } from "./rect";

// The demo page A05 of 2023-03-13 (the same file as shared/fixtures/pages/2023-03-13-A05.pdf),
// with the regions an editor drew by hand: the ground truth for tests and the benchmark.
const folder = path.resolve(import.meta.dirname, "..", "..", "prisma", "demo", "editions", "2023-03-13");

export function fixturePagePdf(): Buffer {
  return readFileSync(path.join(folder, "A05.pdf"));
}

/** The hand-drawn article blocks of the fixture page, page-relative. */
export function fixtureTruth(): { headline: string; box: Rect }[] {
  const file = JSON.parse(readFileSync(path.join(folder, "regions.json"), "utf8")) as {
    boxes: { headline: string; x: number; y: number; w: number; h: number }[];
  };
  return file.boxes.map((box) => ({ headline: box.headline, box: { x0: box.x, y0: box.y, x1: box.x + box.w, y1: box.y + box.h } }));
}

/** The fixture page's stories, as placed on it in the demo manifest. */
export function fixtureHeadlines(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(folder, "manifest.json"), "utf8")) as {
    pages: { number: string; stories: { headline: string }[] }[];
  };
  return manifest.pages.find((page) => page.number === "A05")!.stories.map((story) => story.headline);
}

interface ManifestStoryText {
  kicker?: string | null;
  headline: string;
  subtitle?: string | null;
  bylines?: { name: string; display?: string }[];
  body?: { text: string }[];
  photos?: { caption?: string; credit?: string }[];
}

/** The fixture page's stories as the newsroom has them (the demo manifest), keyed by their order on the page. */
export function fixtureStories(): StoryText[] {
  const manifest = JSON.parse(readFileSync(path.join(folder, "manifest.json"), "utf8")) as { pages: { number: string; stories: ManifestStoryText[] }[] };
  return manifest.pages
    .find((page) => page.number === "A05")!
    .stories.map((story, index) => ({
      key: String(index),
      kicker: story.kicker ?? null,
      headline: story.headline,
      subtitle: story.subtitle ?? null,
      bylines: (story.bylines ?? []).map((byline) => byline.display ?? byline.name),
      body: (story.body ?? []).map((block) => block.text),
      captions: (story.photos ?? []).flatMap((photo) => [photo.caption, photo.credit].filter((text): text is string => Boolean(text))),
    }));
}

/** The fixture page with two stories of the bottom row swapped, as a corrected PDF would have them. */
export function swappedBottomRow(): { from: Rect; dx: number; dy: number }[] {
  const truth = fixtureTruth();
  const left = truth.find((entry) => entry.headline.startsWith("协同育人"))!.box;
  const right = truth.find((entry) => entry.headline.startsWith("江海区首个"))!.box;
  // A hair above the block, so its top rule travels with it.
  const grown = (box: Rect) => ({ ...box, y0: box.y0 - 0.002 });
  return [
    { from: grown(left), dx: right.x0 - left.x0, dy: 0 },
    { from: grown(right), dx: left.x0 - right.x0, dy: 0 },
  ];
}
