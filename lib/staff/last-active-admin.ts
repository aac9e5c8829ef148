import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Refuses a change that would leave no active admin (nobody could manage staff
 * any more). Locks the active admins' rows first, so two admins demoting or
 * disabling each other at the same moment cannot both succeed: the second waits,
 * then counts without the first.
 */
export async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM users WHERE role = 'ADMIN' AND disabled = false ORDER BY id FOR UPDATE`;
  const others = admins.filter((admin) => admin.id !== userId);
  if (others.length === 0) {
    throw new AppError("INVALID_STATE", {
      "zh-CN": "这是最后一个启用中的管理员账号，不能停用或改为其他角色。请先指定另一位管理员。",
      en: "This is the last active admin account: it cannot be disabled or given another role. Make someone else an admin first.",
    });
  }
}
