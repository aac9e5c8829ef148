import type { Db } from "@/lib/db/client";
import { generatePassword, hashPassword } from "@/lib/auth/password";

export interface BootstrapAdminResult {
  email: string;
  /** Set only when the password was generated here; shown once, never stored in clear. */
  generatedPassword?: string;
}

/**
 * On the first start (no admin yet), creates the admin account from ADMIN_EMAIL
 * and ADMIN_PASSWORD, or with a generated password that is printed once.
 */
export async function bootstrapAdmin(options: {
  db: Db;
  email?: string;
  password?: string;
}): Promise<BootstrapAdminResult | undefined> {
  const { db } = options;
  if (await db.user.findFirst({ where: { role: "ADMIN" }, select: { id: true } })) return undefined;
  const email = (options.email ?? "admin@example.com").trim().toLowerCase();
  const generatedPassword = options.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(options.password ?? generatedPassword!);
  await db.user.upsert({
    where: { email },
    create: { email, name: "管理员", role: "ADMIN", passwordHash },
    update: { role: "ADMIN", passwordHash, disabled: false, sessionVersion: { increment: 1 } },
  });
  await db.auditLog.create({ data: { action: "user.bootstrap_admin", entityType: "user", data: { email } } });
  return { email, generatedPassword };
}
