import { env } from "@/lib/config/env";

// Cross-site request forgery: a state-changing request a browser makes is
// honoured only from the dashboard's own pages. Browsers say where a request
// comes from in Sec-Fetch-Site (all current ones) and Origin; a sibling
// subdomain is "same-site", not "same-origin", and is refused too, and so is a
// request that says neither. (Server actions get the same check from Next.)

/** Whether the request comes from a page of this site. */
export function isSameOriginRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite === "same-origin";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const allowed = [new URL(request.url).origin, ...(env().NEXTAUTH_URL ? [new URL(env().NEXTAUTH_URL!).origin] : [])];
  return allowed.includes(origin);
}
