import { area, overlap1d, type Rect } from "./rect";

/** Intersection-over-union of two rectangles, 0..1. */
export function iou(a: Rect, b: Rect): number {
  const inter = overlap1d(a.x0, a.x1, b.x0, b.x1) * overlap1d(a.y0, a.y1, b.y0, b.y1);
  const total = area(a) + area(b) - inter;
  return total > 0 ? inter / total : 0;
}
