import { area, height, overlap1d, union, width, type Polygon, type Rect } from "./rect";

/**
 * The outline of an article from the rectangles of what it prints (lines,
 * photos, rules): vertical slabs from left to right, each as tall as what lies
 * in it, with the gutters between its columns filled. A story with one column
 * longer than the others, or set around the corner of another story, becomes
 * an L or a staircase instead of a rectangle that would cover its neighbour.
 * Steps smaller than `snap` (about a line) are evened out, and a shape that
 * fills almost all of its bounding rectangle becomes that rectangle.
 */
export function outlineOf(rects: readonly Rect[], options: { snap: number; maxGap: number }): Rect[] {
  if (rects.length === 0) return [];
  const xs = [...new Set(rects.flatMap((rect) => [rect.x0, rect.x1]))].sort((a, b) => a - b);
  const slabs: Rect[] = [];
  for (let index = 0; index + 1 < xs.length; index += 1) {
    const [x0, x1] = [xs[index]!, xs[index + 1]!];
    const covering = rects.filter((rect) => rect.x0 <= x0 && rect.x1 >= x1);
    if (covering.length === 0) continue;
    slabs.push({ x0, x1, y0: Math.min(...covering.map((rect) => rect.y0)), y1: Math.max(...covering.map((rect) => rect.y1)) });
  }
  // Gutters: a narrow gap between two slabs takes the height they share.
  const filled: Rect[] = [];
  for (const slab of slabs) {
    const last = filled[filled.length - 1];
    if (last && slab.x0 > last.x1 && slab.x0 - last.x1 <= options.maxGap) {
      const y0 = Math.max(last.y0, slab.y0);
      const y1 = Math.min(last.y1, slab.y1);
      if (y1 > y0) filled.push({ x0: last.x1, x1: slab.x0, y0, y1 });
    }
    filled.push(slab);
  }
  return tidySlabs(filled, options.snap);
}

/** Slabs with steps under `snap` evened out; the bounding rectangle when they fill nine tenths of it. */
export function tidySlabs(slabs: readonly Rect[], snap: number): Rect[] {
  const merged = mergeSlabs(slabs, snap);
  const bounds = union(merged);
  const covered = merged.reduce((sum, slab) => sum + area(slab), 0);
  return covered >= 0.9 * area(bounds) ? [bounds] : merged;
}

export interface BlockEdges {
  /** Rules of the page: a block reaches up to them. */
  rules: readonly { bbox: Rect; orientation: "horizontal" | "vertical" }[];
  /** What other articles and the page's furniture print: a block stops halfway to it. */
  others: readonly Rect[];
  /** The area the page prints in. */
  bounds: Rect;
}

/**
 * An article's block on the page: its outline grown down into the empty
 * space under it, up to the nearest rule, or halfway to whatever prints next
 * (a gap narrower than `snap` to either stays a gap: the region hugs a
 * story set tight against its neighbours),
 * or to the bottom of the printed area; upwards and sideways by at most
 * `reach` (a gutter: the rule over a headline, the space between columns). This is how layout desks and e-paper
 * systems see an article (the space under a short story to the rule above the
 * next one is that story's), and two neighbours growing towards each other
 * meet in the middle instead of overlapping.
 */
export function growIntoBlock(slabs: readonly Rect[], edges: BlockEdges, options: { snap: number; reach: number }): Rect[] {
  const { snap, reach } = options;
  const horizontal = edges.rules.filter((rule) => rule.orientation === "horizontal").map((rule) => rule.bbox);
  const vertical = edges.rules.filter((rule) => rule.orientation === "vertical").map((rule) => rule.bbox);
  const spansX = (rect: Rect, slab: Rect, share: number) => overlap1d(rect.x0, rect.x1, slab.x0, slab.x1) > share * width(slab);
  const spansY = (rect: Rect, slab: Rect, share: number) => overlap1d(rect.y0, rect.y1, slab.y0, slab.y1) > share * height(slab);
  // How far an edge may move: to the nearest rule, or halfway to the nearest thing printed before that rule; not across a narrow gap.
  const limit = (edge: number, rules: number[], others: number[], direction: 1 | -1) => {
    const ahead = (value: number) => (value - edge) * direction >= -1;
    const rule = rules.filter(ahead).sort((a, b) => (a - b) * direction)[0];
    const other = others.filter((value) => ahead(value) && (rule === undefined || (value - rule) * direction < 0)).sort((a, b) => (a - b) * direction)[0];
    // A narrow gap to the next thing printed (between two briefs, a story and its neighbour's headline) stays a gap.
    if (other !== undefined) return Math.abs(other - edge) <= snap ? edge : (edge + other) / 2;
    if (rule === undefined) return undefined;
    return Math.abs(rule - edge) <= snap ? edge : rule - direction;
  };
  const grown = slabs.map((slab, index) => {
    const rect = { ...slab };
    const down = limit(slab.y1, horizontal.filter((rule) => spansX(rule, slab, 0.5)).map((rule) => rule.y0), edges.others.filter((other) => spansX(other, slab, 0)).map((other) => other.y0), 1);
    rect.y1 = Math.max(slab.y1, Math.min(down ?? edges.bounds.y1, edges.bounds.y1));
    const up = limit(slab.y0, horizontal.filter((rule) => spansX(rule, slab, 0.5)).map((rule) => rule.y1), edges.others.filter((other) => spansX(other, slab, 0)).map((other) => other.y1), -1);
    rect.y0 = Math.min(slab.y0, Math.max(up ?? edges.bounds.y0, edges.bounds.y0, slab.y0 - reach));
    if (index === 0) {
      const left = limit(slab.x0, vertical.filter((rule) => spansY(rule, rect, 0.5)).map((rule) => rule.x1), edges.others.filter((other) => spansY(other, rect, 0)).map((other) => other.x1), -1);
      rect.x0 = Math.min(slab.x0, Math.max(left ?? edges.bounds.x0, edges.bounds.x0, slab.x0 - reach));
    }
    if (index === slabs.length - 1) {
      const right = limit(slab.x1, vertical.filter((rule) => spansY(rule, rect, 0.5)).map((rule) => rule.x0), edges.others.filter((other) => spansY(other, rect, 0)).map((other) => other.x0), 1);
      rect.x1 = Math.max(slab.x1, Math.min(right ?? edges.bounds.x1, edges.bounds.x1, slab.x1 + reach));
    }
    return rect;
  });
  return tidySlabs(grown, snap);
}

/** Neighbouring slabs whose tops and bottoms differ by less than `snap` become one. */
function mergeSlabs(slabs: readonly Rect[], snap: number): Rect[] {
  const merged: Rect[] = [];
  for (const slab of slabs) {
    const last = merged[merged.length - 1];
    if (last && Math.abs(slab.x0 - last.x1) < 0.01 && Math.abs(slab.y0 - last.y0) <= snap && Math.abs(slab.y1 - last.y1) <= snap) {
      merged[merged.length - 1] = { x0: last.x0, x1: slab.x1, y0: Math.min(last.y0, slab.y0), y1: Math.max(last.y1, slab.y1) };
    } else merged.push({ ...slab });
  }
  return merged.filter((slab) => width(slab) > 0 && height(slab) > 0);
}

/**
 * The polygon of side-by-side slabs (as outlineOf returns them): along their
 * tops from left to right, then along their bottoms back. One slab gives the
 * rectangle's four corners.
 */
export function slabsToPolygon(slabs: readonly Rect[]): Polygon {
  const points: [number, number][] = [];
  for (const slab of slabs) points.push([slab.x0, slab.y0], [slab.x1, slab.y0]);
  for (const slab of [...slabs].reverse()) points.push([slab.x1, slab.y1], [slab.x0, slab.y1]);
  // Drop repeated points and points in the middle of a straight edge.
  const unique = points.filter((point, index) => {
    const previous = points[(index + points.length - 1) % points.length]!;
    return point[0] !== previous[0] || point[1] !== previous[1];
  });
  return unique.filter((point, index) => {
    const previous = unique[(index + unique.length - 1) % unique.length]!;
    const next = unique[(index + 1) % unique.length]!;
    return !((previous[0] === point[0] && point[0] === next[0]) || (previous[1] === point[1] && point[1] === next[1]));
  });
}
