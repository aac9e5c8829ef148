import { NextResponse } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { DASHBOARD_LOCALE_COOKIE, dashboardLocales } from "@/lib/i18n/dashboard-messages";
import { setUserLocale } from "@/lib/people/set-user-locale";

const formSchema = z.object({
  to: z.enum(dashboardLocales),
  // Dashboard paths only: never an open redirect.
  next: z.string().regex(/^\/admin(\/[\x21-\x5b\x5d-\x7e]*)?$/).default("/admin"),
});

/**
 * 中文 / English for the dashboard (a form's POST from the language switch):
 * kept on the account when signed in, and in a cookie. Another site cannot
 * change it.
 */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return new Response("Forbidden", { status: 403, headers: { "Cache-Control": "no-store" } });
  const form = await request.formData().catch(() => null);
  const parsed = formSchema.safeParse(form ? Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === "string")) : {});
  if (!parsed.success) return new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });
  const user = await getCurrentUser();
  if (user) await setUserLocale({ db: getDb(), userId: user.id, locale: parsed.data.to });
  const response = new NextResponse(null, { status: 303, headers: { Location: parsed.data.next, "Cache-Control": "no-store" } });
  response.cookies.set(DASHBOARD_LOCALE_COOKIE, parsed.data.to, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  return response;
}
