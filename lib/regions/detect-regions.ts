import type { Rule } from "./extract-graphics";
import type { TextLine } from "./extract-text-blocks";
import type { PageLayout } from "./read-page-layout";
import { height, overlap1d, union, width, type Rect } from "./rect";

/** An article's block on the page, found from its headline. */
export interface DetectedRegion {
  /** The block in PDF points. */
  rect: Rect;
  /** The same block in page-relative coordinates (0..1), as regions are stored. */
  box: Rect;
  /** The headline as printed (the largest type heading the block). */
  headline: string;
  /** Every line of text inside the block, in the PDF's order. */
  text: string;
  headlineSize: number;
}

/** A line this much larger than body type is a headline (body 9 pt → 12 pt and up). */
const HEADLINE_SIZE_RATIO = 1.3;
/** A rule spanning this share of the text's width is the masthead's or the footer's, not an article's. */
const PAGE_WIDE_SHARE = 0.8;

interface Head {
  /** The headline lines. */
  lines: TextLine[];
  /** Headline plus the kicker (引题) set above it. */
  rect: Rect;
  size: number;
}

/** The most common font size, weighted by characters: the body type. */
function bodySizeOf(lines: readonly TextLine[]): number {
  const weights = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weights.set(size, (weights.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) [best, bestWeight] = [size, weight];
  }
  return best || 9;
}

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
    return { lines: group, rect: union([rect, ...kicker.map((line) => line.bbox)]), size };
  });
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

/** The rule right above a headline that spans it: the top edge of its block. */
function topRuleOf(head: Head, rules: readonly Rule[]): Rule | undefined {
  const reach = Math.max(head.size * 3, 40);
  return rules
    .filter(
      (rule) =>
        rule.orientation === "horizontal" &&
        rule.bbox.y1 <= head.rect.y0 + 1 &&
        head.rect.y0 - rule.bbox.y1 <= reach &&
        overlap1d(rule.bbox.x0, rule.bbox.x1, head.rect.x0, head.rect.x1) >= 0.5 * width(head.rect),
    )
    .sort((a, b) => b.bbox.y1 - a.bbox.y1)[0];
}

/**
 * Without a rule above it, a block is as wide as the body columns that start
 * under its headline (or under the photo set right under it), stopping at the
 * next headline set beside it. Columns are found by their left edges; a
 * column that only starts much lower belongs to another article below.
 */
function columnsUnder(head: Head, heads: readonly Head[], lines: readonly TextLine[], figures: readonly Rect[], bodySize: number, right: number): [number, number] {
  const lineHeight = bodySize * 1.6;
  const beside = heads
    .filter((other) => other !== head && other.rect.x0 > head.rect.x1 && overlap1d(other.rect.y0, other.rect.y1, head.rect.y0 - head.size * 2, head.rect.y1 + head.size * 2) > 0)
    .map((other) => other.rect.x0);
  const limit = Math.min(right + 1, ...beside);
  let bodyTop = head.rect.y1;
  for (const figure of [...figures].sort((a, b) => a.y0 - b.y0)) {
    const under = figure.y0 >= bodyTop - 2 && figure.y0 - bodyTop <= lineHeight * 2;
    // The photo's caption sits under it, before the body.
    if (under && overlap1d(figure.x0, figure.x1, head.rect.x0, head.rect.x1) > 0) bodyTop = figure.y1 + lineHeight * 1.5;
  }
  const candidates = lines
    .filter((line) => line.size < bodySize * HEADLINE_SIZE_RATIO && line.bbox.y0 >= head.rect.y1 && line.bbox.x0 >= head.rect.x0 - bodySize && line.bbox.x1 <= limit)
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
  let x1 = head.rect.x1;
  for (const column of columns) {
    if (column.top <= bodyTop + lineHeight * 3 && column.x0 - x1 <= bodySize * 3) x1 = Math.max(x1, column.x1);
  }
  return [head.rect.x0, x1];
}

/**
 * Finds the article blocks of a newspaper page. Each block is anchored on a
 * headline (type clearly larger than the body): its top is the rule drawn
 * above the headline (else the kicker's top), its width the rule's (else the
 * body columns under the headline), and it reaches down to the next thing that
 * closes it over those columns: a rule, another headline, or the bottom of the
 * content area, less the layout's gutter. Rules are the strongest signal
 * (layout programs draw one over every article); text alone is the fallback.
 */
export function detectRegions(layout: PageLayout): DetectedRegion[] {
  if (layout.lines.length === 0) return [];
  const area = contentArea(layout, layout.rules);
  const inContent = (rect: Rect) => rect.y0 >= area.top - 1 && rect.y1 <= area.bottom + 1;
  const lines = layout.lines.filter((line) => inContent(line.bbox));
  if (lines.length === 0) return [];
  const rules = layout.rules.filter((rule) => inContent(rule.bbox) && !(rule.bbox.y1 <= area.top + 1 || rule.bbox.y0 >= area.bottom - 1));
  const bodySize = bodySizeOf(lines);
  const heads = findHeads(lines, bodySize);
  const gutter = gutterOf(rules, bodySize);
  const textRight = Math.max(...lines.map((line) => line.bbox.x1));
  // Footer lines in small type (责任编辑…) do not count as the page's text.
  const textBottom = Math.max(...lines.filter((line) => line.size >= bodySize * 0.85).map((line) => line.bbox.y1));
  const footer = lines.filter((line) => line.size < bodySize * 0.85 && line.bbox.y0 > layout.height * 0.9 && line.bbox.y0 > textBottom);
  const footerTop = footer.length ? Math.min(...footer.map((line) => line.bbox.y0)) : undefined;

  const tops = new Map(heads.map((head) => [head, topRuleOf(head, rules)] as const));
  const regions: DetectedRegion[] = [];
  for (const head of heads) {
    const topRule = tops.get(head);
    let [x0, x1] = topRule ? [topRule.bbox.x0, topRule.bbox.x1] : columnsUnder(head, heads, lines, layout.figures, bodySize, textRight);
    // A rule shared by headlines set side by side: each takes its part of it.
    for (const other of heads) {
      if (other === head || overlap1d(other.rect.y0, other.rect.y1, head.rect.y0 - head.size * 2, head.rect.y1 + head.size * 2) === 0) continue;
      if (other.rect.x0 >= head.rect.x1 && other.rect.x0 < x1) x1 = other.rect.x0 - gutter;
      if (other.rect.x1 <= head.rect.x0 && other.rect.x1 > x0) x0 = Math.max(x0, other.rect.x1 + gutter);
    }
    const top = topRule ? topRule.bbox.y0 : head.rect.y0 - bodySize * 0.5;
    const spans = (rect: Rect) => overlap1d(rect.x0, rect.x1, x0, x1) >= Math.min(0.3 * (x1 - x0), 0.5 * width(rect));
    const closers = [
      ...rules.filter((rule) => rule.orientation === "horizontal" && rule.bbox.y0 > head.rect.y1 && spans(rule.bbox)).map((rule) => rule.bbox.y0),
      ...heads
        .filter((other) => other !== head && other.rect.y0 > head.rect.y1 && spans(other.rect))
        .map((other) => tops.get(other)?.bbox.y0 ?? other.rect.y0 - bodySize * 0.5),
    ];
    let bottom: number;
    if (closers.length > 0) bottom = Math.min(...closers) - gutter;
    else if (area.bottomIsRule) bottom = area.bottom - gutter;
    // With nothing to close it, the block reaches down to the footer line, else to where the page's text ends.
    else bottom = footerTop !== undefined ? footerTop - gutter : textBottom + bodySize * 0.5;
    const rect = { x0, y0: top, x1, y1: Math.max(bottom, head.rect.y1) };
    if (width(rect) <= 0 || height(rect) <= 0) continue;
    const inside = lines.filter((line) => {
      const cx = (line.bbox.x0 + line.bbox.x1) / 2;
      const cy = (line.bbox.y0 + line.bbox.y1) / 2;
      return cx >= rect.x0 && cx <= rect.x1 && cy >= rect.y0 && cy <= rect.y1;
    });
    regions.push({
      rect,
      box: {
        x0: clamp(rect.x0 / layout.width),
        y0: clamp(rect.y0 / layout.height),
        x1: clamp(rect.x1 / layout.width),
        y1: clamp(rect.y1 / layout.height),
      },
      headline: joinLines(head.lines.map((line) => line.text)),
      text: joinLines(inside.map((line) => line.text)),
      headlineSize: head.size,
    });
  }
  return regions.sort((a, b) => a.rect.y0 - b.rect.y0 || a.rect.x0 - b.rect.x0);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Chinese lines join without a space; Latin words broken across lines get one. */
function joinLines(texts: readonly string[]): string {
  return texts.reduce((joined, text) => (joined && /[A-Za-z0-9]$/.test(joined) && /^[A-Za-z0-9]/.test(text) ? `${joined} ${text}` : joined + text), "");
}
