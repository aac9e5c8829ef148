import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { SCRIPT_COOKIE, scripts } from "@/lib/reader/script";
import { inScript } from "@/lib/reader/urls";

const querySchema = z.object({
  to: z.enum(scripts),
  // Only paths of this site: never an open redirect.
  next: z.string().regex(/^\/(?!\/)[\x21-\x5b\x5d-\x7e]*$/).default("/"),
});

/**
 * The old 简 / 繁 switch (links made before each script had its own URLs, in
 * pages and feeds readers kept): remembers the script in a cookie and goes to
 * the page's URL in that script.
 */
export function GET(request: NextRequest) {
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return new Response("Bad request", { status: 400 });
  // A relative Location: the browser stays on the host it asked (and sends the cookie).
  const response = new NextResponse(null, { status: 303, headers: { Location: inScript(parsed.data.next, parsed.data.to) } });
  response.cookies.set(SCRIPT_COOKIE, parsed.data.to, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  response.headers.set("Cache-Control", "no-store");
  return response;
}
