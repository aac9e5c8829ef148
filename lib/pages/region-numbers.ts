/**
 * The number the next new region of a page gets (`regions.number`, shown in the
 * region editor): one more than the highest of the page's regions, 1 on a page
 * without regions. A number stays with its region through moves, resizes and new
 * stories; a deleted region's number comes back only when it was the highest.
 *
 * Pass the page's regions as read inside the transaction that creates the new
 * ones, with the page row locked (`SELECT … FROM pages … FOR UPDATE`) and before
 * any are deleted, so two writers cannot hand out the same number and a number
 * deleted in a save is not given again in it. Several new regions: count up from it.
 */
export function nextRegionNumber(regions: readonly { number: number }[]): number {
  return Math.max(0, ...regions.map((region) => region.number)) + 1;
}
