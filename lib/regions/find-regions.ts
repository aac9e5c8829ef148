import type { TextLayerIssue } from "@/lib/db/generated/enums";
import { anchorStories, type StoryText } from "./anchor-stories";
import { textLayerIssueOf } from "./assess-text-layer";
import { detectArticles } from "./detect-regions";
import { coveredShare, iou } from "./iou";
import { matchHeadlines } from "./match-headline";
import { toDetectedRegion, type DetectedRegion } from "./page-article";
import { bodySizeOf } from "./page-typography";
import type { PageLayout } from "./read-page-layout";
import { union } from "./rect";

export interface FoundRegions {
  /** Why the page's text cannot anchor regions (then there are none), or null. */
  issue: TextLayerIssue | null;
  /** "text" when found from the stories' own text, "geometry" when no story text was known. */
  mode: "text" | "geometry";
  regions: DetectedRegion[];
}

/**
 * A page's article regions. With the stories placed on the page known, from
 * their text (anchorStories; the page's geometric blocks only fill in lines the
 * layout desk rewrote, and a story whose text is not found at all can still be
 * found by its headline on a block nobody else took); a geometric block that
 * is no placed story's stays as an unassigned region. Without stories, from the geometry alone (detectArticles),
 * for the editor to assign or to make stories from. A page whose text layer is
 * unusable gets no regions and says why.
 */
export function findRegions(layout: PageLayout, stories: readonly StoryText[]): FoundRegions {
  const issue = textLayerIssueOf(layout);
  if (issue) return { issue, mode: stories.length ? "text" : "geometry", regions: [] };
  const bodySize = bodySizeOf(layout.lines);
  const blocks = detectArticles(layout);
  if (stories.length === 0) return { issue: null, mode: "geometry", regions: blocks.map((block) => toDetectedRegion(block, layout, bodySize)) };

  const anchored = anchorStories(
    layout,
    stories,
    blocks.map((block) => union(block.shape)),
  );
  const found = new Set(anchored.map((article) => article.storyKey));
  const missing = stories.filter((story) => !found.has(story.key));
  // A block mostly inside an anchored article (its deck, a graphic with its own heads) is part of it, not another article.
  const taken = anchored.flatMap((article) => article.shape);
  const free = blocks.filter((block) => !anchored.some((article) => iou(union(article.shape), union(block.shape)) > 0.2) && coveredShare(block.shape, taken) < 0.5);
  const regions = anchored.map((article) => toDetectedRegion(article, layout, bodySize));
  const freeRegions = free.map((block) => toDetectedRegion(block, layout, bodySize));
  const claimed = new Map<number, { storyKey: string; confidence: number }>();
  if (missing.length > 0) {
    for (const match of matchHeadlines(
      freeRegions.map((region) => region.headline),
      missing.map((story) => story.headline),
    )) {
      claimed.set(match.region, { storyKey: missing[match.story]!.key, confidence: match.confidence });
    }
  }
  // A free block nobody claimed is an article whose story is not in the
  // newsroom yet (a late brief, an ad feature): it stays, unassigned, for the
  // desk to assign or to make a story from.
  freeRegions.forEach((region, index) => regions.push({ ...region, ...claimed.get(index) }));
  return { issue: null, mode: "text", regions: regions.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0) };
}
