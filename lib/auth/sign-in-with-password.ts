import { getDb } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "./password";

/**
 * Checks an e-mail and password. Unknown accounts, disabled accounts and wrong
 * passwords are indistinguishable to the caller (and take as long).
 */
export async function signInWithPassword(input: { email: string; password: string; ip?: string }) {
  const db = getDb();
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  const ok = Boolean(user && valid && !user.disabled);
  await db.auditLog.create({
    data: {
      action: ok ? "auth.sign_in" : "auth.sign_in_failed",
      actorId: ok ? user!.id : null,
      entityType: "user",
      entityId: user?.id ?? null,
      data: { email: input.email },
      ip: input.ip ?? null,
    },
  });
  if (!ok || !user) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  const { passwordHash: _omit, ...safe } = user;
  return safe;
}
