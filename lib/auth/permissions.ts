import type { Db, Tx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who may do what: one typed map, checked inside every domain function that
 * changes something (never only in a page or route). Rules that depend on the
 * record (a reporter's own draft, a photographer's requested story) live beside
 * the domain function and are applied on top of this map.
 */
export const permissions = {
  // Stories (稿件)
  "story.create": ["ADMIN", "EDITOR", "REPORTER"],
  /** Open and edit one's own story while it is a draft. */
  "story.editOwn": ["ADMIN", "EDITOR", "REPORTER"],
  /** Open and edit anyone's story. */
  "story.editAny": ["ADMIN", "EDITOR"],
  /** Open a story one has been asked to photograph, and attach photos to it. */
  "story.attachPhotos": ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"],
  "story.submit": ["ADMIN", "EDITOR", "REPORTER"],
  /** Move stories through the desk: 编辑中, 待发, back to the reporter. */
  "story.review": ["ADMIN", "EDITOR"],
  "story.kill": ["ADMIN", "EDITOR"],
  "story.publish": ["ADMIN", "EDITOR"],
  "story.correct": ["ADMIN", "EDITOR"],
  // Photos and the media library
  "photo.upload": ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"],
  "photo.editOwn": ["ADMIN", "EDITOR", "REPORTER", "PHOTOGRAPHER"],
  "photo.editAny": ["ADMIN", "EDITOR", "PHOTOGRAPHER"],
  "photo.delete": ["ADMIN", "EDITOR"],
  // Editions and pages (edition production)
  "edition.plan": ["ADMIN", "EDITOR"],
  "edition.publish": ["ADMIN", "EDITOR"],
  "edition.withdraw": ["ADMIN", "EDITOR"],
  // Administration
  "staff.manage": ["ADMIN"],
  "people.manage": ["ADMIN"],
  "publication.manage": ["ADMIN"],
  "audit.view": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;
export const actions = Object.keys(permissions) as Action[];

export interface Actor {
  id: string;
  role: Role;
}

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/** Writes a refused attempt to the audit log and returns the error to throw. */
export async function denied(options: { db: Db | Tx; actor: Actor; action: Action; entityType: string; entityId?: string; reason?: string }) {
  const { db, actor } = options;
  await db.auditLog.create({
    data: {
      actorId: actor.id,
      action: "permission.denied",
      entityType: options.entityType,
      entityId: options.entityId ?? null,
      data: { attempted: options.action, role: actor.role, ...(options.reason ? { reason: options.reason } : {}) },
    },
  });
  return new AppError("FORBIDDEN");
}

/**
 * Throws FORBIDDEN unless the actor may do `action`; a refused attempt is written
 * to the audit log (pass the root client, not a transaction, so the refusal is kept).
 */
export async function assertCan(options: { db: Db | Tx; actor: Actor; action: Action; entityType: string; entityId?: string }) {
  if (can(options.actor.role, options.action)) return;
  throw await denied(options);
}
