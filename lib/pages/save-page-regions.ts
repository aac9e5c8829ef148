import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { pageError } from "./page-errors";
import { nextRegionNumber } from "./region-numbers";
import { polygonSchema, savePageRegionsSchema, type Polygon, type SavePageRegionsInput } from "./region-schema";
import { regionsVersion } from "./regions-version";

export interface SavePageRegionsResult {
  created: number;
  updated: number;
  deleted: number;
}

/**
 * Replaces a page's regions with the editor's list, in one transaction: a
 * region with an id is updated (it keeps its detected text and confidence), one
 * without is created (MANUAL) with the page's next number (in list order, one
 * more than the highest number on the page before this save: lib/pages/region-numbers.ts),
 * and the page's other regions are deleted. A region keeps its number. Every
 * change is audited (region.create / region.update / region.delete). Refuses,
 * changing nothing: polygons off the page or with fewer than 3 points, region
 * ids of another page, placements of another page, and a save based on regions
 * that changed since the editor loaded them (`baseVersion`). A region the editor
 * changed is no longer flagged as moved: they have looked at it.
 */
export async function savePageRegions(options: { db: Db; actor: Actor; input: SavePageRegionsInput }): Promise<SavePageRegionsResult> {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "edition.plan", entityType: "page", entityId: options.input.pageId });
  const parsed = savePageRegionsSchema.safeParse(options.input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    if (issue?.path[0] === "pageId") throw pageError("NOT_FOUND", "pageNotFound");
    if (issue?.path.includes("placementId")) throw pageError("INVALID_INPUT", "foreignPlacement");
    if (issue?.path.includes("id")) throw pageError("INVALID_INPUT", "foreignRegion");
    throw pageError("INVALID_INPUT", issue?.path.length === 1 && issue.code === "too_big" ? "tooManyRegions" : "badPolygon");
  }
  const { pageId, regions, baseVersion } = parsed.data;

  return db.$transaction(async (tx) => {
    // Locks the page: two editors saving at once are applied one after the other.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM pages WHERE id = ${pageId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw pageError("NOT_FOUND", "pageNotFound");
    const existing = await tx.region.findMany({ where: { pageId }, select: { id: true, number: true, polygon: true, placementId: true } });
    if (baseVersion !== undefined && baseVersion !== regionsVersion(existing)) throw pageError("CONFLICT", "regionsChanged");
    const placements = await tx.placement.findMany({ where: { pageId }, select: { id: true } });
    const placementIds = new Set(placements.map((placement) => placement.id));
    const existingById = new Map(existing.map((region) => [region.id, region]));

    for (const region of regions) {
      if (region.placementId && !placementIds.has(region.placementId)) throw pageError("INVALID_INPUT", "foreignPlacement");
      if (region.id && !existingById.has(region.id)) throw pageError("INVALID_INPUT", "foreignRegion");
    }
    const ids = regions.map((region) => region.id).filter(Boolean);
    if (new Set(ids).size !== ids.length) throw pageError("INVALID_INPUT", "foreignRegion");

    const result: SavePageRegionsResult = { created: 0, updated: 0, deleted: 0 };
    const audit = (action: string, entityId: string, data: Prisma.InputJsonValue) =>
      tx.auditLog.create({ data: { actorId: actor.id, action, entityType: "region", entityId, data } });

    // Taken before deleting: a number deleted in this save is not given to a region created in it.
    let number = nextRegionNumber(existing);
    const kept = new Set(ids);
    for (const region of existing) {
      if (kept.has(region.id)) continue;
      await tx.region.delete({ where: { id: region.id } });
      await audit("region.delete", region.id, { pageId, number: region.number, polygon: region.polygon as Prisma.InputJsonValue, placementId: region.placementId });
      result.deleted += 1;
    }
    for (const region of regions) {
      const before = region.id ? existingById.get(region.id) : undefined;
      if (before) {
        const samePolygon = samePolygons(before.polygon, region.polygon);
        if (samePolygon && before.placementId === region.placementId) continue;
        await tx.region.update({ where: { id: before.id }, data: { polygon: region.polygon, placementId: region.placementId, moved: false } });
        await audit("region.update", before.id, {
          pageId,
          ...(samePolygon ? {} : { polygon: region.polygon }),
          ...(before.placementId === region.placementId ? {} : { placementId: region.placementId, previousPlacementId: before.placementId }),
        });
        result.updated += 1;
      } else {
        const created = await tx.region.create({ data: { pageId, number, polygon: region.polygon, placementId: region.placementId, source: "MANUAL" }, select: { id: true } });
        await audit("region.create", created.id, { pageId, number, polygon: region.polygon, placementId: region.placementId });
        number += 1;
        result.created += 1;
      }
    }
    return result;
  });
}

function samePolygons(stored: unknown, next: Polygon): boolean {
  const parsed = polygonSchema.safeParse(stored);
  if (!parsed.success || parsed.data.length !== next.length) return false;
  return parsed.data.every(([x, y], index) => Math.abs(x - next[index]![0]) < 1e-9 && Math.abs(y - next[index]![1]) < 1e-9);
}
