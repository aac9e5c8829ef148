import type { Db } from "@/lib/db/client";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors/app-error";
import { checkPassword } from "./account-rules";
import { assertId } from "@/lib/validation/id";

/**
 * Sets a new password, typed by the admin or generated (returned once, never
 * stored in clear). The account's sessions end, and its sign-in delays are
 * cleared so the new password works at once.
 */
export async function resetPassword(options: { db: Db; actor: Actor; userId: string; password?: string }) {
  const { db, actor, userId } = options;
  await assertCan({ db, actor, action: "staff.manage", entityType: "user", entityId: userId });
  assertId(userId);
  const generatedPassword = options.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(checkPassword(options.password || generatedPassword!));
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new AppError("NOT_FOUND");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.signInThrottle.deleteMany({ where: { email: user.email } });
    await tx.auditLog.create({
      data: { actorId: actor.id, action: "staff.password_reset", entityType: "user", entityId: userId, data: { generated: Boolean(generatedPassword) } },
    });
  });
  return { generatedPassword };
}
