import { getDb } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "./password";
import { claimSignInAttempt, settleSignIn, signInKeys } from "./sign-in-throttle";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; disabled: boolean; sessionVersion: number } }
  | { ok: false; reason: "INVALID" }
  | { ok: false; reason: "RATE_LIMITED"; retryAfterSeconds: number };

/**
 * Checks an e-mail and password. Unknown accounts, disabled accounts and wrong
 * passwords are indistinguishable to the caller (and take as long). Each
 * attempt is claimed first (sign-in-throttle.ts): too many in a row, for the
 * account or from the address, and it must wait, unchecked.
 */
export async function signInWithPassword(input: { email: string; password: string; ip?: string; now?: Date }): Promise<SignInResult> {
  const db = getDb();
  const claim = await claimSignInAttempt(db, signInKeys(input.email, input.ip), input.now);
  if (!claim.allowed) {
    await db.auditLog.create({
      data: { action: "auth.sign_in_rate_limited", entityType: "user", data: { email: input.email, retryAfterSeconds: claim.retryAfterSeconds }, ip: input.ip ?? null },
    });
    return { ok: false, reason: "RATE_LIMITED", retryAfterSeconds: claim.retryAfterSeconds };
  }

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
  if (!ok || !user) return { ok: false, reason: "INVALID" };
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: input.now ?? new Date() } });
  await settleSignIn(db, input.email, input.ip, input.now);
  const { passwordHash: _omit, ...safe } = user;
  return { ok: true, user: safe };
}
