import { area, overlap1d, type Rect } from "./rect";

/** Intersection-over-union of two rectangles, 0..1. */
export function iou(a: Rect, b: Rect): number {
  const inter = overlap1d(a.x0, a.x1, b.x0, b.x1) * overlap1d(a.y0, a.y1, b.y0, b.y1);
  const total = area(a) + area(b) - inter;
  return total > 0 ? inter / total : 0;
}

/** The area covered by a set of rectangles (overlaps counted once), by compressed coordinates. */
function coverage(rects: readonly Rect[], inside: (cx: number, cy: number) => boolean): number {
  const xs = [...new Set(rects.flatMap((rect) => [rect.x0, rect.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(rects.flatMap((rect) => [rect.y0, rect.y1]))].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < xs.length; i += 1) {
    for (let j = 0; j + 1 < ys.length; j += 1) {
      const cx = (xs[i]! + xs[i + 1]!) / 2;
      const cy = (ys[j]! + ys[j + 1]!) / 2;
      if (inside(cx, cy)) total += (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
    }
  }
  return total;
}

const contains = (rects: readonly Rect[], x: number, y: number) => rects.some((rect) => x >= rect.x0 && x <= rect.x1 && y >= rect.y0 && y <= rect.y1);

/**
 * Intersection-over-union of two shapes each given as rectangles whose union
 * is the shape (an L-shaped article as two rectangles), exactly.
 */
export function shapeIou(a: readonly Rect[], b: readonly Rect[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length === 1 && b.length === 1) return iou(a[0]!, b[0]!);
  const all = [...a, ...b];
  const inter = coverage(all, (x, y) => contains(a, x, y) && contains(b, x, y));
  const total = coverage(all, (x, y) => contains(a, x, y) || contains(b, x, y));
  return total > 0 ? inter / total : 0;
}

/** The share of shape `a` that shape `b` covers, 0..1 (each a union of rectangles). */
export function coveredShare(a: readonly Rect[], b: readonly Rect[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const all = [...a, ...b];
  const own = coverage(all, (x, y) => contains(a, x, y));
  return own > 0 ? coverage(all, (x, y) => contains(a, x, y) && contains(b, x, y)) / own : 0;
}
