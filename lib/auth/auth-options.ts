import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { signInWithPassword } from "./sign-in-with-password";

/** The error code the sign-in form shows as "too many attempts". */
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(1024),
});

/** Staff sign in with e-mail and password; the session is a signed JWT cookie. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/admin/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const forwarded = request.headers?.["x-forwarded-for"];
        const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
        const result = await signInWithPassword({ ...parsed.data, ip });
        // next-auth hands a thrown message to the sign-in form as `error`.
        if (!result.ok && result.reason === "RATE_LIMITED") throw new Error(SIGN_IN_RATE_LIMITED);
        if (!result.ok) return null;
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      session.userId = token.sub ?? "";
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
};
