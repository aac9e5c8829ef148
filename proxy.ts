import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { isWellFormedActionBody } from "@/lib/http/server-action-body";
import { DASHBOARD_LOCALE_COOKIE, dashboardMessages, isDashboardLocale } from "@/lib/i18n/dashboard-messages";

// The dashboard only: redirects anonymous requests to sign-in. Every page and
// action checks the user itself. Reader URLs are rewritten in next.config.js.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A server action whose body cannot be decoded is the client's error: 400, before Next decodes it.
  if (request.method === "POST" && request.headers.has("next-action") && !(await isWellFormedActionBody(request.clone()))) {
    const cookie = request.cookies.get(DASHBOARD_LOCALE_COOKIE)?.value;
    const m = dashboardMessages(isDashboardLocale(cookie) ? cookie : "zh-CN");
    return withDashboardHeaders(new NextResponse(m.input.malformed, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } }));
  }
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
