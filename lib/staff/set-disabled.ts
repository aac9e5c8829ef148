import type { Db } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { assertId } from "@/lib/validation/id";
import { assertAnotherActiveAdmin } from "./last-active-admin";

/**
 * Disables (the account's sessions end at once) or re-enables a staff account.
 * Nothing is deleted: their stories, bylines and audit entries stay theirs.
 */
export async function setDisabled(options: { db: Db; actor: Actor; userId: string; disabled: boolean }) {
  const { db, actor, userId, disabled } = options;
  await assertCan({ db, actor, action: "staff.manage", entityType: "user", entityId: userId });
  assertId(userId);
  return db.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabled: true } });
    if (!current) throw new AppError("NOT_FOUND");
    if (current.disabled === disabled) return { changed: false as const };
    if (disabled && current.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({
      where: { id: userId },
      data: disabled ? { disabled, sessionVersion: { increment: 1 } } : { disabled },
    });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: disabled ? "staff.disable" : "staff.enable", entityType: "user", entityId: userId, data: { role: current.role } },
    });
    return { changed: true as const };
  });
}
