/** An axis-aligned rectangle: left, top, right, bottom (y grows downwards, as on the page image). */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function width(rect: Rect): number {
  return Math.max(0, rect.x1 - rect.x0);
}

export function height(rect: Rect): number {
  return Math.max(0, rect.y1 - rect.y0);
}

export function area(rect: Rect): number {
  return width(rect) * height(rect);
}

/** Length of the overlap of [a0, a1] and [b0, b1] (0 when they are apart). */
export function overlap1d(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export function union(rects: readonly Rect[]): Rect {
  return {
    x0: Math.min(...rects.map((rect) => rect.x0)),
    y0: Math.min(...rects.map((rect) => rect.y0)),
    x1: Math.max(...rects.map((rect) => rect.x1)),
    y1: Math.max(...rects.map((rect) => rect.y1)),
  };
}

export type Polygon = [number, number][];

/** The rectangle's corners, clockwise from top-left: the shape the Region table stores. */
export function rectToPolygon(rect: Rect): Polygon {
  return [
    [rect.x0, rect.y0],
    [rect.x1, rect.y0],
    [rect.x1, rect.y1],
    [rect.x0, rect.y1],
  ];
}

/** The bounding rectangle of a stored polygon, or null when the JSON is not one. */
export function polygonToRect(polygon: unknown): Rect | null {
  if (!Array.isArray(polygon) || polygon.length < 3) return null;
  const points: [number, number][] = [];
  for (const point of polygon) {
    if (!Array.isArray(point) || typeof point[0] !== "number" || typeof point[1] !== "number") return null;
    points.push([point[0], point[1]]);
  }
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
