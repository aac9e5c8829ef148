import type { LineRole, RoledLine } from "./article-text";
import type { Rule } from "./extract-graphics";
import type { TextLine } from "./extract-text-blocks";
import { foldText } from "./fold-text";
import { toDetectedRegion, type DetectedRegion, type PageArticle } from "./page-article";
import { bodySizeOf, DISPLAY_SIZE_RATIO as HEADLINE_SIZE_RATIO } from "./page-typography";
import type { PageLayout } from "./read-page-layout";
import { height, overlap1d, union, width, type Rect } from "./rect";
import { tidySlabs } from "./region-shape";

export type { DetectedRegion } from "./page-article";
/** A rule spanning this share of the text's width is the masthead's or the footer's, not an article's. */
const PAGE_WIDE_SHARE = 0.8;

interface Head {
  /** The headline lines. */
  lines: TextLine[];
  /** Kicker (引题) and deck (副题) lines set with it. */
  kickers: TextLine[];
  decks: TextLine[];
  /** Headline plus its kicker and decks. */
  rect: Rect;
  size: number;
}

/** A rule shorter than this share of a column is an ornament (between headline, deck and byline), not an article's edge. */
const ORNAMENT_SHARE = 0.7;
/** A headline over fewer body characters than this heads no article: a section head, a date bar, an ad's slogan. */
const MIN_BODY_CHARACTERS = 40;

/**
 * The content area: below the masthead's page-wide rule and above the
 * footer's, when the page has them (they sit in the top and bottom quarter).
 */
function contentArea(layout: PageLayout, rules: readonly Rule[]): { top: number; bottom: number; bottomIsRule: boolean; pageWide: (rule: Rule) => boolean } {
  const textLeft = Math.min(...layout.lines.map((line) => line.bbox.x0));
  const textRight = Math.max(...layout.lines.map((line) => line.bbox.x1));
  const pageWide = (rule: Rule) => width(rule.bbox) >= PAGE_WIDE_SHARE * (textRight - textLeft);
  const wide = rules.filter((rule) => rule.orientation === "horizontal" && pageWide(rule));
  const above = wide.filter((rule) => rule.bbox.y1 < layout.height * 0.25);
  const below = wide.filter((rule) => rule.bbox.y0 > layout.height * 0.75);
  return {
    top: above.length ? Math.max(...above.map((rule) => rule.bbox.y1)) : 0,
    bottom: below.length ? Math.min(...below.map((rule) => rule.bbox.y0)) : layout.height,
    bottomIsRule: below.length > 0,
    pageWide,
  };
}

/** Headline lines grouped into headlines (a two-line headline is one), with their kicker above. */
function findHeads(lines: readonly TextLine[], bodySize: number): Head[] {
  const large = lines
    .filter((line) => line.size >= bodySize * HEADLINE_SIZE_RATIO)
    .sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
  const groups: TextLine[][] = [];
  for (const line of large) {
    const group = groups.find((candidate) => {
      const last = candidate[candidate.length - 1]!;
      return (
        Math.abs(last.size - line.size) <= last.size * 0.15 &&
        line.bbox.y0 - last.bbox.y1 <= last.size * 0.6 &&
        overlap1d(last.bbox.x0, last.bbox.x1, line.bbox.x0, line.bbox.x1) > 0
      );
    });
    if (group) group.push(line);
    else groups.push([line]);
  }
  return groups.map((group) => {
    const rect = union(group.map((line) => line.bbox));
    const size = Math.max(...group.map((line) => line.size));
    // The kicker (引题): smaller lines right above the headline, over the same
    // columns; layout programs usually put it in the headline's text frame.
    const kicker = lines.filter(
      (line) =>
        line.size < bodySize * HEADLINE_SIZE_RATIO &&
        line.bbox.y1 <= rect.y0 + 1 &&
        rect.y0 - line.bbox.y1 <= Math.max(bodySize * 1.5, size * 0.8) &&
        overlap1d(line.bbox.x0, line.bbox.x1, rect.x0, rect.x1) >= 0.5 * width(line.bbox),
    );
    return { lines: group, kickers: kicker, decks: [], rect: union([rect, ...kicker.map((line) => line.bbox)]), size };
  });
}

/**
 * Display lines that are not headlines of their own: a deck (副题) set right
 * under a larger headline, or a kicker (引题) in display type right above
 * one, joins it; a drop cap (one or two large letters against the first body
 * lines) is body text.
 */
function joinDecksAndDropCaps(heads: Head[], lines: readonly TextLine[], rules: readonly Rule[], bodySize: number): Head[] {
  const dropCap = (head: Head) =>
    head.lines.length === 1 &&
    foldText(head.lines[0]!.text).length <= 2 &&
    lines.some((line) => line.size < bodySize * HEADLINE_SIZE_RATIO && line.bbox.x0 >= head.rect.x1 - 1 && line.bbox.x0 - head.rect.x1 <= bodySize * 2 && overlap1d(line.bbox.y0, line.bbox.y1, head.rect.y0, head.rect.y1) > 0);
  const kept = heads.filter((head) => !dropCap(head)).sort((a, b) => a.rect.y0 - b.rect.y0);
  const merged: Head[] = [];
  for (const head of kept) {
    const parent = merged.find((candidate) => {
      const gap = head.rect.y0 - candidate.rect.y1;
      const limit = Math.max(candidate.size, head.size) * 1.2;
      const overlaps = overlap1d(candidate.rect.x0, candidate.rect.x1, head.rect.x0, head.rect.x1) >= 0.5 * Math.min(width(head.rect), width(candidate.rect));
      const between = lines.some((line) => line.size < bodySize * HEADLINE_SIZE_RATIO && line.bbox.y0 >= candidate.rect.y1 - 1 && line.bbox.y1 <= head.rect.y0 + 1 && overlap1d(line.bbox.x0, line.bbox.x1, head.rect.x0, head.rect.x1) > 0 && !head.kickers.includes(line));
      // A rule across the lower head's whole width parts two stories (a short ornament between headline and deck does not).
      const ruled = rules.some((rule) => rule.orientation === "horizontal" && rule.bbox.y0 >= candidate.rect.y1 - 1 && rule.bbox.y1 <= head.rect.y0 + 1 && overlap1d(rule.bbox.x0, rule.bbox.x1, head.rect.x0, head.rect.x1) >= 0.9 * width(head.rect));
      return overlaps && !between && !ruled && gap >= -1 && gap <= limit && head.size < candidate.size * 0.9 + 0.01;
    });
    if (parent) {
      parent.decks.push(...head.kickers, ...head.lines);
      parent.rect = union([parent.rect, head.rect]);
      continue;
    }
    merged.push(head);
  }
  // Kickers set in display type over a larger headline (the earlier head of the pair).
  const result: Head[] = [];
  for (const head of merged) {
    const below = merged.find(
      (other) =>
        other !== head &&
        other.size > head.size * 1.1 &&
        other.rect.y0 - head.rect.y1 >= -1 &&
        other.rect.y0 - head.rect.y1 <= head.size * 1.2 &&
        overlap1d(other.rect.x0, other.rect.x1, head.rect.x0, head.rect.x1) >= 0.5 * Math.min(width(head.rect), width(other.rect)),
    );
    if (below) {
      below.kickers.push(...head.kickers, ...head.lines, ...head.decks);
      below.rect = union([below.rect, head.rect]);
    } else result.push(head);
  }
  return result;
}

/**
 * The space between two article blocks: the gap between rules that stand side
 * by side at the same height (the layout's gutter), else about one body line.
 */
function gutterOf(rules: readonly Rule[], bodySize: number): number {
  const horizontal = rules.filter((rule) => rule.orientation === "horizontal");
  const gaps: number[] = [];
  for (const a of horizontal) {
    for (const b of horizontal) {
      const gap = b.bbox.x0 - a.bbox.x1;
      if (Math.abs(a.bbox.y0 - b.bbox.y0) < 2 && gap > 1 && gap < bodySize * 4) gaps.push(gap);
    }
  }
  if (gaps.length === 0) return bodySize * 1.3;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}

/** The rule right above a headline that spans it (an ornament does not): the top edge of its block. */
function topRuleOf(head: Head, rules: readonly Rule[], columnWidth: number): Rule | undefined {
  const reach = Math.max(head.size * 3, 40);
  return rules
    .filter(
      (rule) =>
        rule.orientation === "horizontal" &&
        width(rule.bbox) >= ORNAMENT_SHARE * Math.min(columnWidth, width(head.rect)) &&
        rule.bbox.y1 <= head.rect.y0 + 1 &&
        head.rect.y0 - rule.bbox.y1 <= reach &&
        // A rule narrower than the headline over it is an ornament.
        overlap1d(rule.bbox.x0, rule.bbox.x1, head.rect.x0, head.rect.x1) >= 0.9 * width(head.rect) &&
        !closesFrame(rule, rules),
    )
    .sort((a, b) => b.bbox.y1 - a.bbox.y1)[0];
}

/** A rule set under a photo and its caption (a few lines below the picture, over its columns). */
function underCaption(rule: Rule, figures: readonly Rect[], bodySize: number): boolean {
  return figures.some((figure) => figure.y1 <= rule.bbox.y0 && rule.bbox.y0 - figure.y1 <= bodySize * 6 && overlap1d(figure.x0, figure.x1, rule.bbox.x0, rule.bbox.x1) >= 0.5 * width(rule.bbox));
}

/** The bottom edge of a box's frame (sides coming down to its ends): the box above ends there, nothing below starts there. */
function closesFrame(rule: Rule, rules: readonly Rule[]): boolean {
  const side = (x: number) => rules.some((other) => other.orientation === "vertical" && Math.abs(other.bbox.y1 - rule.bbox.y1) <= 3 && Math.abs((other.bbox.x0 + other.bbox.x1) / 2 - x) <= 3);
  return side(rule.bbox.x0) && side(rule.bbox.x1);
}

/** The width of a column of body text: the median width of full body lines. */
function columnWidthOf(lines: readonly TextLine[], bodySize: number): number {
  const widths = lines
    .filter((line) => Math.abs(line.size - bodySize) <= 0.75 && foldText(line.text).length >= 8)
    .map((line) => width(line.bbox))
    .sort((a, b) => a - b);
  return widths.length ? widths[Math.floor(widths.length * 0.75)]! : bodySize * 12;
}

/**
 * Without a rule above it, a block is as wide as the body columns that start
 * under its headline (or under the photo set right under it): to the right up
 * to the next headline set beside it or a box's frame, and to the left over
 * columns that start as high as the headline's own body (a headline set in
 * from the first column, or centred over its article). Columns are found by
 * their left edges; a column that only starts much lower belongs to another
 * article below.
 */
function columnsUnder(head: Head, heads: readonly Head[], lines: readonly TextLine[], figures: readonly Rect[], rules: readonly Rule[], bodySize: number, right: number): [number, number] {
  const lineHeight = bodySize * 1.6;
  const band = (other: Rect) => overlap1d(other.y0, other.y1, head.rect.y0 - head.size * 2, head.rect.y1 + head.size * 2) > 0;
  const frames = rules.filter((rule) => rule.orientation === "vertical" && overlap1d(rule.bbox.y0, rule.bbox.y1, head.rect.y1, head.rect.y1 + lineHeight * 3) > 0);
  const beside = heads.filter((other) => other !== head && other.rect.x0 > head.rect.x1 && band(other.rect)).map((other) => other.rect.x0);
  const limit = Math.min(right + 1, ...beside, ...frames.filter((rule) => rule.bbox.x0 >= head.rect.x1 - 1).map((rule) => rule.bbox.x0));
  const besideLeft = heads.filter((other) => other !== head && other.rect.x1 < head.rect.x0 && band(other.rect)).map((other) => other.rect.x1);
  const leftLimit = Math.max(-1, ...besideLeft, ...frames.filter((rule) => rule.bbox.x1 <= head.rect.x0 + 1).map((rule) => rule.bbox.x1));
  let bodyTop = head.rect.y1;
  const photos: Rect[] = [];
  for (const figure of [...figures].sort((a, b) => a.y0 - b.y0)) {
    const under = figure.y0 >= bodyTop - 2 && figure.y0 - bodyTop <= lineHeight * 2;
    // The photo's caption sits under it, before the body.
    if (under && overlap1d(figure.x0, figure.x1, head.rect.x0, head.rect.x1) > 0) {
      bodyTop = figure.y1 + lineHeight * 1.5;
      photos.push(figure);
    }
  }
  const candidates = lines
    // The columns as they start under the headline (further down, other articles' columns may be laid out otherwise).
    .filter((line) => line.size < bodySize * HEADLINE_SIZE_RATIO && line.bbox.y0 >= head.rect.y1 && line.bbox.y0 <= bodyTop + lineHeight * 6 && line.bbox.x0 > leftLimit && line.bbox.x1 <= limit)
    .sort((a, b) => a.bbox.x0 - b.bbox.x0);
  const columns: { x0: number; x1: number; top: number }[] = [];
  for (const line of candidates) {
    const column = columns[columns.length - 1];
    // First-line indents (two characters) stay in their column.
    if (column && line.bbox.x0 - column.x0 <= bodySize * 3) {
      column.x1 = Math.max(column.x1, line.bbox.x1);
      column.top = Math.min(column.top, line.bbox.y0);
    } else columns.push({ x0: line.bbox.x0, x1: line.bbox.x1, top: line.bbox.y0 });
  }
  const startsWithHead = (column: { top: number }) => column.top <= bodyTop + lineHeight * 3;
  // A column beside the headline is this article's only if nothing is printed in it at the
  // headline's height (another article's column runs on past it, or its headline sits there);
  // lines reaching over the headline's own columns (its photo's caption, a jump line) do not count.
  const emptyBeside = (column: { x0: number; x1: number }) =>
    !figures.some((figure) => overlap1d(figure.x0, figure.x1, column.x0, column.x1) > 0 && overlap1d(figure.y0, figure.y1, head.rect.y0, head.rect.y1) > 0 && overlap1d(figure.x0, figure.x1, head.rect.x0, head.rect.x1) === 0) &&
    !lines.some(
      (line) =>
        !head.lines.includes(line) &&
        overlap1d(line.bbox.x0, line.bbox.x1, head.rect.x0, head.rect.x1) <= bodySize &&
        overlap1d(line.bbox.x0, line.bbox.x1, column.x0, column.x1) > 0 &&
        line.bbox.y1 > head.rect.y0 &&
        line.bbox.y0 < head.rect.y1,
    );
  // Columns that run under the headline are the article's; beyond its ends, contiguous columns that are empty beside it.
  const under = (column: { x0: number; x1: number }) => overlap1d(column.x0, column.x1, head.rect.x0, head.rect.x1) >= Math.min(bodySize * 2, (column.x1 - column.x0) / 2);
  // A column between two headlines set side by side goes with the nearer one (each centred over its own columns).
  const gapTo = (rect: Rect, column: { x0: number; x1: number }) => Math.max(0, rect.x0 - column.x1, column.x0 - rect.x1);
  const nearer = (column: { x0: number; x1: number }) => !heads.some((other) => other !== head && band(other.rect) && gapTo(other.rect, column) + bodySize * 2 < gapTo(head.rect, column));
  const claims = (column: { x0: number; x1: number }, edge: number) => under(column) || (Math.abs(edge) <= bodySize * 3 && emptyBeside(column) && nearer(column));
  let x1 = head.rect.x1;
  for (const column of columns) {
    if (startsWithHead(column) && column.x1 > x1 && claims(column, column.x0 - x1)) x1 = column.x1;
  }
  let x0 = head.rect.x0;
  for (const column of [...columns].reverse()) {
    if (startsWithHead(column) && column.x0 < x0 && claims(column, x0 - column.x1)) x0 = column.x0;
  }
  // A photo set between the headline and the body spans the article's columns.
  for (const photo of photos) [x0, x1] = [Math.min(x0, photo.x0), Math.max(x1, photo.x1)];
  return [x0, x1];
}

/** A headline set vertically (竖排): a stack of single characters, much taller than wide. */
function isVertical(head: Head): boolean {
  return head.lines.length >= 3 && head.lines.every((line) => [...line.text].length <= 2) && height(head.rect) > 2.5 * width(head.rect);
}

/**
 * A vertical headline's article: the body columns beside it that start level
 * with its top, on its left (where it usually stands at the right edge of
 * its article, the text reading towards it) or else on its right.
 */
function columnsBeside(head: Head, lines: readonly TextLine[], bodySize: number): [number, number] {
  const lineHeight = bodySize * 1.6;
  const starts = lines.filter((line) => line.size < bodySize * HEADLINE_SIZE_RATIO && Math.abs(line.bbox.y0 - head.rect.y0) <= lineHeight * 3);
  let x0 = head.rect.x0;
  for (const line of [...starts].filter((candidate) => candidate.bbox.x1 <= head.rect.x0 + 1).sort((a, b) => b.bbox.x1 - a.bbox.x1)) {
    if (x0 - line.bbox.x1 <= bodySize * 3) x0 = Math.min(x0, line.bbox.x0);
  }
  if (x0 < head.rect.x0) return [x0, head.rect.x1];
  let x1 = head.rect.x1;
  for (const line of [...starts].filter((candidate) => candidate.bbox.x0 >= head.rect.x1 - 1).sort((a, b) => a.bbox.x0 - b.bbox.x0)) {
    if (line.bbox.x0 - x1 <= bodySize * 3) x1 = Math.max(x1, line.bbox.x1);
  }
  return [head.rect.x0, x1];
}

/**
 * Headlines that are not articles' own: display lines printed inside a
 * picture that holds two or more of them (the quotes, labels and title of an
 * infographic, set over its background). One headline set on a photo stays.
 */
function outsideGraphics(heads: readonly Head[], figures: readonly Rect[]): Head[] {
  const inside = (head: Head, figure: Rect) => overlap1d(head.rect.x0, head.rect.x1, figure.x0, figure.x1) * overlap1d(head.rect.y0, head.rect.y1, figure.y0, figure.y1) >= 0.9 * width(head.rect) * height(head.rect);
  const graphics = figures.filter((figure) => heads.filter((head) => inside(head, figure)).length >= 2);
  return heads.filter((head) => !graphics.some((figure) => inside(head, figure)));
}

/** A photo set right above the headline (nothing between them but its caption): the block starts at the photo. */
function photoAbove(head: Head, figures: readonly Rect[], heads: readonly Head[], bodySize: number): Rect | undefined {
  return figures.find(
    (figure) =>
      figure.y1 <= head.rect.y0 + 1 &&
      head.rect.y0 - figure.y1 <= bodySize * 4 &&
      overlap1d(figure.x0, figure.x1, head.rect.x0, head.rect.x1) >= 0.5 * width(head.rect) &&
      !heads.some((other) => other !== head && other.rect.y0 >= figure.y1 - 1 && other.rect.y1 <= head.rect.y0 + 1 && overlap1d(other.rect.x0, other.rect.x1, head.rect.x0, head.rect.x1) > 0),
  );
}

/**
 * A photo set beside the headline, level with its top, a gutter away: the
 * article's picture, in columns of its own (not another headline's photo
 * above it).
 */
function photoBeside(head: Head, heads: readonly Head[], figures: readonly Rect[], rules: readonly Rule[], bodySize: number): Rect | undefined {
  // Another story's picture: set above that story's headline, or down in its columns with no rule between.
  const others = (figure: Rect) =>
    heads.some(
      (other) =>
        other !== head &&
        (photoAbove(other, [figure], heads, bodySize) ||
          (other.rect.y1 <= figure.y0 &&
            overlap1d(other.rect.x0, other.rect.x1, figure.x0, figure.x1) >= 0.5 * width(figure) &&
            !rules.some((rule) => rule.orientation === "horizontal" && rule.bbox.y0 >= other.rect.y1 && rule.bbox.y1 <= figure.y0 + 1 && overlap1d(rule.bbox.x0, rule.bbox.x1, figure.x0, figure.x1) >= 0.9 * width(figure)))),
    );
  return figures.find(
    (figure) =>
      !others(figure) &&
      Math.abs(figure.y0 - head.rect.y0) <= head.size * 1.5 &&
      overlap1d(figure.y0, figure.y1, head.rect.y0, head.rect.y1) > 0 &&
      (Math.abs(head.rect.x0 - figure.x1) <= bodySize * 3 || Math.abs(figure.x0 - head.rect.x1) <= bodySize * 3),
  );
}

/**
 * A block's outline from its top down: each stretch of its width ends at the
 * first thing that closes it there (a rule, the next headline's block), less
 * the gutter, or at the floor. Where a closer spans only some of the columns
 * (a small story set into the corner), the others run on: an L or a staircase.
 * Stretches narrower than half a column join their neighbour.
 */
function slabsUnder(block: { x0: number; x1: number; top: number; floor: number }, closers: readonly { x0: number; x1: number; y: number }[], gutter: number, minimum: number, columnWidth: number): Rect[] {
  const edges = [...new Set([block.x0, block.x1, ...closers.flatMap((closer) => [closer.x0, closer.x1]).filter((x) => x > block.x0 && x < block.x1)])].sort((a, b) => a - b);
  const stretches: Rect[] = [];
  for (let index = 0; index + 1 < edges.length; index += 1) {
    const [x0, x1] = [edges[index]!, edges[index + 1]!];
    const ends = closers.filter((closer) => overlap1d(closer.x0, closer.x1, x0, x1) > 0.5 * Math.min(x1 - x0, closer.x1 - closer.x0)).map((closer) => closer.y - gutter);
    stretches.push({ x0, x1, y0: block.top, y1: Math.max(minimum, Math.min(block.floor, ...ends)) });
  }
  // A narrow stretch (a gutter between two closers' ends) joins its neighbour and takes the wider one's end.
  const narrow = (slab: Rect) => width(slab) < columnWidth / 2;
  const merged: Rect[] = [];
  for (const stretch of stretches) {
    const last = merged[merged.length - 1];
    if (last && (narrow(stretch) || narrow(last) || Math.abs(last.y1 - stretch.y1) < 1)) {
      const end = width(last) >= width(stretch) ? last.y1 : stretch.y1;
      merged[merged.length - 1] = { x0: last.x0, x1: stretch.x1, y0: block.top, y1: Math.max(end, minimum) };
    } else merged.push(stretch);
  }
  return tidySlabs(merged.filter((slab) => width(slab) > 0 && height(slab) > 0), columnWidth / 8);
}

/**
 * Finds the article blocks of a newspaper page from its geometry alone (no
 * story text known). Each block is anchored on a headline (type clearly
 * larger than the body; its kicker and decks join it, a drop cap does not
 * count; an infographic's display lines are the picture's): its top is the
 * rule drawn above the headline (else the photo set above it, else the
 * kicker's top), its width the rule's unless that rule runs across the page
 * (else the body columns under the headline, the empty ones beside it, a
 * photo above, beside or under it; a vertical headline's columns beside it),
 * and each stretch of its columns reaches down to the next thing that closes
 * it there: a rule as wide as a column (short ornaments between headline,
 * deck and byline, the 题线 under a head and the rule under a photo's caption
 * do not), the next headline's block, or the bottom of the content area, less
 * the layout's gutter. A "headline" with hardly any body text under it (a
 * section head, a date bar, an ad's slogan) makes no block.
 */
export function detectArticles(layout: PageLayout): PageArticle[] {
  if (layout.lines.length === 0) return [];
  const area = contentArea(layout, layout.rules);
  const inContent = (rect: Rect) => rect.y0 >= area.top - 1 && rect.y1 <= area.bottom + 1;
  const lines = layout.lines.filter((line) => inContent(line.bbox));
  if (lines.length === 0) return [];
  let rules = layout.rules.filter((rule) => inContent(rule.bbox) && !(rule.bbox.y1 <= area.top + 1 || rule.bbox.y0 >= area.bottom - 1));
  const bodySize = bodySizeOf(lines);
  const pageArea = layout.width * layout.height;
  const figures = layout.figures.filter((figure) => (figure.x1 - figure.x0) * (figure.y1 - figure.y0) < pageArea * 0.5);
  // Lines drawn inside a picture (a graphic's panels, a photo's border) are the picture's, not the page's.
  rules = rules.filter((rule) => !figures.some((figure) => rule.bbox.x0 >= figure.x0 - 1 && rule.bbox.x1 <= figure.x1 + 1 && rule.bbox.y0 >= figure.y0 - 1 && rule.bbox.y1 <= figure.y1 + 1));
  const heads = outsideGraphics(joinDecksAndDropCaps(findHeads(lines, bodySize), lines, rules, bodySize), figures);
  const gutter = gutterOf(rules, bodySize);
  const columnWidth = columnWidthOf(lines, bodySize);
  const textRight = Math.max(...lines.map((line) => line.bbox.x1));
  // Footer lines in small type (责任编辑…) do not count as the page's text.
  const textBottom = Math.max(...lines.filter((line) => line.size >= bodySize * 0.85).map((line) => line.bbox.y1));
  const footer = lines.filter((line) => line.size < bodySize * 0.85 && line.bbox.y0 > layout.height * 0.9 && line.bbox.y0 > textBottom);
  const footerTop = footer.length ? Math.min(...footer.map((line) => line.bbox.y0)) : undefined;

  const tops = new Map(heads.map((head) => [head, topRuleOf(head, rules, columnWidth)] as const));
  // First each block's width and top, then its bottom: the next block down closes it over the whole width of that block, not only its headline's.
  const spans = new Map(
    heads.map((head) => {
      // A page-wide rule over the headline separates rows of stories; it says nothing of this one's width.
      const topRule = tops.get(head);
      const edgeRule = topRule && !area.pageWide(topRule) ? topRule : undefined;
      const photo = edgeRule ? undefined : photoAbove(head, figures, heads, bodySize);
      let [x0, x1] = edgeRule ? [edgeRule.bbox.x0, edgeRule.bbox.x1] : isVertical(head) ? columnsBeside(head, lines, bodySize) : columnsUnder(head, heads, lines, figures, rules, bodySize, textRight);
      // The photo over the headline is as wide as its article; a photo beside it adds its columns.
      if (photo) [x0, x1] = [Math.min(x0, photo.x0), Math.max(x1, photo.x1)];
      const side = edgeRule || photo ? undefined : photoBeside(head, heads, figures, rules, bodySize);
      if (side) [x0, x1] = [Math.min(x0, side.x0), Math.max(x1, side.x1)];
      // A rule shared by headlines set side by side: each takes its part of it.
      for (const other of heads) {
        if (other === head || overlap1d(other.rect.y0, other.rect.y1, head.rect.y0 - head.size * 2, head.rect.y1 + head.size * 2) === 0) continue;
        if (other.rect.x0 >= head.rect.x1 && other.rect.x0 < x1) x1 = other.rect.x0 - gutter;
        if (other.rect.x1 <= head.rect.x0 && other.rect.x1 > x0) x0 = Math.max(x0, other.rect.x1 + gutter);
      }
      const top = photo ? photo.y0 : topRule ? topRule.bbox.y0 : Math.min(head.rect.y0 - bodySize * 0.5, side?.y0 ?? Infinity);
      return [head, { x0, x1, top }] as const;
    }),
  );
  const articles: PageArticle[] = [];
  for (const head of heads) {
    const { x0, x1, top } = spans.get(head)!;
    const closeWidth = ORNAMENT_SHARE * Math.min(columnWidth, x1 - x0);
    const closers = [
      // A rule right under the headline (a 题线 under a column head) opens the article, it does not close it.
      // Nor does the rule under a photo's caption, which sets the picture off from the body running on below it.
      ...rules
        .filter((rule) => rule.orientation === "horizontal" && rule.bbox.y0 > head.rect.y1 + bodySize * 1.5 && width(rule.bbox) >= closeWidth && !underCaption(rule, figures, bodySize))
        .map((rule) => ({ x0: rule.bbox.x0, x1: rule.bbox.x1, y: rule.bbox.y0 })),
      // Headlines below this one's (its decks may reach down beside them, as a banner's deck does).
      ...heads
        .filter((other) => other !== head && other.rect.y0 > Math.max(...head.lines.map((line) => line.bbox.y1)))
        .map((other) => {
          const below = spans.get(other)!;
          return { x0: below.x0, x1: below.x1, y: below.top };
        }),
    ].filter((closer) => overlap1d(closer.x0, closer.x1, x0, x1) > bodySize);
    // With nothing to close it, the block reaches down to the footer line, else to where the page's text ends.
    const floor = area.bottomIsRule ? area.bottom - gutter : footerTop !== undefined ? footerTop - gutter : textBottom + bodySize * 0.5;
    const shape = slabsUnder({ x0, x1, top, floor: Math.max(floor, head.rect.y1) }, closers, gutter, head.rect.y1, columnWidth);
    if (shape.length === 0) continue;
    const inside = lines.filter((line) => {
      const cx = (line.bbox.x0 + line.bbox.x1) / 2;
      const cy = (line.bbox.y0 + line.bbox.y1) / 2;
      return shape.some((rect) => cx >= rect.x0 && cx <= rect.x1 && cy >= rect.y0 && cy <= rect.y1);
    });
    const roled = inside.map((line): RoledLine => ({ line, role: roleOf(line, head, figures, bodySize) }));
    const bodyCharacters = roled.filter((entry) => entry.role === "body").reduce((sum, entry) => sum + foldText(entry.line.text).length, 0);
    if (bodyCharacters < MIN_BODY_CHARACTERS) continue;
    articles.push({ storyKey: null, shape, lines: roled, confidence: null });
  }
  return articles.sort((a, b) => a.shape[0]!.y0 - b.shape[0]!.y0 || a.shape[0]!.x0 - b.shape[0]!.x0);
}

/** Bylines as Chinese and Western papers print them. */
const BYLINE = /^(□|■|◎|本报记者|本报通讯员|记者|通讯员|文\/|文：|图\/|By\s+\p{Lu})/u;

/** What a line inside a block is: its headline's parts, a byline, a photo caption (small type under a photo), or body. */
function roleOf(line: TextLine, head: Head, figures: readonly Rect[], bodySize: number): LineRole {
  if (head.lines.includes(line)) return "headline";
  if (head.kickers.includes(line)) return "kicker";
  if (head.decks.includes(line)) return "subtitle";
  if (BYLINE.test(line.text.trim()) && line.text.length <= 40) return "byline";
  const underPhoto = figures.some((figure) => line.bbox.y0 >= figure.y1 - 1 && line.bbox.y0 - figure.y1 <= bodySize * 2 && overlap1d(line.bbox.x0, line.bbox.x1, figure.x0, figure.x1) > 0);
  if (underPhoto && line.size < bodySize - 0.25) return "caption";
  return "body";
}

/** The geometric blocks as regions (page-relative), for callers that know no story text. */
export function detectRegions(layout: PageLayout): DetectedRegion[] {
  const bodySize = bodySizeOf(layout.lines);
  return detectArticles(layout).map((article) => toDetectedRegion(article, layout, bodySize));
}
