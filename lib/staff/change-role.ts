import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { assertId } from "@/lib/validation/id";
import { assertAnotherActiveAdmin } from "./last-active-admin";

/**
 * Gives a staff member another role. Their sessions end (sessionVersion), so
 * the new permissions apply from their next sign-in, not from a stale cookie.
 */
export async function changeRole(options: { db: Db; actor: Actor; userId: string; role: Role }) {
  const { db, actor, userId, role } = options;
  await assertCan({ db, actor, action: "staff.manage", entityType: "user", entityId: userId });
  assertId(userId);
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabled: true } });
    if (!current) throw new AppError("NOT_FOUND");
    if (current.role === role) return { changed: false as const };
    if (current.role === "ADMIN" && !current.disabled) await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "staff.role_change", entityType: "user", entityId: userId, data: { from: current.role, to: role } },
    });
    return { changed: true as const };
  });
}
