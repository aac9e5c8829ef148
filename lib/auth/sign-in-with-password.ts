import { getDb } from "@/lib/db/client";
import { decoyHash, verifyPassword } from "./password";

/** Failures counted over this window… */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** …at most this many per account (as typed, existing or not)… */
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** …and this many per address, then sign-in waits until the window passes. */
export const MAX_FAILURES_PER_ADDRESS = 20;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; disabled: boolean; sessionVersion: number } }
  | { ok: false; reason: "INVALID" | "RATE_LIMITED" };

/**
 * Checks an e-mail and password. Unknown accounts, disabled accounts and wrong
 * passwords are indistinguishable to the caller (and take as long). After too
 * many failures for the account or the address, it refuses without checking.
 */
export async function signInWithPassword(input: { email: string; password: string; ip?: string; now?: Date }): Promise<SignInResult> {
  const db = getDb();
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const [accountFailures, addressFailures] = await Promise.all([
    db.signInFailure.count({ where: { email: input.email, createdAt: { gt: since } } }),
    input.ip ? db.signInFailure.count({ where: { ip: input.ip, createdAt: { gt: since } } }) : 0,
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || addressFailures >= MAX_FAILURES_PER_ADDRESS) {
    await db.auditLog.create({
      data: { action: "auth.sign_in_rate_limited", entityType: "user", data: { email: input.email }, ip: input.ip ?? null },
    });
    return { ok: false, reason: "RATE_LIMITED" };
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
  if (!ok || !user) {
    await db.signInFailure.create({ data: { email: input.email, ip: input.ip ?? null, createdAt: now } });
    return { ok: false, reason: "INVALID" };
  }
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { lastSignInAt: now } }),
    db.signInFailure.deleteMany({ where: { email: input.email } }),
  ]);
  const { passwordHash: _omit, ...safe } = user;
  return { ok: true, user: safe };
}
