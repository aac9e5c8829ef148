import type { Db } from "@/lib/db/client";

// Staff sessions on the server. The signed cookie (a next-auth JWT) only names
// its session; the row says whether it still holds, so signing out ends it at
// once, an idle session ends after SESSION_IDLE_MINUTES without a request, and
// none outlives SESSION_MAX_AGE_HOURS. (Disabling an account, changing its role
// or resetting its password ends all of them: sessionVersion.)

/** A session's last request is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionLimits {
  maxAgeMs: number;
  idleMs: number;
}

/** How long a session that ended is kept (who was signed in from where, for an inquiry); the audit log keeps sign-ins for good. */
export const ENDED_SESSIONS_KEPT_DAYS = 30;

export async function startStaffSession(db: Db, input: { userId: string; ip?: string; limits: SessionLimits; now?: Date }): Promise<string> {
  const now = input.now ?? new Date();
  const [session] = await db.$transaction([
    db.staffSession.create({
      data: { userId: input.userId, ip: input.ip ?? null, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + input.limits.maxAgeMs) },
      select: { id: true },
    }),
    // Each sign-in clears out sessions long over, so the table stays the size of a month's sign-ins.
    db.staffSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - ENDED_SESSIONS_KEPT_DAYS * 86_400_000) } } }),
  ]);
  return session.id;
}

const userFields = { id: true, email: true, name: true, role: true, locale: true, disabled: true, sessionVersion: true } as const;

/** The staff member a session belongs to while it holds, or null; notes the request. */
export async function userOfSession(db: Db, input: { sessionId: string; sessionVersion: number; limits: SessionLimits; now?: Date }) {
  const now = input.now ?? new Date();
  const session = await db.staffSession.findUnique({ where: { id: input.sessionId }, select: { endedAt: true, expiresAt: true, lastSeenAt: true, user: { select: userFields } } });
  if (!session || session.endedAt || session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > input.limits.idleMs) return null;
  const { user } = session;
  if (user.disabled || user.sessionVersion !== input.sessionVersion) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.staffSession.update({ where: { id: input.sessionId }, data: { lastSeenAt: now } });
  }
  return user;
}

export async function endStaffSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}
