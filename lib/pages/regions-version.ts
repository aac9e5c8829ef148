import { createHash } from "node:crypto";

/**
 * A fingerprint of a page's stored regions (ids, stories, shapes). The region
 * editor sends the one it started from with a save; a different one on the
 * server means someone else saved, or a new PDF's detection replaced them, in
 * between, and the save is refused instead of silently undoing their work.
 */
export function regionsVersion(regions: readonly { id: string; placementId: string | null; polygon: unknown }[]): string {
  const canonical = [...regions]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((region) => [region.id, region.placementId, region.polygon]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url").slice(0, 22);
}
