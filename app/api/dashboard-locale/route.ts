import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { DASHBOARD_LOCALE_COOKIE, dashboardLocales } from "@/lib/i18n/dashboard-messages";
import { setUserLocale } from "@/lib/people/set-user-locale";

const querySchema = z.object({
  to: z.enum(dashboardLocales),
  // Dashboard paths only: never an open redirect.
  next: z.string().regex(/^\/admin(\/[\x21-\x5b\x5d-\x7e]*)?$/).default("/admin"),
});

/** 中文 / English for the dashboard: kept on the account when signed in, and in a cookie. */
export async function GET(request: NextRequest) {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  const user = await getCurrentUser();
  if (user) await setUserLocale({ db: getDb(), userId: user.id, locale: parsed.data.to });
  const response = new NextResponse(null, { status: 303, headers: { Location: parsed.data.next, "Cache-Control": "no-store" } });
  response.cookies.set(DASHBOARD_LOCALE_COOKIE, parsed.data.to, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return response;
}
