import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { parseTrustedProxies } from "@/lib/http/client-address";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/http/security-headers.js";
import { servedOverHttps } from "@/lib/http/served-over-https";
import { isWellFormedActionBody } from "@/lib/http/server-action-body";
import { DASHBOARD_LOCALE_COOKIE, dashboardMessages, isDashboardLocale } from "@/lib/i18n/dashboard-messages";

// Every page Next renders (the dashboard, reader search, a not-found) gets a
// CSP with a fresh nonce, which Next reads from the request's header and puts
// on its own scripts (docs/ARCHITECTURE.md, "Response headers"); published
// reader pages never reach Next. The dashboard's anonymous requests are also
// redirected to sign-in here; every page and action checks the user itself.
// Reader URLs are rewritten in next.config.js, after this runs.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const dashboard = pathname === "/admin" || pathname.startsWith("/admin/");
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy({ nonce, frameAncestors: dashboard ? "'none'" : "'self'", dev: process.env.NODE_ENV === "development" });
  let response: NextResponse;
  if (request.method === "POST" && request.headers.has("next-action") && !(await isWellFormedActionBody(request.clone()))) {
    // A server action whose body cannot be decoded is the client's error: 400, before Next decodes it.
    const locale = request.cookies.get(DASHBOARD_LOCALE_COOKIE)?.value;
    const m = dashboardMessages(isDashboardLocale(locale) ? locale : "zh-CN");
    response = new NextResponse(m.input.malformed, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  } else if (dashboard && pathname !== "/admin/sign-in" && !(await signedIn(request))) {
    const url = request.nextUrl.clone();
    url.pathname = "/admin/sign-in";
    url.search = `?${new URLSearchParams({ callbackUrl: pathname + search })}`;
    response = NextResponse.redirect(url);
  } else {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (servedOverHttps(request.headers, https())) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  // Staff pages are never cached by shared caches and never framed.
  if (dashboard) {
    response.headers.set("Cache-Control", "private, no-store");
    response.headers.set("X-Frame-Options", "DENY");
  }
  return response;
}

async function signedIn(request: NextRequest): Promise<boolean> {
  const cookie = sessionCookie(process.env.NEXTAUTH_URL);
  return Boolean(await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, cookieName: cookie.name, secureCookie: cookie.secure }));
}

let httpsOptions: Parameters<typeof servedOverHttps>[1] | undefined;
function https() {
  httpsOptions ??= { siteUrl: process.env.NEXTAUTH_URL, trustedProxies: parseTrustedProxies(process.env.TRUSTED_PROXIES) };
  return httpsOptions;
}

export const config = {
  // Not what is never an HTML page (APIs, Next's static files, media, feeds,
  // sitemaps, icons): those keep next.config.js's constant headers.
  matcher: ["/((?!api/|_next/static/|_next/image|media/|reader-assets/|feed\\.xml|feeds/|sitemap\\.xml|sitemaps/|news-sitemap\\.xml|robots\\.txt|favicon\\.ico|icon|apple-icon).*)"],
};
