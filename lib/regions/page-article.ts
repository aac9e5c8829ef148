import { storyPartsOf, type RoledLine } from "./article-text";
import type { PageLayout } from "./read-page-layout";
import { union, type Polygon, type Rect } from "./rect";
import { slabsToPolygon } from "./region-shape";
import type { StoryParts } from "./story-parts";

/** One article found on a page, by either detector, in PDF points. */
export interface PageArticle {
  /** The story it is (its key), when found from the stories' own text; null when found from the page's geometry alone. */
  storyKey: string | null;
  /** The outline: one rectangle, or side-by-side slabs (an L, a staircase). */
  shape: Rect[];
  lines: RoledLine[];
  confidence: number | null;
}

/** An article's region as stored: page-relative (0..1). */
export interface DetectedRegion {
  storyKey: string | null;
  confidence: number | null;
  /** Bounding box, page-relative. */
  box: Rect;
  /** The outline, page-relative: a rectangle's four corners, or an L or staircase. */
  polygon: Polygon;
  /** The outline's slabs, page-relative (for measuring: their union is the polygon). */
  shape: Rect[];
  /** The headline as printed. */
  headline: string;
  /** Every line of the article, in reading order. */
  text: string;
  parts: StoryParts;
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));

export function toDetectedRegion(article: PageArticle, layout: PageLayout, bodySize: number): DetectedRegion {
  const relative = (rect: Rect): Rect => ({
    x0: clamp(rect.x0 / layout.width),
    y0: clamp(rect.y0 / layout.height),
    x1: clamp(rect.x1 / layout.width),
    y1: clamp(rect.y1 / layout.height),
  });
  const shape = article.shape.map(relative);
  const parts = storyPartsOf(article.lines, bodySize);
  return {
    storyKey: article.storyKey,
    confidence: article.confidence,
    box: union(shape),
    polygon: slabsToPolygon(shape),
    shape,
    headline: parts.headline,
    text: [parts.kicker, parts.headline, parts.subtitle, parts.byline, ...parts.paragraphs, ...parts.captions].filter(Boolean).join("\n"),
    parts,
  };
}
