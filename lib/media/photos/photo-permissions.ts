import type { Db, Tx } from "@/lib/db/client";
import { can, denied, type Actor } from "@/lib/auth/permissions";

/**
 * Editing a photo: anyone with photo.editAny, or its uploader (Asset.createdById)
 * with photo.editOwn. Used by the pages to decide what to show, and by the domain.
 */
export function canEditPhoto(actor: Actor, uploaderId: string | null): boolean {
  return can(actor.role, "photo.editAny") || (uploaderId === actor.id && can(actor.role, "photo.editOwn"));
}

/** Throws FORBIDDEN (audited) unless the actor may edit this photo. */
export async function assertCanEditPhoto(options: { db: Db | Tx; actor: Actor; photoId: string; uploaderId: string | null }) {
  const { db, actor, photoId, uploaderId } = options;
  if (canEditPhoto(actor, uploaderId)) return;
  const action = uploaderId === actor.id ? "photo.editOwn" : "photo.editAny";
  throw await denied({ db, actor, action, entityType: "photo", entityId: photoId });
}
