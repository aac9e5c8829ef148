import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { checkEmail, checkPassword, checkStaffName, duplicateEmailError, isUniqueViolation } from "./account-rules";

/**
 * Creates a staff account. Without a password one is generated and returned
 * once (for the admin to hand over); only its argon2 hash is stored.
 */
export async function createStaffAccount(options: { db: Db; actor: Actor; email: string; name: string; role: Role; password?: string }) {
  const { db, actor } = options;
  await assertCan({ db, actor, action: "staff.manage", entityType: "user" });
  const email = checkEmail(options.email);
  const name = checkStaffName(options.name);
  const generatedPassword = options.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(checkPassword(options.password || generatedPassword!));

  try {
    const user = await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw duplicateEmailError();
      const created = await tx.user.create({
        data: { email, name, role: options.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "staff.create", entityType: "user", entityId: created.id, data: { email, name, role: options.role } },
      });
      return created;
    });
    return { user, generatedPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateEmailError();
    throw error;
  }
}
