import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db/client";
import { authOptions, sessionLimits } from "./auth-options";
import { userOfSession } from "./staff-sessions";

/**
 * The signed-in staff member for this request, or null. The session cookie alone
 * is not trusted: its session must still hold (not signed out, idle or too old:
 * staff-sessions.ts), and a disabled account, or one whose role or password
 * changed since sign-in (sessionVersion), has no session.
 */
export const getCurrentUser = cache(async () => {
  const session = await getServerSession(authOptions);
  if (!session?.userId || !session.sessionId) return null;
  const user = await userOfSession(getDb(), { sessionId: session.sessionId, sessionVersion: session.sessionVersion, limits: sessionLimits() });
  return user && user.id === session.userId ? user : null;
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For dashboard pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/admin/sign-in");
  return user;
}
