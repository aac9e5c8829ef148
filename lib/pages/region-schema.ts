import { z } from "zod";

// The region editor's save: the page's whole region list, as the form and the
// server action both read it. Plain zod, no server imports (the editor uses it).

export const MAX_REGIONS = 300;
const MAX_POINTS = 200;

const coordinate = z.number().finite().min(0).max(1);

/** [[x, y], …], each 0..1 of the page image's width / height; at least a triangle. */
export const polygonSchema = z.array(z.tuple([coordinate, coordinate])).min(3).max(MAX_POINTS);
export type Polygon = z.output<typeof polygonSchema>;

export const regionInputSchema = z.object({
  /** An existing region of this page; absent for a new one. */
  id: z.uuid().optional(),
  polygon: polygonSchema,
  placementId: z.uuid().nullable(),
});

export const savePageRegionsSchema = z.object({
  pageId: z.uuid(),
  regions: z.array(regionInputSchema).max(MAX_REGIONS),
  /** The regions version (lib/pages/regions-version.ts) the editor started from. */
  baseVersion: z.string().max(64).optional(),
});

export type RegionInput = z.output<typeof regionInputSchema>;
export type SavePageRegionsInput = z.output<typeof savePageRegionsSchema>;

export const createStoryFromRegionSchema = z.object({ regionId: z.uuid() });

/** The bounding box of a polygon, 0..1. */
export function boundsOf(polygon: Polygon): { x: number; y: number; w: number; h: number } {
  const xs = polygon.map(([x]) => x);
  const ys = polygon.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}

export function rectangle(box: { x: number; y: number; w: number; h: number }): Polygon {
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  const x0 = clamp(box.x);
  const y0 = clamp(box.y);
  const x1 = clamp(box.x + box.w);
  const y1 = clamp(box.y + box.h);
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/** Whether the polygon is exactly its bounding box (the editor's number inputs keep it so). */
export function isRectangle(polygon: Polygon): boolean {
  if (polygon.length !== 4) return false;
  const { x, y, w, h } = boundsOf(polygon);
  const corners = rectangle({ x, y, w, h });
  return corners.every(([cx, cy]) => polygon.some(([px, py]) => Math.abs(px - cx) < 1e-9 && Math.abs(py - cy) < 1e-9));
}
