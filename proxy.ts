import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { sessionCookie } from "@/lib/auth/session-cookie";

// The dashboard only: redirects anonymous requests to sign-in. Every page and
// action checks the user itself. Reader URLs are rewritten in next.config.js.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/admin/sign-in") {
    const cookie = sessionCookie(process.env.NEXTAUTH_URL);
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, cookieName: cookie.name, secureCookie: cookie.secure });
    if (!token) {
      const url = request.nextUrl.clone();
      url.pathname = "/admin/sign-in";
      url.search = `?${new URLSearchParams({ callbackUrl: pathname + search })}`;
      return withDashboardHeaders(NextResponse.redirect(url));
    }
  }
  return withDashboardHeaders(NextResponse.next());
}

/** Staff pages are never cached by shared caches and never framed by other sites. */
function withDashboardHeaders(response: NextResponse): NextResponse {
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  return response;
}

export const config = {
  matcher: ["/admin", "/admin/:path*"],
};
