import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { clientAddress, parseTrustedProxies } from "@/lib/http/client-address";
import { sessionCookie } from "./session-cookie";
import { signInWithPassword } from "./sign-in-with-password";
import { endStaffSession, startStaffSession, type SessionLimits } from "./staff-sessions";

/** The error code the sign-in form shows as "too many attempts". */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});

export function sessionLimits(): SessionLimits {
  return { maxAgeMs: env().SESSION_MAX_AGE_HOURS * 3_600_000, idleMs: env().SESSION_IDLE_MINUTES * 60_000 };
}

const trustedProxies = parseTrustedProxies(env().TRUSTED_PROXIES);
const cookie = sessionCookie(env().NEXTAUTH_URL);

/**
 * Staff sign in with e-mail and password. The session cookie is a signed JWT
 * naming a session row (staff-sessions.ts), which signing out ends.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  useSecureCookies: cookie.secure,
  cookies: {
    sessionToken: { name: cookie.name, options: { httpOnly: true, sameSite: "lax", path: "/", secure: cookie.secure } },
  },
  pages: { signIn: "/admin/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const ip = clientAddress(new Headers(request.headers as Record<string, string>), trustedProxies);
        const result = await signInWithPassword({ ...parsed.data, ip });
        // next-auth hands a thrown message to the sign-in form as `error`.
        if (!result.ok && result.reason === "RATE_LIMITED") throw new Error(SIGN_IN_RATE_LIMITED);
        if (!result.ok) return null;
        const { user } = result;
        const sessionId = await startStaffSession(getDb(), { userId: user.id, ip, limits: sessionLimits() });
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
        token.sessionId = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.sub ?? "";
      session.sessionVersion = token.sessionVersion ?? 0;
      session.sessionId = token.sessionId ?? "";
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sessionId) await endStaffSession(getDb(), token.sessionId);
    },
  },
};
