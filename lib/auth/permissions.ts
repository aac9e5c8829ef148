import type { Db, Tx } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";

/**
 * Who may do what: one typed map, checked inside every domain function that
 * changes something (never only in a page or route).
 */
export const permissions = {
  "edition.publish": ["ADMIN", "EDITOR"],
  "edition.withdraw": ["ADMIN", "EDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export interface Actor {
  id: string;
  role: Role;
}

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

/**
 * Throws FORBIDDEN unless the actor may do `action`; a refused attempt is written
 * to the audit log (outside any transaction, so the refusal is kept).
 */
export async function assertCan(options: { db: Db | Tx; actor: Actor; action: Action; entityType: string; entityId?: string }) {
  const { db, actor, action } = options;
  if (can(actor.role, action)) return;
  await db.auditLog.create({
    data: { actorId: actor.id, action: "permission.denied", entityType: options.entityType, entityId: options.entityId ?? null, data: { attempted: action, role: actor.role } },
  });
  throw new AppError("FORBIDDEN");
}
