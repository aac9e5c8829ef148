import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { routeReaderRequest } from "@/lib/reader/routing";
import { SCRIPT_COOKIE } from "@/lib/reader/script";

// Only routes and redirects: every dashboard page and action checks the user itself.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return dashboard(request, pathname, search);

  const routing = routeReaderRequest(request.nextUrl, request.cookies.get(SCRIPT_COOKIE)?.value);
  if (routing.kind === "pass") return NextResponse.next();
  if (routing.kind === "redirect") {
    const target = request.nextUrl.clone();
    const location = new URL(routing.location, "http://placeholder");
    target.pathname = location.pathname;
    target.search = location.search;
    const response = NextResponse.redirect(target, 303);
    response.cookies.set(SCRIPT_COOKIE, routing.script, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
    response.headers.set("Cache-Control", "no-store");
    return response;
  }
  // nextUrl keeps the request's own origin, so the rewrite stays inside this server.
  const target = request.nextUrl.clone();
  target.pathname = routing.pathname;
  const response = NextResponse.rewrite(target);
  // The same URL is Simplified or Traditional depending on the reader's cookie.
  response.headers.set("Vary", "Cookie");
  return response;
}

async function dashboard(request: NextRequest, pathname: string, search: string) {
  if (pathname !== "/admin/sign-in") {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const url = new URL("/admin/sign-in", request.url);
      url.searchParams.set("callbackUrl", pathname + search);
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
  matcher: ["/((?!_next/static|_next/image|media/|favicon.ico).*)"],
};
