import type { Tx } from "@/lib/db/client";

/**
 * The number the next new region of a page gets (`regions.number`, shown in the
 * region editor): one more than the highest on the page, 1 on a page without
 * regions. A number stays with its region through moves, resizes and new
 * stories; a deleted region's number comes back only when it was the highest.
 *
 * Call it inside the transaction that creates the region, with the page row
 * locked (`SELECT … FROM pages … FOR UPDATE`), so two writers cannot hand out
 * the same number. Several new regions in one transaction: take this once and
 * count up from it.
 */
export async function nextRegionNumber(tx: Tx, pageId: string): Promise<number> {
  const highest = await tx.region.aggregate({ where: { pageId }, _max: { number: true } });
  return (highest._max.number ?? 0) + 1;
}
