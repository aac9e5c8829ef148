import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
    /** The staff_sessions row the cookie names (lib/auth/staff-sessions.ts). */
    sessionId: string;
  }
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    sessionId?: string;
  }
}
